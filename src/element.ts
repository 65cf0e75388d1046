// The side-effect-free entry (`fiskil-link/element`): every public name, and
// importing it registers nothing. Register with `defineFiskilLink()` or by
// importing `fiskil-link` (or `fiskil-link/define`), when and if you choose.
export { FiskilLink } from './fiskil-link.js';
export { defineFiskilLink, TAG_NAME } from './define.js';
export * from './errors.js';
export * from './events.js';
export { link } from './link.js';
export type { LinkFlow, LinkOptions, LinkResult } from './link.js';
export type { FiskilLinkStrings } from './strings.js';
export type * from './webview-message.js';
