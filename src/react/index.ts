'use client';
// `fiskil-link/react` (docs/frameworks/react.md): the element as a component,
// and the flow as a hook. React and @lit/react are the app's own (peers).
export { FiskilLink, type FiskilLinkProps } from './component.js';
export {
  useFiskilLink,
  type UseFiskilLinkOptions,
  type UseFiskilLinkResult,
} from './use-fiskil-link.js';
export type { FiskilLink as FiskilLinkElement } from '../element.js';
export type {
  ConsentDetail,
  ConsentEvent,
  LinkCloseEvent,
  LinkError,
  LinkErrorEvent,
  LinkLoadEvent,
  LinkOpenEvent,
} from '../element.js';
