// One flow of the fake hosted page: its frame, its load, and the outcomes a
// test sends as the hosted page would (through the element's own checks).
import type { FiskilLink } from '../fiskil-link.js';
import { renderFakePage } from './fake-page.js';
import type { CompleteOptions, PostOptions } from './options.js';
import { completeURL, failureMessage, madeUpId, successMessage } from './messages.js';

/** What a flow asks of the kit that owns it. */
export interface FlowOwner {
  sweep(): void;
  assertActive(what: string): void;
}

// The page's own timers, taken when the kit is loaded: a test that fakes
// timers later still has flows that load and a nextFlow() that times out.
export const later: (run: () => void, ms: number) => ReturnType<typeof setTimeout> =
  globalThis.setTimeout.bind(globalThis);
export const cancelLater: (timer: ReturnType<typeof setTimeout>) => void =
  globalThis.clearTimeout.bind(globalThis);

// The `load` events the kit dispatches; any other on a fake frame is stopped.
export const KIT_LOADS = new WeakSet<Event>();

// The kit hands a Flow out as its public `FakeFlow` (./index.ts), which
// checks that it is one.
export class Flow {
  shown = false;
  loaded = false;
  hasOutcome = false;
  #stalled = false;
  #loadTimer: ReturnType<typeof setTimeout> | undefined;
  // A load asked for while the frame still shows its first, empty document:
  // the element (rightly) ignores a `load` then, so it waits for the fake page.
  #loadWhenArrived = false;

  constructor(
    readonly kit: FlowOwner,
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

  // A user's close goes through the element's own controls and keys, so its
  // `link-close-request` and `confirm-close` run as they do in production.
  requestClose(reason: 'close-button' | 'escape' = 'close-button'): void {
    // A lingering flow (an expired session) has its outcome, and its modal is still up to close.
    if (this.frame.isConnected && (this.#inShadow('dialog') as HTMLDialogElement | null)?.open)
      this.kit.assertActive('requestClose()');
    else this.#usable('requestClose()');
    if (reason == 'escape')
      this.#inShadow('dialog')!.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }),
      );
    else this.#inShadow('[part="close"]')!.click();
  }

  get confirming(): boolean {
    return !!this.#answers().length;
  }

  keepGoing(): void {
    this.#answer('keepGoing()', 0);
  }

  leave(): void {
    this.#answer('leave()', 1);
  }

  #inShadow(selector: string): HTMLElement | null | undefined {
    return this.element.shadowRoot?.querySelector<HTMLElement>(selector);
  }

  /** The question's buttons, "Keep going" then "Leave"; none while it is not asked. */
  #answers(): HTMLElement[] {
    return [...(this.#inShadow('[part="confirm"]')?.querySelectorAll('button') ?? [])];
  }

  #answer(what: string, index: number): void {
    this.#usable(what);
    const button = this.#answers()[index];
    if (!button)
      throw new Error(
        `fiskil-link/testing: ${what} on the flow for session ${this.sessionId}, which asks no question: it takes confirm-close on the element and requestClose() once the page has loaded.`,
      );
    button.click();
  }

  #send(data: unknown, origin: string): void {
    const source = this.frame.contentWindow as MessageEventSource | null;
    window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
  }
}
