import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import {
  authServerOrigin,
  buildAuthUrl,
  DEFAULT_AUTH_SERVER,
  DEFAULT_LOAD_TIMEOUT,
  DEFAULT_TIMEOUT,
  readSessionId,
  resolveConfig,
} from './config.js';
import { INVALID_SESSION_CODES, LinkError } from './errors.js';
import {
  ConsentEvent,
  LinkCloseEvent,
  LinkErrorEvent,
  LinkLoadEvent,
  LinkOpenEvent,
} from './events.js';
import { preconnect } from './preconnect.js';
import { parseProviderMessage } from './protocol.js';
import { lockScroll } from './scroll-lock.js';
import { styles } from './fiskil-link.styles.js';

/** One run of the hosted flow: everything it started, so that one call undoes it all. */
interface Flow {
  readonly id: number;
  readonly sessionId: string;
  readonly url: string;
  readonly origin: string;
  readonly timeout: number;
  readonly loadTimeout: number;
  /** Its iframe once rendered: read on every window message, so not queried each time. */
  frame?: HTMLIFrameElement | null;
  /** Owns the window `message`, `online` and `offline` listeners. */
  readonly listeners: AbortController;
  timer?: ReturnType<typeof setTimeout>;
  loadTimer?: ReturnType<typeof setTimeout>;
  /** The hosted page did not load within `loadTimeout`: "Try again" or "Close". */
  stalled: boolean;
  /** Loads of the iframe so far; "Try again" starts a new one. */
  attempt: number;
  /** The page asked to see it (not `preload`, or `open()` was called). */
  shown: boolean;
  /** The modal is up and `link-open` was dispatched. */
  opened: boolean;
  loaded: boolean;
  /** Its outcome was dispatched; only an invalid session keeps a settled flow on screen. */
  settled: boolean;
}

const msConverter = (fallback: number) => ({
  fromAttribute: (value: string | null) =>
    value === null ? fallback : value.trim() === '' ? NaN : Number(value),
});

const LOADING = 'Loading secure connection…';

