/// <reference lib="esnext.disposable" preserve="true" />
// `fiskil-link/testing`: every outcome of the hosted flow one line away in an
// integrator's own tests, through the element's real checks, with nothing
// sent to the auth server. docs/testing.md is the guide.
//
// How, with no hook in the element: while installed, the kit owns the `src`
// setter of HTMLIFrameElement. An iframe with `part="frame"` given a URL with
// `sess_id` is a flow's frame; it gets a local page (`srcdoc`) instead, its
// `load` events are the kit's to give, and the kit's messages are MessageEvents
// on the window whose `source` is that frame's window and whose `origin` is the
// flow's allowed origin, so they meet the element's source, shape and origin
// checks like Fiskil's page would. The element's own events (`link-open`,
// `consent`, …, all composed) tell the kit what became of each flow.
import type { FiskilLink } from '../fiskil-link.js';
import { FAKE_PAGE_SKELETON, renderFakePage } from './fake-page.js';
import { completeURL, failureMessage, madeUpId, successMessage } from './messages.js';

/** Options of {@link FakeFiskilLink.nextFlow}. */
export interface NextFlowOptions {
  /** Milliseconds to wait for a flow to be shown (default 2000). */
  timeout?: number;
}

/** Options of {@link FakeFlow.complete}. */
export interface CompleteOptions {
  /** The consent id the page receives (default: a made-up `arr_…`). */
  consentID?: string;
  /** The redirect URL the hosted page reports (default: its `/complete` page). */
  redirectURL?: string;
}

/** Options of {@link FakeFlow.post}. */
export interface PostOptions {
  /** The origin the message comes from (default: the flow's allowed origin). */
  origin?: string;
}

/** One flow of a `<fiskil-link>`, run against the fake hosted page. */
export interface FakeFlow {
  /** The session id the flow was started with (`session-id`, or `link()`'s first argument). */
  readonly sessionId: string;
  /** The `<fiskil-link>` running the flow (the one `link()` mounted, for `link()`). */
  readonly element: FiskilLink;
  /** The modal has been shown (`link-open`); false while a `preload` flow waits hidden. */
  readonly shown: boolean;
  /** The flow has its outcome (or was replaced or removed): any further call throws. */
  readonly ended: boolean;
  /** The user consented: `consent` with this `consentID` (made up when not given). */
  complete(options?: CompleteOptions): void;
  /**
   * The hosted page reports a failure with this code, in the form Fiskil's page
   * sends it: a `CONSENT_*` code in the redirect-URL form, any other flat.
   */
  fail(code: string, description?: string): void;
  /** The user pressed the hosted page's own Cancel: `AUTH_SESSION_CANCELLED`. */
  cancel(): void;
  /** The session is invalid (expired, used): `LINK_INVALID_SESSION`; the modal stays up, as in production. */
  expireSession(): void;
  /** The hosted page finishes loading now (`link-load`); it does at once unless {@link stall} was called. */
  load(): void;
  /** The hosted page never finishes loading (the element's stalled notice after `load-timeout`). */
  stall(): void;
  /** Posts any message as the hosted page (or, with `origin`, a page at another origin in its frame). */
  post(data: unknown, options?: PostOptions): void;
}

/** What {@link fakeFiskilLink} returns. */
export interface FakeFiskilLink {
  /** The flow shown now, else the next one shown; rejects after `timeout` (2 s) saying how many started hidden. */
  nextFlow(options?: NextFlowOptions): Promise<FakeFlow>;
  /** Every flow started since the kit was installed, oldest first. */
  readonly flows: readonly FakeFlow[];
  /** Uninstalls the kit: flows started from now on load the auth server again. Twice is harmless. */
  restore(): void;
  /** `restore()`, for `using fiskil = fakeFiskilLink()`. */
  [Symbol.dispose](): void;
}

const DEFAULT_NEXT_FLOW_TIMEOUT = 2000;

// The page's own timers, taken when the kit is loaded: a test that fakes
// timers later still has flows that load and a nextFlow() that times out.
const later: (run: () => void, ms: number) => ReturnType<typeof setTimeout> =
  globalThis.setTimeout.bind(globalThis);
const cancelLater: (timer: ReturnType<typeof setTimeout>) => void =
  globalThis.clearTimeout.bind(globalThis);

// The auth servers whose preconnect is dropped while the kit is installed.
const FISKIL_HOST = /(^|\.)fiskil\.com$/i;

const FLOW_EVENTS = ['link-open', 'link-load', 'consent', 'link-error', 'link-close'] as const;

