// Where fiskil-link/server runs: it imports in Node with no DOM, and in Node
// beside a DOM (jsdom and happy-dom suites); a browser page is refused, which
// test/server-entry.test.ts shows in real browsers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

/** Imports the entry in a fresh Node process after `setup`; its exit status and output. */
function importAfter(setup) {
  const source = `${setup}\nconst m = await import('fiskil-link/server');\nconsole.log(typeof m.createFiskilClient);`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', source], {
    cwd: new URL('../../..', import.meta.url),
    encoding: 'utf8',
    timeout: 60_000,
  });
}

test('fiskil-link/server imports in Node', async () => {
  assert.equal(typeof globalThis.document, 'undefined');
  const mod = await import('fiskil-link/server');
  assert.equal(typeof mod.createFiskilClient, 'function');
  assert.equal(typeof mod.FiskilApiError, 'function');
  assert.match(import.meta.resolve('fiskil-link/server'), /\/dist\/server\/index\.js$/);
});

test('it imports in Node with a document, as a DOM test suite has', () => {
  const run = importAfter('globalThis.document = { nodeType: 9 }; globalThis.window = globalThis;');
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim(), 'function');
});

test('with a document and no server runtime (a page), it refuses to load', () => {
  // The page's view: a document, and no process.versions.node, Deno or Bun.
  const run = importAfter(
    "globalThis.document = { nodeType: 9 }; Object.defineProperty(process, 'versions', { value: {} });",
  );
  assert.notEqual(run.status, 0);
  assert.match(
    run.stderr,
    /fiskil-link\/server holds your Fiskil client secret and runs only on a server/,
  );
});