function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Runs Fiskil's hosted bank and energy consent flow in a modal iframe, and
 * reports its outcome as DOM events.
 *
 * Each `@fires` type is the event's `detail` (what the framework type generators
 * read); the events themselves are `ConsentEvent`, `LinkErrorEvent`, … (see
 * `HTMLElementEventMap`).
 *
 * @summary Fiskil consent flow as one HTML tag.
 * @tagname fiskil-link
 *
 * @fires {ConsentDetail} consent - The user completed the flow: `detail.consentID` (and `detail.redirectURL` when the hosted page sent one). At most once per flow.
 * @fires {LinkError} link-error - The flow failed or was cancelled: `detail` is a `LinkError` with `code`, `message` and, where known, `details`. At most once per flow.
 * @fires link-open - The modal is shown.
 * @fires link-load - The hosted page finished loading (with `preload`, possibly before `link-open`).
 * @fires link-close - The modal is gone, after `consent`, `link-error` or `cancel()`.
 *
 * @csspart dialog - The native `<dialog>` that fills the viewport; style its backdrop with `::part(dialog)::backdrop`.
 * @csspart frame - The `<iframe>` holding the hosted flow.
 * @csspart loading - The loading indicator shown until the hosted page has loaded.
 * @csspart close - The close control (cancels the flow).
 *
 * @cssprop [--fiskil-link-backdrop=rgba(23, 23, 23, 0.2)] - Backdrop behind the hosted page's card.
 * @cssprop [--fiskil-link-accent=#4f7cff] - Focus ring and spinner colour.
 * @cssprop [--fiskil-link-color=#fff] - Text colour of the loading message.
 * @cssprop [--fiskil-link-loading-background=rgba(23, 23, 23, 0.82)] - Background of the loading message.
 * @cssprop [--fiskil-link-close-background=rgba(23, 23, 23, 0.72)] - Background of the close control.
 * @cssprop [--fiskil-link-close-color=#fff] - Icon colour of the close control.
 * @cssprop [--fiskil-link-font-family=system-ui] - Font of the element's own text.
 */
export class FiskilLink extends LitElement {
  static override styles = styles;

  // `static properties` rather than `@property()`: Lit's decorators cost
  // ~350 B gzip in the self-contained bundle and give nothing more here.
  static override properties = {
    sessionId: { attribute: 'session-id' },
    allowedOrigin: { attribute: 'allowed-origin' },
    authServer: { attribute: 'auth-server' },
    timeout: { type: Number, converter: msConverter(DEFAULT_TIMEOUT) },
    loadTimeout: {
      attribute: 'load-timeout',
      type: Number,
      converter: msConverter(DEFAULT_LOAD_TIMEOUT),
    },
    preload: { type: Boolean },
    noPreconnect: { type: Boolean, attribute: 'no-preconnect' },
  };

  /**
   * The auth session id your backend got from `POST /v1/auth/session`. While
   * connected, a non-empty value starts a flow (shown at once unless
   * `preload`); a new value replaces a running flow.
   */
  sessionId = '';

  /**
   * The one origin (`scheme://host[:port]`) whose messages are accepted.
   * Empty means the origin of `auth-server`. Never `*`.
   */
  allowedOrigin = '';

  /**
   * Where the hosted flow lives: `https:`, or `http:` on localhost,
   * 127.0.0.1 or [::1]. The iframe loads it with `sess_id` added to its query.
   */
  authServer = DEFAULT_AUTH_SERVER;

  /** Milliseconds the user has, counted from when the flow is shown, before `LINK_TIMEOUT`. */
  timeout = DEFAULT_TIMEOUT;

  /**
   * Milliseconds the hosted page has to load before the user is told and
   * offered "Try again" (reloads it) and "Close" (`LINK_USER_CANCELLED`).
   */
  loadTimeout = DEFAULT_LOAD_TIMEOUT;

  /** Load the flow hidden as soon as the session id is known; `open()` shows it. */
  preload = false;

  /**
   * Do not add a `<link rel="preconnect">` for the auth server's origin. By
   * default the element adds one as soon as it is on the page (one per origin
   * per page), so the connection is ready before the flow starts.
   */
  noPreconnect = false;

  #flow?: Flow;
  #flowCount = 0;
  /** A start the next update owes: a new session id, or a reconnect that cut a flow short. */
  #pendingStart: { resumeShown: boolean } | null = null;
  #returnFocus: Element | null = null;
  #releaseScroll?: () => void;

  // Queries rather than Lit's `ref()`, whose async-directive machinery costs
  // ~700 B gzip in the self-contained bundle.
  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  get #frame(): HTMLIFrameElement | null {
    return this.renderRoot.querySelector('iframe');
  }

  /**
   * Shows the flow for the current `session-id`: starts it if it is not
   * loaded yet (or has ended), does nothing while it is shown.
   */
  open(): void {
    if (!this.isConnected) return;
    const flow = this.#flow;
    if (flow) {
      if (!flow.shown) {
        flow.shown = true;
        this.requestUpdate();
      }
      return;
    }
    this.#pendingStart = null;
    if (!this.#hasSession()) {
      this.#dispatch(
        new LinkErrorEvent(
          new LinkError(
            'LINK_INVALID_CONFIG',
            'open() needs a session-id: set the session-id attribute (or sessionId property) to the id from POST /v1/auth/session.',
          ),
        ),
      );
      return;
    }
    this.#start(true);
  }

  /**
   * Ends the running flow as if the user closed it: the modal closes, then
   * `link-error` with `LINK_USER_CANCELLED` (unless the flow already reported
   * its outcome), then `link-close`. Does nothing when no flow runs.
   */
  cancel(): void {
    const flow = this.#flow;
    if (!flow) return;
    if (flow.settled) {
      this.#end(flow);
      if (flow.opened) this.#dispatch(new LinkCloseEvent());
      return;
    }
    this.#finish(
      flow,
      new LinkError('LINK_USER_CANCELLED', 'The flow was closed before it finished.'),
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#pendingStart) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    const flow = this.#flow;
    if (flow) {
      // A framework that moves the element without moveBefore() reconnects it
      // at once: the flow starts again with the same session id (its iframe
      // reloads anyway).
      if (!flow.settled) this.#pendingStart = { resumeShown: flow.shown };
      // A removed dialog stays open but stops being modal: close it now, so
      // that a reconnect can show it modally again.
      this.#end(flow);
    }
    super.disconnectedCallback();
  }

  /**
   * A move with `moveBefore()` keeps the iframe's document and the modal
   * dialog, so the flow simply carries on (https://dom.spec.whatwg.org/#dom-parentnode-movebefore).
   * @internal
   */
  connectedMoveCallback(): void {
    // Firefox ESR 153 keeps a moved dialog open but out of the top layer (the
    // page behind is no longer inert): show it modally again. Its `close` event
    // then finds it open, so the flow goes on.
    const dialog = this.#dialog;
    if (dialog?.open && !dialog.matches(':modal')) {
      dialog.close();
      dialog.showModal();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('authServer') || changed.has('noPreconnect')) && !this.noPreconnect) {
      const origin = authServerOrigin(this.authServer);
      if (origin) preconnect(origin);
    }
    if (changed.has('sessionId')) {
      const running = this.#flow;
      const replacing =
        running !== undefined && running.sessionId !== readSessionId(this.sessionId);
      if (replacing) this.#end(running, { keepModal: this.#hasSession() });
      this.#pendingStart = this.#hasSession() ? { resumeShown: replacing && running.shown } : null;
    }
    if (this.#pendingStart && this.isConnected && !this.#flow) {
      const { resumeShown } = this.#pendingStart;
      this.#pendingStart = null;
      this.#start(resumeShown || !this.preload);
    }
  }

  protected override render() {
    const flow = this.#flow;
    const message = !flow
      ? ''
      : !navigator.onLine
        ? "You're offline. Waiting for a connection…"
        : flow.stalled
          ? 'The secure connection is taking too long.'
          : flow.loaded
            ? ''
            : LOADING;
    return html`<dialog
      part="dialog"
      aria-label="Connect your account"
      tabindex="-1"
      .autofocus=${true}
      @cancel=${this.#onDialogCancel}
      @close=${this.#onDialogClose}
    >
      <button class="close" part="close" type="button" aria-label="Close" @click=${this.cancel}>
        <svg
          viewBox="0 0 24 24"
          aria-hidden="true"
          fill="none"
          stroke="currentColor"
          stroke-width="2.2"
          stroke-linecap="round"
        >
          <path d="M6 6l12 12M18 6L6 18" />
        </svg>
      </button>
      ${
        flow
          ? keyed(
              `${flow.id}.${flow.attempt}`,
              html`<iframe
                part="frame"
                title="Fiskil: connect your account"
                src=${flow.url}
                @load=${this.#onFrameLoad}
              ></iframe>`,
            )
          : nothing
      }
      <div class="loading ${flow?.loaded ? 'toast' : ''}" part="loading" role="status">
        ${
          message
            ? html`<div class="card">
                ${message === LOADING ? html`<div class="spinner" aria-hidden="true"></div>` : nothing}
                <span>${message}</span>
                ${
                  flow?.stalled
                    ? html`<button @click=${this.#retry}>Try again</button>
                        <button @click=${this.cancel}>Close</button>`
                    : nothing
                }
              </div>`
            : nothing
        }
      </div>
    </dialog>`;
  }

  protected override updated(): void {
    const flow = this.#flow;
    if (flow && !flow.frame) flow.frame = this.#frame;
    if (!flow?.shown || flow.opened) return;
    flow.opened = true;
    this.#showModal();
    if (!flow.settled) {
      flow.timer = setTimeout(
        () => this.#finish(flow, new LinkError('LINK_TIMEOUT', 'The flow timed out.')),
        flow.timeout,
      );
    }
    this.#dispatch(new LinkOpenEvent());
  }

  #hasSession(): boolean {
    return readSessionId(this.sessionId) !== '';
  }

  #start(show: boolean): void {
    const config = resolveConfig(this);
    if (!config.ok) {
      // A replaced flow may have left the modal up for this one.
      this.#hideModal();
      this.#dispatch(new LinkErrorEvent(new LinkError('LINK_INVALID_CONFIG', config.message)));
      return;
    }
    const { sessionId } = config;
    const flow: Flow = {
      id: ++this.#flowCount,
      sessionId,
      url: buildAuthUrl(config.authServer, sessionId),
      origin: config.allowedOrigin,
      timeout: config.timeout,
      loadTimeout: config.loadTimeout,
      listeners: new AbortController(),
      shown: show,
      opened: false,
      loaded: false,
      settled: false,
      stalled: false,
      attempt: 0,
    };
    this.#flow = flow;
    const { signal } = flow.listeners;
    window.addEventListener('message', (event) => this.#onMessage(flow, event), { signal });
    // Offline while open: a notice, cleared when back online.
    for (const type of ['online', 'offline']) {
      window.addEventListener(type, () => this.requestUpdate(), { signal });
    }
    this.#waitForLoad(flow);
  }

  // A server that accepts and stalls never fires `load` (an error page does).
  #waitForLoad(flow: Flow): void {
    clearTimeout(flow.loadTimer);
    flow.loadTimer = setTimeout(() => {
      flow.stalled = true;
      this.requestUpdate();
    }, flow.loadTimeout);
    this.requestUpdate();
  }

  #retry(): void {
    const flow = this.#flow;
    if (!flow || flow.loaded) return;
    flow.stalled = false;
    flow.attempt++;
    flow.frame = undefined;
    this.#waitForLoad(flow);
  }

  // PROTOCOL.md's order: source, then shape, then origin.
  #onMessage(flow: Flow, event: MessageEvent): void {
    const frameWindow = flow.frame?.contentWindow;
    if (!frameWindow || event.source !== frameWindow || this.#flow !== flow) return;
    const message = parseProviderMessage(event.data);
    if (!message) return;
    if (event.origin !== flow.origin) {
      this.#finish(
        flow,
        new LinkError(
          'LINK_ORIGIN_MISMATCH',
          `The hosted page posted from ${event.origin}, but only ${flow.origin} is allowed.`,
          { expectedOrigin: flow.origin, receivedOrigin: event.origin },
        ),
      );
    } else if (message.kind === 'success') {
      const { consentID, redirectURL } = message;
      this.#finish(flow, redirectURL === undefined ? { consentID } : { consentID, redirectURL });
    } else {
      this.#finish(flow, new LinkError(message.code, message.message, message.details));
    }
  }

  /** Dispatches the flow's one outcome; after an invalid session the modal stays for the user to read. */
  #finish(flow: Flow, outcome: LinkError | { consentID: string; redirectURL?: string }): void {
    if (this.#flow !== flow || flow.settled) return;
    flow.settled = true;
    clearTimeout(flow.timer);
    clearTimeout(flow.loadTimer);
    flow.listeners.abort();
    const event =
      outcome instanceof LinkError ? new LinkErrorEvent(outcome) : new ConsentEvent(outcome);
    if (outcome instanceof LinkError && INVALID_SESSION_CODES.includes(outcome.code)) {
      this.#dispatch(event);
      return;
    }
    this.#end(flow);
    this.#dispatch(event);
    if (flow.opened) this.#dispatch(new LinkCloseEvent());
  }

  /** Undoes everything a flow started. Dispatches nothing: callers say what happened. */
  #end(flow: Flow, { keepModal = false } = {}): void {
    clearTimeout(flow.timer);
    clearTimeout(flow.loadTimer);
    flow.listeners.abort();
    if (this.#flow === flow) this.#flow = undefined;
    if (!keepModal) this.#hideModal();
    this.requestUpdate();
  }

  #showModal(): void {
    const dialog = this.#dialog;
    if (!dialog || dialog.open) return;
    this.#returnFocus = deepActiveElement();
    this.#releaseScroll = lockScroll();
    dialog.showModal();
  }

  #hideModal(): void {
    this.#releaseScroll?.();
    this.#releaseScroll = undefined;
    const dialog = this.#dialog;
    if (!dialog?.open) return;
    dialog.close();
    const target = this.#returnFocus;
    this.#returnFocus = null;
    if (target instanceof HTMLElement && target.isConnected && deepActiveElement() !== target) {
      target.focus({ preventScroll: true });
    }
  }

  // Escape while focus is in the dialog (a cross-origin page keeps its own keys).
  #onDialogCancel(event: Event): void {
    if (event.target !== this.#dialog) return;
    event.preventDefault();
    this.cancel();
  }

  // The browser may close a modal dialog by itself (a second Escape without user
  // activation, closedby): whatever closed it, the flow ends as a cancel.
  #onDialogClose(event: Event): void {
    const dialog = this.#dialog;
    if (!dialog || event.target !== dialog || dialog.open) return;
    if (this.#flow?.opened) this.cancel();
  }

  #onFrameLoad(event: Event): void {
    const flow = this.#flow;
    if (!flow || flow.loaded || event.target !== this.#frame) return;
    flow.loaded = true;
    flow.stalled = false;
    clearTimeout(flow.loadTimer);
    this.requestUpdate();
    this.#dispatch(new LinkLoadEvent());
  }

  #dispatch(event: Event): void {
    // Nothing is dispatched for an element that is no longer on the page.
    if (this.isConnected) this.dispatchEvent(event);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fiskil-link': FiskilLink;
  }
}
