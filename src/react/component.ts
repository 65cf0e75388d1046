'use client';
// <FiskilLink>: the element as a React component, made by @lit/react. Props
// that name the element's properties are set as properties, and the event
// callbacks are added as listeners, both in a layout effect after React has
// committed: so an object reaches `strings` whole on React 18 (which would
// write it as an attribute), and a handler fires whatever its identity, also
// on a page React hydrated from server HTML.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import {
  defineFiskilLink,
  TAG_NAME,
  type ConsentEvent,
  type FiskilLink as FiskilLinkElement,
  type LinkCloseEvent,
  type LinkCloseRequestEvent,
  type LinkErrorEvent,
  type LinkLoadEvent,
  type LinkOpenEvent,
} from '../element.js';

// In the browser, importing the component registers the tag (a server has no
// registry of its own to fill: Lit's stand-in there is left alone).
if (typeof document !== 'undefined') defineFiskilLink();

/** The element's properties the component sets, by name. */
const PROPERTIES = [
  'sessionId',
  'allowedOrigin',
  'authServer',
  'timeout',
  'loadTimeout',
  'preload',
  'noPreconnect',
  'debug',
  'strings',
  'confirmClose',
] as const satisfies readonly (keyof FiskilLinkElement)[];

const events = {
  onConsent: 'consent' as EventName<ConsentEvent>,
  onLinkError: 'link-error' as EventName<LinkErrorEvent>,
  onLinkOpen: 'link-open' as EventName<LinkOpenEvent>,
  onLinkLoad: 'link-load' as EventName<LinkLoadEvent>,
  onLinkClose: 'link-close' as EventName<LinkCloseEvent>,
  onLinkCloseRequest: 'link-close-request' as EventName<LinkCloseRequestEvent>,
};

type Callbacks = {
  [K in keyof typeof events]?: (event: (typeof events)[K]['__eventType']) => void;
};

/** The props of {@link FiskilLink}: the element's properties, its events as callbacks, and React's HTML props. */
export type FiskilLinkProps = Omit<
  React.HTMLAttributes<FiskilLinkElement>,
  keyof Callbacks | (typeof PROPERTIES)[number]
> &
  Partial<Pick<FiskilLinkElement, (typeof PROPERTIES)[number]>> &
  Callbacks;

/**
 * `<fiskil-link>` as a React component: `sessionId`, `allowedOrigin`,
 * `authServer`, `timeout`, `preload`, `strings`, `debug`, `confirmClose` are
 * its properties; `onConsent`, `onLinkError`, `onLinkOpen`, `onLinkLoad`,
 * `onLinkClose`, `onLinkCloseRequest` get its typed events; `ref` is the element (for `open()` and `cancel()`).
 */
export const FiskilLink = createComponent({
  react: React,
  tagName: TAG_NAME,
  // @lit/react sets a prop on the element when `prop in elementClass.prototype`.
  // Naming the properties here, rather than handing it the class, holds where the
  // class has not been registered (server rendering: no accessors yet) and for
  // `debug`, a plain field with no accessor.
  elementClass: {
    prototype: Object.fromEntries(PROPERTIES.map((name) => [name, undefined])),
  } as unknown as new () => FiskilLinkElement,
  events,
  displayName: 'FiskilLink',
}) as React.ForwardRefExoticComponent<FiskilLinkProps & React.RefAttributes<FiskilLinkElement>>;
