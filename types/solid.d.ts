// Solid: `<fiskil-link>` in TSX, typed from the generated jsx.d.ts.
// Solid's JSX namespace lives in solid-js/jsx-runtime (what `jsxImportSource:
// "solid-js"` reads); `solid-js` only re-exports it as a type, which an
// augmentation cannot reach.
import type { CustomElements } from './jsx.js';

declare module 'solid-js/jsx-runtime' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
