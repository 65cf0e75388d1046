import { FiskilLink } from './fiskil-link.js';

export const TAG_NAME = 'fiskil-link';

/**
 * Registers `<fiskil-link>` unless a copy already has (say the UMD and the
 * ESM file on one page), and does nothing where there is no DOM (SSR).
 */
export function defineFiskilLink(): void {
  if (typeof customElements === 'undefined' || customElements.get(TAG_NAME)) return;
  customElements.define('fiskil-link', FiskilLink);
}
