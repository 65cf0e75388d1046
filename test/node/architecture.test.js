// docs/architecture.md's import rules hold: a file that crosses a "never"
// line fails here, naming the file, the import and the rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { breaksIn, checkRepo, cyclesAmong, importCycles } from '../../scripts/import-rules.mjs';

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
  assert.equal(
    breaksIn('src/link.ts', "import { useFiskilLink } from './react/index.js';").length,
    1,
  );
  assert.equal(breaksIn('src/fiskil-link.ts', "import { useRef } from 'react';").length, 1);
  assert.equal(
    breaksIn('src/react/component.ts', "import { TAG_NAME } from '../element.js';").length,
    0,
  );
  assert.equal(breaksIn('src/react/component.ts', "import { useRef } from 'react';").length, 0);
  assert.equal(
    breaksIn('src/react/component.ts', "import { flowOf } from '../flow.js';").length,
    1,
  );
  assert.equal(breaksIn('src/react/component.ts', "import { render } from 'react-dom';").length, 1);
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

test('no two modules of src/ import each other, directly or through others', () => {
  assert.deepEqual(importCycles(), []);
});

test('the cycle check sees a cycle of any length, type-only imports included', () => {
  const sources = (/** @type {Record<string, string>} */ files) => new Map(Object.entries(files));
  assert.deepEqual(
    cyclesAmong(
      sources({
        'src/a.ts': "import type { B } from './b.js';",
        'src/b.ts': "import type { A } from './a.js';",
      }),
    ),
    ['src/a.ts -> src/b.ts -> src/a.ts'],
  );
  assert.deepEqual(
    cyclesAmong(
      sources({
        'src/a.ts': "import { b } from './b.js';",
        'src/b.ts': "export { c } from './sub/c.js';",
        'src/sub/c.ts': "import { a } from '../a.js';",
      }),
    ),
    ['src/a.ts -> src/b.ts -> src/sub/c.ts -> src/a.ts'],
  );
  // Two paths to one module are no cycle.
  assert.deepEqual(
    cyclesAmong(
      sources({
        'src/a.ts': "import './b.js';\nimport './c.js';",
        'src/b.ts': "import './c.js';",
        'src/c.ts': "import { x } from 'lit';",
      }),
    ),
    [],
  );
});
