// Server-side rendering imports the package in Node (Nuxt, SvelteKit, Angular
// SSR, Next.js): importing must not throw, and nothing is registered.
import { test } from 'node:test';
import assert from 'node:assert/strict';

test('dist/index.js imports in Node without a DOM', async () => {
  assert.equal(typeof globalThis.document, 'undefined');
  const mod = await import('../../dist/index.js');
  assert.equal(typeof mod.FiskilLink, 'function');
  assert.equal(typeof mod.link, 'function');
  assert.equal(typeof mod.LinkError, 'function');
});

test('link() in Node rejects with LINK_NOT_FOUND instead of throwing', async () => {
  const { link } = await import('../../dist/index.js');
  await assert.rejects(link('ses_1'), { name: 'LinkError', code: 'LINK_NOT_FOUND' });
});
