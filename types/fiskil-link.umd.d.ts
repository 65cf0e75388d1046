// dist/fiskil-link.umd.js is a classic script: loaded with <script src>, it
// registers <fiskil-link> and sets the global `FiskilLink` to the package's
// exports. It has no ES exports of its own, so import it for its effect only.
import type * as FiskilLinkExports from '../dist/index.js';

declare global {
  // `var`: the one declaration that makes a property of globalThis.
  var FiskilLink: typeof FiskilLinkExports;
}

export {};
