import type { LinkError } from './errors.js';

/** What a completed flow hands back. */
export interface ConsentDetail {
  /** The consent (arrangement) the user granted; read it with `GET /v1/consent`. */
  consentID: string;
  /** Where the hosted flow would have redirected, when it said. */
  redirectURL?: string;
}

const init: EventInit = { bubbles: true, composed: true };

/** The user completed the flow. */
export class ConsentEvent extends Event {
  static readonly eventName = 'consent';
  readonly detail: ConsentDetail;
  constructor(detail: ConsentDetail) {
    super(ConsentEvent.eventName, init);
    this.detail = detail;
  }
}

/** The flow failed or was cancelled; `detail` is a {@link LinkError}. */
export class LinkErrorEvent extends Event {
  static readonly eventName = 'link-error';
  readonly detail: LinkError;
  constructor(detail: LinkError) {
    super(LinkErrorEvent.eventName, init);
    this.detail = detail;
  }
}

/** The modal is shown. */
export class LinkOpenEvent extends Event {
  static readonly eventName = 'link-open';
  constructor() {
    super(LinkOpenEvent.eventName, init);
  }
}

/** The hosted page finished loading in the iframe. */
export class LinkLoadEvent extends Event {
  static readonly eventName = 'link-load';
  constructor() {
    super(LinkLoadEvent.eventName, init);
  }
}

/** The modal is gone. */
export class LinkCloseEvent extends Event {
  static readonly eventName = 'link-close';
  constructor() {
    super(LinkCloseEvent.eventName, init);
  }
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
