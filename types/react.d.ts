// React 19: `<fiskil-link>` in TSX, typed from the generated jsx.d.ts.
// Use: `import type {} from 'fiskil-link/types/react';` once, or list it in tsconfig `types`.
import type { CustomElements } from './jsx.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
