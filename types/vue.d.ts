import type { DefineComponent } from "vue";
import type { FiskilLink, ConsentDetail, LinkError, LinkCloseRequestDetail } from "../dist/index.js";

type FiskilLinkProps = {
  /** The auth session id your backend got from `POST /v1/auth/session`. While
connected, a non-empty value starts a flow (shown at once unless
`preload`); a new value replaces a running flow. */
  sessionId?: FiskilLink["sessionId"];
  /** The one origin (`scheme://host[:port]`) whose messages are accepted.
Empty means the origin of `auth-server`. Never `*`. */
  allowedOrigin?: FiskilLink["allowedOrigin"];
  /** Where the hosted flow lives: `https:`, or `http:` on a loopback host
(`localhost`, `*.localhost`, `127.0.0.0/8`, `[::1]`). The iframe loads it
with `sess_id` added to its query. */
  authServer?: FiskilLink["authServer"];
  /** Milliseconds the user has, counted from when the flow is shown, before `LINK_TIMEOUT`. */
  timeout?: FiskilLink["timeout"];
  /** Milliseconds the hosted page has to load before the user is told and
offered "Try again" (reloads it) and "Close" (`LINK_USER_CANCELLED`). */
  loadTimeout?: FiskilLink["loadTimeout"];
  /** Load the flow hidden as soon as the session id is known; `open()` shows it. */
  preload?: FiskilLink["preload"];
  /** Do not add a `<link rel="preconnect">` for the auth server's origin. By
default the element adds one as soon as it is on the page (one per origin
per page), so the connection is ready before the flow starts. */
  noPreconnect?: FiskilLink["noPreconnect"];
  /** Once the hosted page has loaded, a user's close first asks "Leave without connecting?" over
the flow (`strings`), after a `link-close-request` the page did not prevent. */
  confirmClose?: FiskilLink["confirmClose"];
  /** Log to the console, prefixed `[fiskil-link]`, what the element decided and
why: the configuration or the rule a value broke, the URL it loaded (the
session id cut short), what became of each window message while a flow
runs, and why the hosted page did not load. Off, it logs nothing. */
  debug?: FiskilLink["debug"];
  /** The element's own words (not the hosted page's), merged over the English defaults:
`dialogLabel`, `frameTitle`, `close`, `loading`, `offline`, `stalled`, `unreachable`, `retry`,
`leavePrompt`, `keepGoing`, `leave`, and `errors` (error code → `displayMessage`). Takes
effect at once, also in a flow that is open. */
  strings?: FiskilLink["strings"];
  /** The user completed the flow: `detail.consentID` (and `detail.redirectURL` when the hosted page sent one). At most once per flow. */
  onConsent?: (e: CustomEvent<ConsentDetail>) => void;
  /** The flow failed or was cancelled: `detail` is a `LinkError` with `code`, `message`, `displayMessage`, `retryable` and, where known, `details`. At most once per flow. */
  onLinkError?: (e: CustomEvent<LinkError>) => void;
  /** The modal is shown. */
  onLinkOpen?: (e: CustomEvent<never>) => void;
  /** The hosted page finished loading (with `preload`, possibly before `link-open`). */
  onLinkLoad?: (e: CustomEvent<never>) => void;
  /** The modal is gone, after `consent`, `link-error` or `cancel()`. */
  onLinkClose?: (e: CustomEvent<never>) => void;
  /** The user asked to close a running flow (`detail.reason`: `'close-button'` or `'escape'`). Cancelable: `preventDefault()` keeps the flow open and untouched. Not for `cancel()`, nor once the flow has its outcome. */
  onLinkCloseRequest?: (e: CustomEvent<LinkCloseRequestDetail>) => void;
};

export type CustomElements = {
  /**
   * Fiskil consent flow as one HTML tag.
   * ---
   *
   *
   * ### **Events:**
   *  - **consent** - The user completed the flow: `detail.consentID` (and `detail.redirectURL` when the hosted page sent one). At most once per flow.
   * - **link-error** - The flow failed or was cancelled: `detail` is a `LinkError` with `code`, `message`, `displayMessage`, `retryable` and, where known, `details`. At most once per flow.
   * - **link-open** - The modal is shown.
   * - **link-load** - The hosted page finished loading (with `preload`, possibly before `link-open`).
   * - **link-close** - The modal is gone, after `consent`, `link-error` or `cancel()`.
   * - **link-close-request** - The user asked to close a running flow (`detail.reason`: `'close-button'` or `'escape'`). Cancelable: `preventDefault()` keeps the flow open and untouched. Not for `cancel()`, nor once the flow has its outcome.
   *
   * ### **Methods:**
   *  - **open(): _void_** - Shows the flow for the current `session-id`: starts it if it is not
   * loaded yet (or has ended), does nothing while it is shown.
   * - **cancel(): _void_** - Ends the running flow as if the user closed it: the modal closes, then
   * `link-error` with `LINK_USER_CANCELLED` (unless the flow already reported
   * its outcome), then `link-close`. Does nothing when no flow runs.
   *
   * ### **CSS Properties:**
   *  - **--fiskil-link-backdrop** - Backdrop behind the hosted page's card. _(default: rgba(23, 23, 23, 0.2))_
   * - **--fiskil-link-accent** - Focus ring and spinner colour. _(default: #4f7cff)_
   * - **--fiskil-link-color** - Text colour of the element's own notices. _(default: #fff)_
   * - **--fiskil-link-loading-background** - Background of the loading, offline, stalled and unreachable notices. _(default: rgba(23, 23, 23, 0.95))_
   * - **--fiskil-link-close-background** - Background of the close control. _(default: rgba(23, 23, 23, 0.72))_
   * - **--fiskil-link-close-background-hover** - Background of the close control under the pointer. _(default: rgba(23, 23, 23, 0.9))_
   * - **--fiskil-link-close-color** - Icon colour of the close control. _(default: #fff)_
   * - **--fiskil-link-font-family** - Font of the element's own text. _(default: system-ui, sans-serif)_
   *
   * ### **CSS Parts:**
   *  - **dialog** - The native `<dialog>` that fills the viewport; style its backdrop with `::part(dialog)::backdrop`.
   * - **frame** - The `<iframe>` holding the hosted flow.
   * - **loading** - The loading indicator shown until the hosted page has loaded.
   * - **close** - The close control (cancels the flow).
   * - **confirm** - The `confirm-close` question over the flow (`role="alertdialog"`).
   */
  "fiskil-link": DefineComponent<FiskilLinkProps>;
};

declare module "vue" {
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface GlobalComponents extends CustomElements {}
}

declare global {
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-interface
    interface IntrinsicElements extends CustomElements {}
  }
}
