import type { LinkError } from './errors.js';
import type { ConsentDetail } from './protocol.js';

export type { ConsentDetail };

// Each event class names itself once, in `eventName`; the constructor reads it
// from the class being built, so the five classes share one constructor.
class LinkEvent extends Event {
  static readonly eventName: string;
  constructor() {
    super((new.target as typeof LinkEvent).eventName, { bubbles: true, composed: true });
  }
}

class DetailEvent<T> extends LinkEvent {
  readonly detail: T;
  constructor(detail: T) {
    super();
    this.detail = detail;
  }
}

/** The user completed the flow. */
export class ConsentEvent extends DetailEvent<ConsentDetail> {
  static override readonly eventName = 'consent';
}

/** The flow failed or was cancelled; `detail` is a {@link LinkError}. */
export class LinkErrorEvent extends DetailEvent<LinkError> {
  static override readonly eventName = 'link-error';
}

/** The modal is shown. */
export class LinkOpenEvent extends LinkEvent {
  static override readonly eventName = 'link-open';
}

/** The hosted page finished loading in the iframe. */
export class LinkLoadEvent extends LinkEvent {
  static override readonly eventName = 'link-load';
}

/** The modal is gone. */
export class LinkCloseEvent extends LinkEvent {
  static override readonly eventName = 'link-close';
}

declare global {
  interface HTMLElementEventMap {
    consent: ConsentEvent;
    'link-error': LinkErrorEvent;
    'link-open': LinkOpenEvent;
    'link-load': LinkLoadEvent;
    'link-close': LinkCloseEvent;
  }
}
