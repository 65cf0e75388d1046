// Server-side rendering imports the package in Node (Nuxt, SvelteKit, Angular
// SSR, Next.js). These import it by name, through package.json `exports` (a
// package may import itself), so a broken map fails here too; the packed
// package is checked the same way by `npm run check:package`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

test('fiskil-link/react imports in Node and renders on a server: the tag, no flow, nothing logged', async () => {
  const { createElement } = await import('react');
  const { renderToString } = await import('react-dom/server');
  const { FiskilLink, useFiskilLink } = await import('fiskil-link/react');
  function Page() {
    const { ready, error } = useFiskilLink({ sessionId: 'ses_1', onConsent: () => {} });
    return createElement(
      'main',
      null,
      createElement(FiskilLink, { sessionId: 'ses_1', onConsent: () => {} }),
      `ready ${ready}, error ${error}`,
    );
  }
  const logged = [];
  const { error, warn } = console;
  console.error = console.warn = (...args) => logged.push(args.join(' '));
  try {
    assert.equal(
      renderToString(createElement(Page)),
      '<main><fiskil-link></fiskil-link>ready false, error null</main>',
    );
  } finally {
    Object.assign(console, { error, warn });
  }
  assert.deepEqual(logged, []);
  assert.equal(typeof globalThis.document, 'undefined');
});

test("fiskil-link/react registers nothing in Node, and each of its modules keeps 'use client'", async () => {
  // A process of its own: this file's other tests import the registering entry.
  const probe = `await import('fiskil-link/react');
    process.stdout.write(String(globalThis.customElements?.get('fiskil-link')));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', probe], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
  });
  assert.equal(String(out), 'undefined');
  const entry = fileURLToPath(import.meta.resolve('fiskil-link/react'));
  const modules = [
    entry,
    ...readdirSync(join(dirname(entry), '../lib/react'))
      .filter((name) => name.endsWith('.js'))
      .map((name) => join(dirname(entry), '../lib/react', name)),
  ];
  assert.ok(modules.length >= 3, modules.join(', '));
  for (const file of modules) assert.match(readFileSync(file, 'utf8'), /^"use client";\n/, file);
});
