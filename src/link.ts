import { attributeOf, type ConfigProperty } from './attributes.js';
import { defineFiskilLink, TAG_NAME } from './define.js';
import { LinkError } from './errors.js';
import type { ConsentDetail } from './protocol.js';

/** Options of `link()`, as in `@fiskil/link`. */
export interface LinkOptions {
  /** Milliseconds before `LINK_TIMEOUT` (default ten minutes). */
  timeoutMs?: number;
  /** The one origin whose messages count (default: the origin of `authServer`). */
  allowedOrigin?: string;
  /** Where the hosted flow lives (default `https://auth.fiskil.com`). */
  authServer?: string;
  /** Id of the element to mount the flow under (default `document.body`). */
  containerId?: string;
}

/** What `link()` resolves with: the consent, its fields optional as in `@fiskil/link`. */
export type LinkResult = Partial<ConsentDetail>;

/** A running flow: a promise of its outcome that can also be closed. */
export type LinkFlow = Promise<LinkResult> & { close(): void };

function whenBodyReady(run: () => void): void {
  if (document.body) run();
  else document.addEventListener('DOMContentLoaded', run, { once: true });
}

/**
 * Runs one flow in its own `<fiskil-link>`, the drop-in for `link` in
 * Fiskil's `@fiskil/link` SDK. Resolves with the consent, rejects with a
 * `LinkError`; `close()` cancels it and removes all it mounted.
 */
export function link(sessionId: string, options: LinkOptions = {}): LinkFlow {
  let element: HTMLElement | undefined;
  let settled = false;
  let closed = false;
  let rejectFlow: (reason: LinkError) => void = () => {};

  const promise = new Promise<LinkResult>((resolve, reject) => {
    rejectFlow = reject;
    if (typeof document === 'undefined') {
      settled = true;
      reject(new LinkError('LINK_NOT_FOUND', 'link() needs a browser document.'));
      return;
    }
    whenBodyReady(() => {
      if (closed) return;
      const container = options.containerId
        ? document.getElementById(options.containerId)
        : document.body;
      if (!container) {
        settled = true;
        reject(
          new LinkError(
            'LINK_NOT_FOUND',
            `No element with id "${options.containerId}" to mount the flow in.`,
          ),
        );
        return;
      }
      defineFiskilLink();
      const el = document.createElement(TAG_NAME);
      element = el;
      let opened = false;
      // A flow that was shown ends with `link-close` (after an invalid
      // session, only once the user has read the page and closed it).
      const settle = () => {
        settled = true;
        if (!opened) queueMicrotask(() => el.remove());
      };
      el.addEventListener('link-open', () => (opened = true));
      el.addEventListener('link-close', () => el.remove());
      el.addEventListener('consent', (event) => {
        settle();
        const { consentID, redirectURL } = event.detail;
        resolve({ consentID, redirectURL });
      });
      el.addEventListener('link-error', (event) => {
        settle();
        reject(event.detail);
      });
      const { authServer, allowedOrigin, timeoutMs: timeout } = options;
      el.setAttribute(attributeOf('sessionId'), sessionId);
      // setAttribute turns the number into text as String() would.
      for (const [name, value] of Object.entries({ authServer, allowedOrigin, timeout })) {
        if (value !== undefined)
          el.setAttribute(attributeOf(name as ConfigProperty), value as string);
      }
      container.append(el);
    });
  });

  const close = () => {
    closed = true;
    if (!settled) {
      settled = true;
      rejectFlow(new LinkError('LINK_USER_CANCELLED', 'The flow was closed by the caller.'));
    }
    element?.remove();
  };
  return Object.assign(promise, { close });
}
