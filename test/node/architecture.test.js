// docs/architecture.md's import rules hold: a file that crosses a "never"
// line fails here, naming the file, the import and the rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { breaksIn, checkRepo } from '../../scripts/import-rules.mjs';

test('no source file imports across a "never" line', () => {
  assert.deepEqual(checkRepo(), []);
});

test('the check sees each kind of crossing', () => {
  assert.equal(
    breaksIn('sandbox/hosted/flow.js', "import { x } from '../../src/protocol.js';").length,
    1,
  );
  assert.equal(breaksIn('sandbox/api/x.js', "const m = await import('fiskil-link');").length, 1);
  assert.equal(
    breaksIn('src/link.ts', "import { createSandbox } from '../sandbox/server.js';").length,
    1,
  );
  assert.equal(breaksIn('src/protocol.ts', "import { css } from 'lit';").length, 1);
  assert.equal(breaksIn('src/fiskil-link.ts', "export * from './testing/index.js';").length, 1);
  assert.equal(
    breaksIn('src/testing/playwright.ts', "import type { Sandbox } from 'fiskil-link/sandbox';")
      .length,
    0,
  );
  assert.equal(
    breaksIn('src/testing/playwright.ts', "import { createSandbox } from 'fiskil-link/sandbox';")
      .length,
    1,
  );
  assert.equal(breaksIn('demo/app.js', "import '../sandbox/server.js';").length, 0);
});

/** The breaks of the server entry's two rules alone (others may apply to the same line). */
const serverBreaks = (file, text) =>
  breaksIn(file, text).filter((line) => line.includes('the server entry'));

test('the server entry imports none of the element, Lit or the sandbox, and only examples and tests import it', () => {
  assert.equal(
    serverBreaks('src/server/client.ts', "import { x } from './transport.js';").length,
    0,
  );
  assert.equal(
    serverBreaks('src/server/client.ts', "import { LinkError } from '../errors.js';").length,
    1,
  );
  assert.equal(serverBreaks('src/server/index.ts', "import { css } from 'lit';").length, 1);
  assert.equal(
    serverBreaks('src/server/client.ts', "import { createSandbox } from '../../sandbox/server.js';")
      .length,
    1,
  );
  assert.equal(
    serverBreaks('src/link.ts', "import { createFiskilClient } from './server/index.js';").length,
    1,
  );
  assert.equal(serverBreaks('src/index.ts', "export * from './server/client.js';").length, 1);
  assert.equal(serverBreaks('sandbox/api/x.js', "import 'fiskil-link/server';").length, 1);
  assert.equal(
    serverBreaks('demo/start.js', "import { createFiskilClient } from 'fiskil-link/server';")
      .length,
    1,
  );
  assert.equal(serverBreaks('demo/start.js', "import '../dist/server/index.js';").length, 1);
  assert.equal(
    serverBreaks('examples/node-backend/server.js', "import 'fiskil-link/server';").length,
    0,
  );
  assert.equal(
    serverBreaks('test/node/server/helpers.js', "import 'fiskil-link/server';").length,
    0,
  );
});
