import type { LinkError } from './errors.js';
import type { Flow } from './flow.js';
import { parseProviderMessage, type ConsentDetail } from './protocol.js';
import { linkError, log, type Reporter } from './report.js';

/**
 * What a window message means to `flow`, run by the element `host`: its
 * outcome, or nothing (logged: not from its iframe, not a protocol message).
 * docs/protocol.md's order: source, then shape, then origin.
 */
export function readMessage(
  host: Reporter,
  flow: Flow,
  event: MessageEvent,
): LinkError | ConsentDetail | undefined {
  const frameWindow = flow.frame.contentWindow;
  if (!frameWindow || event.source !== frameWindow) {
    log(host, 'debug', 'ignored a message from a window that is not this flow’s iframe');
    return;
  }
  const message = parseProviderMessage(event.data);
  if (!message) {
    log(host, 'debug', 'ignored a message that is not a protocol message');
    return;
  }
  if (event.origin !== flow.allowedOrigin) {
    const why = `The hosted page posted from ${event.origin}, but only ${flow.allowedOrigin} is allowed.`;
    log(host, 'warn', `rejected: ${why}`);
    return linkError(host, 'LINK_ORIGIN_MISMATCH', why, {
      expectedOrigin: flow.allowedOrigin,
      receivedOrigin: event.origin,
    });
  }
  if (message.kind == 'success') {
    log(host, 'info', 'accepted: consent');
    const { consentID, redirectURL } = message;
    return redirectURL === undefined ? { consentID } : { consentID, redirectURL };
  }
  log(host, 'info', `accepted: link-error ${message.code}`);
  return linkError(host, message.code, message.message, message.details);
}
