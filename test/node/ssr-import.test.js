// Server-side rendering imports the package in Node (Nuxt, SvelteKit, Angular
// SSR, Next.js). These import it by name, through package.json `exports` (a
// package may import itself), so a broken map fails here too; the packed
// package is checked the same way by `npm run check:package`.
import { test } from 'node:test';
import assert from 'node:assert/strict';

test('fiskil-link imports in Node without a DOM', async () => {
  assert.equal(typeof globalThis.document, 'undefined');
  const mod = await import('fiskil-link');
  assert.equal(typeof mod.FiskilLink, 'function');
  assert.equal(typeof mod.link, 'function');
  assert.equal(typeof mod.LinkError, 'function');
});

test('the browser-only bundle resolves to the Node-safe build in Node', () => {
  assert.match(import.meta.resolve('fiskil-link/fiskil-link.js'), /\/dist\/index\.js$/);
  assert.match(import.meta.resolve('fiskil-link/fiskil-link.umd.js'), /\/dist\/index\.js$/);
});

test('link() in Node rejects with LINK_NOT_FOUND instead of throwing', async () => {
  const { link } = await import('fiskil-link/element');
  await assert.rejects(link('ses_1'), { name: 'LinkError', code: 'LINK_NOT_FOUND' });
});
