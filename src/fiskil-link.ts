import { ReactiveElement, type PropertyValues } from '@lit/reactive-element';
import {
  authServerOrigin,
  buildAuthUrl,
  DEFAULT_AUTH_SERVER,
  DEFAULT_LOAD_TIMEOUT,
  DEFAULT_TIMEOUT,
  msAttribute as ms,
  readSessionId,
  resolveConfig,
} from './config.js';
import { INVALID_SESSION_CODES, LinkError } from './errors.js';
import {
  ConsentEvent,
  LinkCloseEvent,
  LinkCloseRequestEvent,
  LinkErrorEvent,
  LinkLoadEvent,
  LinkOpenEvent,
} from './events.js';
import { after, failed, newFrame, onScreen, type End, type Flow } from './flow.js';
import { readMessage } from './flow-message.js';
import { deepActiveElement, returnFocus } from './focus.js';
import { preconnect } from './preconnect.js';
import { linkError, log } from './report.js';
import { lockScroll } from './scroll-lock.js';
import { mergeStrings, type FiskilLinkStrings } from './strings.js';
import { checkFrame } from './diagnostics/reachability.js';
import { mark } from './timing.js';
import { styles } from './fiskil-link.styles.js';
import { buildView, setModal, type CloseReason, type Render } from './view.js';

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
 * @fires {LinkError} link-error - The flow failed or was cancelled: `detail` is a `LinkError` with `code`, `message`, `displayMessage`, `retryable` and, where known, `details`. At most once per flow.
 * @fires link-open - The modal is shown.
 * @fires link-load - The hosted page finished loading (with `preload`, possibly before `link-open`).
 * @fires link-close - The modal is gone, after `consent`, `link-error` or `cancel()`.
 * @fires {LinkCloseRequestDetail} link-close-request - The user asked to close a running flow (`detail.reason`: `'close-button'` or `'escape'`). Cancelable: `preventDefault()` keeps the flow open and untouched. Not for `cancel()`, nor once the flow has its outcome.
 *
 * @csspart dialog - The native `<dialog>` that fills the viewport; style its backdrop with `::part(dialog)::backdrop`.
 * @csspart frame - The `<iframe>` holding the hosted flow.
 * @csspart loading - The loading indicator shown until the hosted page has loaded.
 * @csspart close - The close control (cancels the flow).
 * @csspart confirm - The `confirm-close` question over the flow (`role="alertdialog"`).
 *
 * @cssprop [--fiskil-link-backdrop=rgba(23, 23, 23, 0.2)] - Backdrop behind the hosted page's card.
 * @cssprop [--fiskil-link-accent=#4f7cff] - Focus ring and spinner colour.
 * @cssprop [--fiskil-link-color=#fff] - Text colour of the element's own notices.
 * @cssprop [--fiskil-link-loading-background=rgba(23, 23, 23, 0.95)] - Background of the loading, offline, stalled and unreachable notices.
 * @cssprop [--fiskil-link-close-background=rgba(23, 23, 23, 0.72)] - Background of the close control.
 * @cssprop [--fiskil-link-close-background-hover=rgba(23, 23, 23, 0.9)] - Background of the close control under the pointer.
 * @cssprop [--fiskil-link-close-color=#fff] - Icon colour of the close control.
 * @cssprop [--fiskil-link-font-family=system-ui, sans-serif] - Font of the element's own text.
 */
export class FiskilLink extends ReactiveElement {
  static override styles = styles;

  // `static properties` rather than `@property()`: Lit's decorators cost
  // ~350 B gzip in the self-contained bundle and give nothing more here.
  static override properties = {
    sessionId: { attribute: 'session-id' },
    allowedOrigin: { attribute: 'allowed-origin' },
    authServer: { attribute: 'auth-server' },
    timeout: { type: Number, converter: ms(DEFAULT_TIMEOUT) },
    loadTimeout: { attribute: 'load-timeout', type: Number, converter: ms(DEFAULT_LOAD_TIMEOUT) },
    preload: { type: Boolean },
    noPreconnect: { type: Boolean, attribute: 'no-preconnect' },
    confirmClose: { type: Boolean, attribute: 'confirm-close' },
    // Read on every window message and never rendered: a plain field (no
    // accessor), still set from the attribute.
    debug: { type: Boolean, noAccessor: true },
    strings: { attribute: false },
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
   * Where the hosted flow lives: `https:`, or `http:` on a loopback host
   * (`localhost`, `*.localhost`, `127.0.0.0/8`, `[::1]`). The iframe loads it
   * with `sess_id` added to its query.
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

  /**
   * Once the hosted page has loaded, a user's close first asks "Leave without connecting?" over
   * the flow (`strings`), after a `link-close-request` the page did not prevent.
   */
  confirmClose = false;

  /**
   * Log to the console, prefixed `[fiskil-link]`, what the element decided and
   * why: the configuration or the rule a value broke, the URL it loaded (the
   * session id cut short), what became of each window message while a flow
   * runs, and why the hosted page did not load. Off, it logs nothing.
   */
  debug = false;

  /**
   * The element's own words (not the hosted page's), merged over the English defaults:
   * `dialogLabel`, `frameTitle`, `close`, `loading`, `offline`, `stalled`, `unreachable`, `retry`,
   * `leavePrompt`, `keepGoing`, `leave`, and `errors` (error code → `displayMessage`). Takes
   * effect at once, also in a flow that is open.
   */
  strings: Partial<FiskilLinkStrings> = {};

  #flow?: Flow;
  /**
   * A start the next update owes, whether it shows, and its session id (as
   * `readSessionId` read it): a new session id, or a reconnect that cut a flow short.
   */
  #owed?: { show: boolean; id: string | undefined };
  #returnFocus: Element | null = null;
  #releaseScroll?: () => void;

  // The shadow tree (src/view.ts), built by the first update.
  #dialog?: HTMLDialogElement;
  #render?: Render;

  /**
   * Shows the flow for the current `session-id`: starts it if it is not
   * loaded yet (or has ended), does nothing while it is shown.
   */
  open(): void {
    if (!this.isConnected) return;
    const flow = this.#flow;
    if (flow) {
      if (flow.phase == 'hidden') {
        flow.phase = 'showing';
        this.requestUpdate();
      }
      return;
    }
    this.#owed = undefined;
    // A value that is not text is a session id too: #start names its fault.
    const id = readSessionId(this.sessionId);
    if (id !== '') this.#start(true, id);
    else this.#reject('open() needs a session-id: the id from POST /v1/auth/session.');
  }

  /**
   * Ends the running flow as if the user closed it: the modal closes, then
   * `link-error` with `LINK_USER_CANCELLED` (unless the flow already reported
   * its outcome), then `link-close`. Does nothing when no flow runs.
   */
  cancel(): void {
    const flow = this.#flow;
    if (flow) {
      this.#end(
        flow,
        flow.phase == 'lingering'
          ? 'closed'
          : linkError(this, 'LINK_USER_CANCELLED', 'The flow was closed before it finished.'),
      );
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#owed) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    const flow = this.#flow;
    if (flow) {
      // A framework that moves the element without moveBefore() reconnects it
      // at once: the flow starts again with the same session id (its iframe
      // reloads anyway).
      if (flow.phase != 'lingering')
        this.#owed = { show: flow.phase != 'hidden', id: flow.sessionId };
      this.#end(flow, 'silent');
    }
    super.disconnectedCallback();
  }

  /**
   * A move with `moveBefore()` keeps the iframe's document and the modal
   * dialog, so the flow simply carries on (https://dom.spec.whatwg.org/#dom-parentnode-movebefore).
   * @internal
   */
  connectedMoveCallback(): void {
    // Observed in Firefox ESR 153 (test/lifecycle.test.ts, "keeps the flow
    // (moveBefore)"): a moved dialog stays open but leaves the top layer, so
    // the page behind it is no longer inert. Show it modally again; its `close`
    // event then finds it open, so the flow goes on. Chromium keeps it modal.
    // Remove once that test passes in Firefox without these lines.
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
      const id = readSessionId(this.sessionId);
      if (!running || running.sessionId != id) {
        if (running) this.#end(running, 'silent');
        // A flow replaced while on screen: the new one is shown at once.
        this.#owed = id !== '' ? { show: !!running && running.phase != 'hidden', id } : undefined;
      }
    }
    if (this.#owed && this.isConnected && !this.#flow) {
      const { show, id } = this.#owed;
      this.#owed = undefined;
      this.#start(show || !this.preload, id);
    }
  }

  // The tree is small and fixed: built once (src/view.ts) and changed in place,
  // which costs less than Lit's template engine (~3 KB gzip in the self-contained file).
  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    const flow = this.#flow;
    if (!this.#render) {
      [this.#dialog, this.#render] = buildView(
        this.renderRoot,
        (reason) => this.#requestClose(reason),
        () => this.cancel(),
        () => this.#retry(),
        // Whatever closed the dialog (closedby, a second Escape), the flow ends as a cancel.
        () => onScreen(this.#flow?.phase) && this.cancel(),
      );
    }
    this.#render(mergeStrings(this.strings), flow?.frame, flow?.load);
  }

  protected override updated(): void {
    const flow = this.#flow;
    if (flow?.phase == 'showing') this.#show(flow);
  }

  /** Starts a flow: resolves its configuration, then its listeners and load timer, tied to its signal. */
  #start(show: boolean, id: string | undefined): void {
    const config = resolveConfig(this, id);
    if (!config.ok) return this.#reject(config.message);
    const { sessionId, authServer, allowedOrigin, timeout, loadTimeout } = config;
    const abort = new AbortController();
    const url = buildAuthUrl(authServer, sessionId);
    const flow: Flow = {
      ...config,
      url,
      abort,
      phase: show ? 'showing' : 'hidden',
      load: 'loading',
      frame: newFrame(url, (frame) => this.#onFrameLoad(frame)),
    };
    this.#flow = flow;
    const { signal } = abort;
    addEventListener(
      'message',
      (event) => {
        const end = readMessage(this, flow, event);
        if (end) this.#end(flow, end);
      },
      { signal },
    );
    // Offline while open: a notice, cleared when back online.
    for (const type of ['online', 'offline']) {
      addEventListener(type, () => this.requestUpdate(), { signal });
    }
    // Built only when asked for: off, `debug` costs one check.
    if (this.debug) {
      log(
        this,
        'debug',
        `config: auth-server ${authServer.href}, allowed-origin ${allowedOrigin}, timeout ${timeout} ms, load-timeout ${loadTimeout} ms`,
      );
      // Never the whole session id: a log is often shared.
      log(this, 'debug', `loading ${buildAuthUrl(authServer, `${sessionId.slice(0, 4)}...`)}`);
    }
    this.#waitForLoad(flow);
  }

  // A server that accepts and stalls never fires `load`; one that cannot be
  // reached shows the engine's error page (docs/diagnostics.md).
  #waitForLoad(flow: Flow): void {
    const { frame, loadTimeout } = flow;
    const { signal } = flow.abort;
    after(signal, loadTimeout, () => this.#notLoaded(flow, frame, 'stalled'));
    // A frame given a `srcdoc` instead (a test double of the hosted page) loads
    // nothing from the auth server: nothing to check.
    if (!frame.srcdoc)
      flow.reached = checkFrame(
        new URL(flow.url).origin,
        this.renderRoot,
        loadTimeout,
        signal,
        (message) => this.#end(flow, linkError(this, 'LINK_INVALID_CONFIG', message)),
        (message) => log(this, 'info', message),
      ).then((why) => why && this.#notLoaded(flow, frame, 'unreachable', why));
    this.requestUpdate();
  }

  #notLoaded(flow: Flow, frame: HTMLIFrameElement, load: 'stalled' | 'unreachable', why?: string) {
    if (this.#flow != flow || flow.frame != frame || flow.load != 'loading') return;
    flow.load = load;
    this.requestUpdate();
    if (why) log(this, 'warn', why);
    // Such a page embeds only pages that opt in (Cross-Origin-Embedder-Policy).
    if (window.crossOriginIsolated)
      log(this, 'warn', 'the page is cross-origin isolated: the hosted page must opt in to load');
  }

  #retry(): void {
    const flow = this.#flow;
    if (!failed(flow)) return;
    flow.load = 'loading';
    flow.frame = newFrame(flow.url, (frame) => this.#onFrameLoad(frame));
    this.#waitForLoad(flow);
  }

  /** The modal goes up; the user's time runs from now, not from a hidden preload. */
  #show(flow: Flow): void {
    flow.phase = 'open';
    flow.opened = mark('open');
    const dialog = this.#dialog!;
    if (!dialog.open) {
      this.#returnFocus = deepActiveElement();
      this.#releaseScroll = lockScroll();
      setModal(dialog, true);
    }
    after(flow.abort.signal, flow.timeout, () =>
      this.#end(flow, linkError(this, 'LINK_TIMEOUT', 'The flow timed out.')),
    );
    this.#dispatch(new LinkOpenEvent());
  }

  /**
   * Every flow ends here, exactly once: its listeners and timers stop, the
   * modal closes (unless the flow lingers after an invalid session), its
   * outcome is dispatched if it has one, then `link-close` if the modal was
   * shown. A silent end (replaced, removed) dispatches nothing.
   */
  #end(flow: Flow, end: End): void {
    if (this.#flow !== flow) return;
    flow.abort.abort();
    const shown = onScreen(flow.phase);
    const lingers = shown && end instanceof LinkError && INVALID_SESSION_CODES.includes(end.code);
    if (lingers) {
      flow.phase = 'lingering';
    } else {
      this.#flow = undefined;
      this.#hideModal();
    }
    this.requestUpdate();
    if (typeof end == 'object') {
      mark('end', end instanceof LinkError ? end.code : 'consent', flow.opened);
      this.#dispatch(end instanceof LinkError ? new LinkErrorEvent(end) : new ConsentEvent(end));
    }
    if (shown && !lingers && end != 'silent') this.#dispatch(new LinkCloseEvent());
  }

  #hideModal(): void {
    this.#releaseScroll?.();
    this.#releaseScroll = undefined;
    const dialog = this.#dialog;
    if (!dialog?.open) return;
    setModal(dialog, false);
    returnFocus(this.#returnFocus);
    this.#returnFocus = null;
  }

  /** A configuration that cannot run: one `link-error`, nothing loaded. */
  #reject(message: string): void {
    log(this, 'warn', `config rejected: ${message}`);
    this.#dispatch(new LinkErrorEvent(linkError(this, 'LINK_INVALID_CONFIG', message)));
  }

  // A user's close: an open flow asks the page, then (`confirm-close`, once loaded) the user:
  // true, and the view asks. A lingering flow has its outcome, and just closes.
  #requestClose(reason: CloseReason): boolean | void {
    const flow = this.#flow;
    if (flow?.phase == 'open') {
      if (!this.#dispatch(new LinkCloseRequestEvent({ reason })) || this.#flow != flow) return;
      if (this.confirmClose && flow.load == 'loaded') return true;
    }
    this.cancel();
  }

  async #onFrameLoad(frame: HTMLIFrameElement): Promise<void> {
    const flow = this.#flow;
    // A frame the page's CSP blocked stays at about:blank (WebKit fires `load` for it).
    if (frame.contentDocument?.URL == 'about:blank') return;
    // Chromium fires `load` for its own error page too: the reachability check decides.
    await flow?.reached;
    if (this.#flow != flow || flow?.frame != frame) return;
    if (flow.load == 'loaded' || flow.load == 'unreachable') return;
    flow.load = 'loaded';
    mark('load');
    this.requestUpdate();
    this.#dispatch(new LinkLoadEvent());
  }

  /** False when prevented: nothing is dispatched for an element that is no longer on the page. */
  #dispatch(event: Event): boolean {
    return this.isConnected && this.dispatchEvent(event);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fiskil-link': FiskilLink;
  }
}
