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
