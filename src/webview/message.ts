// What dist/webview.html hands to native code (docs/mobile.md). It imports
// nothing that needs the DOM's types, so a React Native app can use it from
// `fiskil-link/webview-message` (src/webview-message.ts) without the DOM library.
import type { HostedErrorDetails, LinkErrorCode, OriginMismatchDetails } from '../errors.js';
import type { ConsentDetail } from '../protocol.js';

/** Every `source` field of a bridge message: tells ours from other messages on a shared channel. */
export const WEBVIEW_MESSAGE_SOURCE = 'fiskil-link';

/** The element's events, each forwarded as one message, in the order they happen. */
export const WEBVIEW_EVENT_TYPES = [
  'link-open',
  'link-load',
  'consent',
  'link-error',
  'link-close',
] as const;

/** A `consent` message's detail: the consent event's own detail. */
export type WebViewConsentDetail = ConsentDetail;

/** A `link-error` message's detail: the fields of the `LinkError`, as a plain object. */
export interface WebViewLinkErrorDetail {
  code: LinkErrorCode;
  /** For developers: what went wrong, in English. */
  message: string;
  /** One sentence for the end user, never technical: show it as it is. */
  displayMessage: string;
  /** A new flow with a fresh session id can succeed without changing anything. */
  retryable: boolean;
  details?: HostedErrorDetails | OriginMismatchDetails;
}

/** One message from dist/webview.html, as parsed from the JSON string native code receives. */
export type FiskilLinkWebViewMessage =
  | { source: typeof WEBVIEW_MESSAGE_SOURCE; type: 'consent'; detail: WebViewConsentDetail }
  | { source: typeof WEBVIEW_MESSAGE_SOURCE; type: 'link-error'; detail: WebViewLinkErrorDetail }
  | {
      source: typeof WEBVIEW_MESSAGE_SOURCE;
      type: 'link-open' | 'link-load' | 'link-close';
      detail: null;
    };

/** What native code may pass to `window.fiskilLinkWebView.start()`. */
export interface FiskilLinkWebViewStartOptions {
  sessionId: string;
  authServer?: string;
  allowedOrigin?: string;
  timeout?: number;
}

/** What the page offers native code, as `window.fiskilLinkWebView`. */
export interface FiskilLinkWebView {
  /** Starts a flow (a running one ends silently). Never throws. */
  start(options: FiskilLinkWebViewStartOptions): void;
  /** Cancels the running flow; `true` if there was one (else native code may close the WebView itself). */
  cancel(): boolean;
}
