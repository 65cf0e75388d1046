// Solid: `<fiskil-link>` in TSX, typed from the generated jsx.d.ts.
import type { CustomElements } from './jsx.js';

declare module 'solid-js' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
