// Preact: `<fiskil-link>` in TSX, typed from the generated jsx.d.ts.
import type { CustomElements } from './jsx.js';

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
