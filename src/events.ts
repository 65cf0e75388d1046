import type { LinkError } from './errors.js';
import type { ConsentDetail } from './protocol.js';

export type { ConsentDetail };

// Each event class names itself once, in `eventName`; the constructor reads it
// from the class being built, so the classes share one constructor.
class LinkEvent extends Event {
  static readonly eventName: string;
  constructor(cancelable?: boolean) {
    super((new.target as typeof LinkEvent).eventName, {
      bubbles: true,
      composed: true,
      cancelable,
    });
  }
}

class DetailEvent<T> extends LinkEvent {
  readonly detail: T;
  constructor(detail: T, cancelable?: boolean) {
    super(cancelable);
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

/** What the user did to ask for the close: pressed a close control, or Escape. */
export interface LinkCloseRequestDetail {
  reason: 'close-button' | 'escape';
}

/**
 * The user asked to close a running flow. Cancelable: `preventDefault()`
 * keeps the flow open and untouched.
 */
export class LinkCloseRequestEvent extends DetailEvent<LinkCloseRequestDetail> {
  static override readonly eventName = 'link-close-request';
  constructor(detail: LinkCloseRequestDetail) {
    super(detail, true);
  }
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
    'link-close-request': LinkCloseRequestEvent;
  }
}
