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
import { FAKE_PAGE_SKELETON } from './fake-page.js';
import { cancelLater, Flow, KIT_LOADS, later } from './flow.js';
import type { CompleteOptions, PostOptions } from './options.js';

export type { CompleteOptions, PostOptions };

/** Options of {@link FakeFiskilLink.nextFlow}. */
export interface NextFlowOptions {
  /** Milliseconds to wait for a flow to be shown (default 2000). */
  timeout?: number;
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
  /** The user presses the element's close control, or Escape: `link-close-request` first, as in production. */
  requestClose(reason?: 'close-button' | 'escape'): void;
  /** `confirm-close`'s question ("Leave without connecting?") is on screen. */
  readonly confirming: boolean;
  /** The user answers the question with "Keep going": the flow goes on. */
  keepGoing(): void;
  /** The user answers the question with "Leave": `LINK_USER_CANCELLED`. */
  leave(): void;
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