/** A flow's frame before it is on the page: what its URL said. */
interface Claim {
  url: string;
  sessionId: string;
}

let installed: Kit | undefined;

/**
 * Installs the fake hosted page: from now on every `<fiskil-link>` flow on the
 * page (the tag, `link()`, a hidden `preload`) runs against it instead of the
 * auth server. Installing again while installed returns the same handle.
 */
export function fakeFiskilLink(): FakeFiskilLink {
  if (typeof HTMLIFrameElement === 'undefined' || typeof window === 'undefined')
    throw new Error('fakeFiskilLink() needs a DOM: a browser, happy-dom or jsdom.');
  installed ??= new Kit();
  return installed;
}

class Kit implements FakeFiskilLink {
  readonly #flows: Flow[] = [];
  readonly #claims = new Map<HTMLIFrameElement, Claim>();
  readonly #waiters = new Set<(flow: Flow) => void>();
  readonly #undo: (() => void)[] = [];
  #active = true;

  constructor() {
    this.#undo.push(
      replaceSetter(HTMLIFrameElement.prototype, 'src', (frame, value) =>
        this.#claim(frame, value),
      ),
      replaceSetter(HTMLLinkElement.prototype, 'href', dropPreconnect),
    );
    const onEvent = (event: Event) => this.#onFlowEvent(event);
    for (const type of FLOW_EVENTS) window.addEventListener(type, onEvent, true);
    this.#undo.push(() => {
      for (const type of FLOW_EVENTS) window.removeEventListener(type, onEvent, true);
    });
    const dispose = (Symbol as { dispose?: symbol }).dispose;
    // Where `Symbol.dispose` is missing, `using` compiled by TypeScript or esbuild looks here.
    (this as Record<symbol, unknown>)[Symbol.for('Symbol.dispose')] = () => this.restore();
    if (dispose) (this as Record<symbol, unknown>)[dispose] = () => this.restore();
  }

  get flows(): readonly FakeFlow[] {
    this.sweep();
    return [...this.#flows];
  }

  nextFlow({ timeout = DEFAULT_NEXT_FLOW_TIMEOUT }: NextFlowOptions = {}): Promise<FakeFlow> {
    this.assertActive('nextFlow()');
    this.sweep();
    const now = this.#flows.find((flow) => flow.shown && !flow.ended);
    if (now) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const waiter = (flow: Flow) => {
        cancelLater(timer);
        this.#waiters.delete(waiter);
        resolve(flow);
      };
      const timer = later(() => {
        this.#waiters.delete(waiter);
        reject(new Error(this.#noFlowShown(timeout)));
      }, timeout);
      this.#waiters.add(waiter);
    });
  }

  restore(): void {
    if (!this.#active) return;
    this.#active = false;
    if (installed === this) installed = undefined;
    for (const undo of this.#undo.splice(0).reverse()) undo();
  }

  declare [Symbol.dispose]: () => void;

  assertActive(what: string): void {
    if (!this.#active)
      throw new Error(
        `fiskil-link/testing: ${what} after restore(); install a new fakeFiskilLink()`,
      );
  }

  /** The src setter's question: is this a flow's frame? Then it is the kit's, and loads nothing. */
  #claim(frame: HTMLIFrameElement, value: unknown): boolean {
    if (frame.getAttribute('part') !== 'frame') return false;
    let url: URL;
    try {
      url = new URL(String(value));
    } catch {
      return false;
    }
    const sessionId = url.searchParams.get('sess_id');
    if (sessionId === null) return false;
    this.#claims.set(frame, { url: url.href, sessionId });
    // Registered before the element's own listener: the frame's real `load`
    // (of the local page) never reaches the element; the kit gives its own.
    frame.addEventListener('load', (event) => this.#onRealLoad(frame, event));
    giveWindow(frame);
    frame.setAttribute('data-fake-fiskil-link', url.href);
    frame.srcdoc = FAKE_PAGE_SKELETON;
    later(() => this.sweep(), 0);
    return true;
  }

  /** Takes every claimed frame now on the page into a flow (a new one, or its flow's "Try again"). */
  sweep(): void {
    for (const [frame, claim] of this.#claims) {
      if (!frame.isConnected) continue;
      this.#claims.delete(frame);
      const root = frame.getRootNode();
      const element = root instanceof ShadowRoot ? (root.host as FiskilLink) : undefined;
      if (!element) continue;
      const same = this.#current(element);
      if (same && same.sessionId === claim.sessionId && !same.frame.isConnected) {
        same.adopt(frame);
      } else {
        const flow = new Flow(this, element, frame, claim.sessionId, allowedOrigin(element, claim));
        this.#flows.push(flow);
        flow.loadSoon();
      }
    }
  }

  #current(element: Element): Flow | undefined {
    for (let i = this.#flows.length - 1; i >= 0; i--) {
      const flow = this.#flows[i]!;
      if (flow.element === element && !flow.hasOutcome) return flow;
    }
    return undefined;
  }

  #onRealLoad(frame: HTMLIFrameElement, event: Event): void {
    if (KIT_LOADS.has(event)) return;
    event.stopImmediatePropagation();
    this.sweep();
    const flow = this.#flows.find((f) => f.frame === frame);
    if (flow) flow.pageArrived();
  }

  #onFlowEvent(event: Event): void {
    this.sweep();
    const element = event.composedPath()[0];
    if (!(element instanceof Element)) return;
    const flow = this.#current(element);
    if (!flow) return;
    switch (event.type) {
      case 'link-open':
        flow.shown = true;
        for (const waiter of [...this.#waiters]) waiter(flow);
        break;
      case 'link-load':
        flow.loaded = true;
        break;
      case 'consent':
      case 'link-error':
        flow.hasOutcome = true;
        break;
    }
  }

  #noFlowShown(timeout: number): string {
    this.sweep();
    const hidden = this.#flows.filter((flow) => !flow.shown && !flow.ended).length;
    const started = this.#flows.length;
    return (
      `fiskil-link/testing: no flow was shown within ${timeout} ms ` +
      `(${started} started since fakeFiskilLink(), ${hidden} of them hidden, waiting for open()` +
      `${this.#claims.size ? `; ${this.#claims.size} not yet on the page` : ''}).`
    );
  }
}

// The `load` events the kit dispatches; any other on a fake frame is stopped.
const KIT_LOADS = new WeakSet<Event>();

class Flow implements FakeFlow {
  shown = false;
  loaded = false;
  hasOutcome = false;
  #stalled = false;
  #loadTimer: ReturnType<typeof setTimeout> | undefined;
  // A load asked for while the frame still shows its first, empty document:
  // the element (rightly) ignores a `load` then, so it waits for the fake page.
  #loadWhenArrived = false;

  constructor(
    readonly kit: Kit,
    readonly element: FiskilLink,
    public frame: HTMLIFrameElement,
    readonly sessionId: string,
    readonly origin: string,
  ) {}

  get ended(): boolean {
    this.kit.sweep();
    return this.hasOutcome || !this.frame.isConnected;
  }

  /** "Try again" gave the flow a new frame: it loads like the first, unless stalled. */
  adopt(frame: HTMLIFrameElement): void {
    this.frame = frame;
    this.loaded = false;
    this.#loadWhenArrived = false;
    this.loadSoon();
  }

  loadSoon(): void {
    if (this.#stalled) return;
    cancelLater(this.#loadTimer!);
    const frame = this.frame;
    this.#loadTimer = later(() => {
      if (!this.#stalled && this.frame === frame && frame.isConnected) this.#dispatchLoad();
    }, 0);
  }

  #dispatchLoad(): void {
    // A real browser commits the `srcdoc` page a task or more after it is
    // set, and until then the frame's document is the empty `about:blank` one
    // the element takes for a blocked frame. happy-dom and jsdom never get
    // there (no document, or one with another URL): they load at once.
    if (this.frame.contentDocument?.URL === 'about:blank') {
      this.#loadWhenArrived = true;
      return;
    }
    this.#loadWhenArrived = false;
    const event = new Event('load');
    KIT_LOADS.add(event);
    this.frame.dispatchEvent(event);
  }

  /** The frame's own `srcdoc` page is there (real browsers): show it, and give a load asked for. */
  pageArrived(): void {
    this.render();
    if (this.#loadWhenArrived && !this.#stalled && !this.hasOutcome) this.#dispatchLoad();
  }

  /** The visible page, once the frame's own document is there (real browsers). */
  render(): void {
    renderFakePage(this.frame.contentDocument, {
      sessionId: this.sessionId,
      authOrigin: this.origin,
      outcomes: [
        ['Complete (consent)', () => this.complete()],
        ['Deny consent', () => this.fail('CONSENT_ENDUSER_DENIED')],
        ['Fail the one-time code', () => this.fail('CONSENT_OTP_FAILURE')],
        ['Not eligible', () => this.fail('CONSENT_ENDUSER_INELIGIBLE')],
        ['Institution timed out', () => this.fail('CONSENT_TIMEOUT')],
        ['Institution unavailable', () => this.fail('CONSENT_UPSTREAM_PROCESSING_ERROR')],
        ['Data processing failed', () => this.fail('CONSUMERDATA_PROCESSING_ERROR')],
        ['Expire the session', () => this.expireSession()],
        ['Cancel', () => this.cancel()],
      ],
    });
  }

  #usable(what: string): void {
    this.kit.assertActive(what);
    if (this.ended)
      throw new Error(
        `fiskil-link/testing: ${what} on the flow for session ${this.sessionId}, which has ended` +
          `${this.hasOutcome ? ' (it has its outcome)' : ' (replaced, or its element left the page)'}.` +
          ' Start a new flow and take it from nextFlow().',
      );
  }

  complete({ consentID, redirectURL }: CompleteOptions = {}): void {
    this.#usable('complete()');
    const id = consentID ?? madeUpId('arr', 24);
    this.#send(successMessage(id, redirectURL ?? completeURL(this.origin, id)), this.origin);
  }

  fail(code: string, description?: string): void {
    this.#usable(`fail(${JSON.stringify(code)})`);
    this.#send(failureMessage(code, description, this.origin), this.origin);
  }

  cancel(): void {
    this.#usable('cancel()');
    this.fail('AUTH_SESSION_CANCELLED');
  }

  expireSession(): void {
    this.#usable('expireSession()');
    this.fail('LINK_INVALID_SESSION');
  }

  load(): void {
    this.#usable('load()');
    this.#stalled = false;
    if (!this.loaded) this.#dispatchLoad();
  }

  stall(): void {
    this.#usable('stall()');
    if (this.loaded)
      throw new Error(
        `fiskil-link/testing: stall() on the flow for session ${this.sessionId}, whose page has loaded already; call it right after nextFlow() (or, for a hidden flow, right after it started).`,
      );
    this.#stalled = true;
    this.#loadWhenArrived = false;
    cancelLater(this.#loadTimer!);
  }

  post(data: unknown, { origin = this.origin }: PostOptions = {}): void {
    this.#usable('post()');
    this.#send(data, origin);
  }

  #send(data: unknown, origin: string): void {
    const source = this.frame.contentWindow as MessageEventSource | null;
    window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
  }
}

/** The one origin the element accepts for a flow: `allowed-origin`, else the auth server's. */
function allowedOrigin(element: FiskilLink, claim: Claim): string {
  const set = element.allowedOrigin;
  if (typeof set === 'string' && set.trim()) {
    try {
      return new URL(set.trim()).origin;
    } catch {
      // the element refuses such a value before any frame exists
    }
  }
  return new URL(claim.url).origin;
}

/**
 * jsdom gives an iframe in a shadow root no window; the element compares a
 * message's `source` with its frame's window, so the fake frame gets a stand-in
 * (a real browser's and happy-dom's own window is kept).
 */
function giveWindow(frame: HTMLIFrameElement): void {
  const own = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow')?.get;
  if (!own) return;
  const standIn = Object.freeze({});
  Object.defineProperty(frame, 'contentWindow', {
    configurable: true,
    get: () => own.call(frame) ?? (frame.isConnected ? standIn : null),
  });
}

/** The kit's `<link rel="preconnect">` rule: none to a Fiskil host (the element adds one). */
function dropPreconnect(link: HTMLLinkElement, value: unknown): boolean {
  if (!/(^|\s)preconnect(\s|$)/i.test(link.rel)) return false;
  try {
    if (!FISKIL_HOST.test(new URL(String(value), document.baseURI).hostname)) return false;
  } catch {
    return false;
  }
  link.setAttribute('data-fake-fiskil-link', String(value));
  return true;
}

/**
 * Wraps a property's setter on a prototype: `take` returns true when it has
 * dealt with the value itself. Returns what puts the original back.
 */
function replaceSetter<T extends object>(
  proto: T,
  name: string,
  take: (target: T, value: unknown) => boolean,
): () => void {
  const original = Object.getOwnPropertyDescriptor(proto, name);
  const set = original?.set;
  if (!original || !set) return () => {};
  Object.defineProperty(proto, name, {
    ...original,
    set(this: T, value: unknown) {
      if (!take(this, value)) set.call(this, value);
    },
  });
  return () => Object.defineProperty(proto, name, original);
}
