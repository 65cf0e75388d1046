// Svelte 5: `<fiskil-link session-id={…} onconsent={…}>` typed for svelte-check, from the
// generated jsx.d.ts (whose `onconsent` / `onlink-error` props are Svelte 5's event
// attributes). custom-element-svelte-integration targets Svelte 4's `on:` in a namespace
// Svelte 5's checker does not read, so it is not used.
import type { HTMLAttributes } from 'svelte/elements';
import type { FiskilLink } from '../dist/index.js';
import type { FiskilLinkProps } from './jsx.js';

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'fiskil-link': HTMLAttributes<FiskilLink> & FiskilLinkProps;
  }
}
