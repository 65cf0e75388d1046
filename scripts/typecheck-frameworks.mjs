// Compiles a usage of <fiskil-link> per framework with that framework's own
// checker, against the package's shipped types (dist/ and types/: run after
// `npm run build`). The apps under demo/frameworks/ must compile; each negative
// fixture under test/types/ must FAIL, with the error it exists for.
import { execFile } from 'node:child_process';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));

const checkers = {
  vue: (dir) => [bin('vue-tsc'), '-p', `${dir}/tsconfig.json`],
  svelte: (dir) => [
    bin('svelte-check'),
    ...['--workspace', dir, '--tsconfig', './tsconfig.json', '--fail-on-warnings'],
    ...['--output', 'human'],
  ],
  tsc: (dir) => [bin('tsc'), '-p', `${dir}/tsconfig.json`],
  angular: (dir) => [bin('ngc'), '-p', `${dir}/tsconfig.json`],
};

/** Runs a checker (asynchronously, so two run at once) and collects what it printed. */
function check(checker, dir) {
  const [command, ...args] = checkers[checker](dir);
  return new Promise((done) => {
    execFile(command, args, { cwd: root, timeout: 180_000 }, (error, stdout, stderr) =>
      done({ ok: !error, output: `${stdout}${stderr}`, error: error?.killed ? error : null }),
    );
  });
}

const apps = [
  ['Vue app (vue-tsc, strictTemplates)', 'vue', 'demo/frameworks/vue'],
  ['Svelte app (svelte-check)', 'svelte', 'demo/frameworks/svelte'],
  ['React app (tsc, TSX)', 'tsc', 'demo/frameworks/react'],
  ['Angular app (ngc, strictTemplates)', 'angular', 'demo/frameworks/angular'],
  ['plain TypeScript: HTMLElementTagNameMap and HTMLElementEventMap', 'tsc', 'test/types/dom'],
  ['Preact (tsc, TSX, jsxImportSource preact)', 'tsc', 'test/types/preact-ok'],
  ['Solid (tsc, TSX, jsxImportSource solid-js)', 'tsc', 'test/types/solid-ok'],
  [
    'fiskil-link/react: <FiskilLink> and useFiskilLink() (tsc, TSX)',
    'tsc',
    'test/types/react-entry-ok',
  ],
];

// The misspelled field every framework's detail test reads.
const UNKNOWN_DETAIL = /'consentId' does not exist on type 'ConsentDetail'/;

// TSX never checks hyphenated attribute names (a TypeScript rule), so React's
// misspelling is a plain one. [what, checker, fixture, the error that proves it failed for the right reason]
const negatives = [
  ['Vue: misspelled attribute', 'vue', 'vue-attribute', /'sessionIdd' does not exist/],
  ['Vue: unknown detail field', 'vue', 'vue-detail', UNKNOWN_DETAIL],
  ['Svelte: misspelled attribute', 'svelte', 'svelte-attribute', /'"session-idd"' does not exist/],
  ['Svelte: unknown detail field', 'svelte', 'svelte-detail', UNKNOWN_DETAIL],
  ['React: misspelled attribute', 'tsc', 'react-attribute', /'timout' does not exist/],
  ['React: unknown detail field', 'tsc', 'react-detail', UNKNOWN_DETAIL],
  ['Angular: unknown detail field', 'angular', 'angular-detail', UNKNOWN_DETAIL],
  ['Preact: misspelled attribute', 'tsc', 'preact-attribute', /'timout' does not exist/],
  ['Preact: unknown detail field', 'tsc', 'preact-detail', UNKNOWN_DETAIL],
  ['Solid: misspelled attribute', 'tsc', 'solid-attribute', /'timout' does not exist/],
  ['Solid: unknown detail field', 'tsc', 'solid-detail', UNKNOWN_DETAIL],
  ['DOM: unknown detail field', 'tsc', 'dom-detail', /'reason' does not exist on type 'LinkError'/],
  [
    'fiskil-link/react: misspelled prop',
    'tsc',
    'react-entry-prop',
    /'sesionId' does not exist .*Did you mean 'sessionId'\?/,
  ],
  [
    'fiskil-link/react: a callback of the wrong type',
    'tsc',
    'react-entry-callback',
    /'\(e: ConsentEvent\) => void' is not assignable to type '\(event: LinkErrorEvent\) => void'/,
  ],
  [
    'fiskil-link/react: a hook callback of the wrong type',
    'tsc',
    'react-entry-hook',
    /'\(code: string\) => void' is not assignable to type '\(error: LinkError\) => void'/,
  ],
  [
    'DOM: misspelled property',
    'tsc',
    'dom-property',
    /'sessionID' does not exist on type 'FiskilLink'/,
  ],
];

describe('framework type checks', { concurrency: 2 }, () => {
  for (const [what, checker, dir] of apps) {
    test(`compiles: ${what}`, async () => {
      const { ok, output, error } = await check(checker, dir);
      assert.ifError(error);
      assert.ok(ok, output);
    });
  }
  for (const [what, checker, fixture, expected] of negatives) {
    test(`fails to compile: ${what}`, async () => {
      const { ok, output, error } = await check(checker, `test/types/${fixture}`);
      assert.ifError(error);
      assert.equal(ok, false, `test/types/${fixture} compiled, but must not:\n${output}`);
      assert.match(output, /** @type {RegExp} */ (expected));
    });
  }
});
