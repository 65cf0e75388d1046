import type { LinkError } from '../errors.js';
import type { ConsentDetail } from '../events.js';
import {
  WEBVIEW_MESSAGE_SOURCE,
  type FiskilLinkWebViewMessage,
  type WebViewLinkErrorDetail,
} from './message.js';

/** A `LinkError` as plain data: an Error's own fields do not survive JSON. */
function plainError(error: LinkError): WebViewLinkErrorDetail {
  const { code, message, displayMessage, retryable, details } = error;
  const plain: WebViewLinkErrorDetail = { code, message, displayMessage, retryable };
  if (details !== undefined) plain.details = details;
  return plain;
}

/** The bridge message for one of the element's events. */
export function toWebViewMessage(event: Event): FiskilLinkWebViewMessage {
  const source = WEBVIEW_MESSAGE_SOURCE;
  const detail: unknown = (event as Event & { detail?: unknown }).detail;
  switch (event.type) {
    case 'consent': {
      const { consentID, redirectURL } = detail as ConsentDetail;
      return {
        source,
        type: 'consent',
        detail: redirectURL === undefined ? { consentID } : { consentID, redirectURL },
      };
    }
    case 'link-error':
      return { source, type: 'link-error', detail: plainError(detail as LinkError) };
    default:
      return {
        source,
        type: event.type as 'link-open' | 'link-load' | 'link-close',
        detail: null,
      };
  }
}
