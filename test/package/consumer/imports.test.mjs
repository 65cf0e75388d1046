// Imports every path in the installed package's `exports` from Node, as
// server-side rendering and test suites do, and states what each must give.
// Run by scripts/check-package.mjs in a scratch project that installed the
// packed tarball, so it sees exactly what a user gets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const pkg = require('fiskil-link/package.json');

const PUBLIC_NAMES = [
  'FiskilLink',
  'LINK_ERROR_CODES',
  'LinkError',
  'TAG_NAME',
  'defineFiskilLink',
  'link',
];

/** Imports a specifier in a fresh Node process (probe.mjs) and returns its report. */
function probe(specifier) {
  const probeFile = fileURLToPath(new URL('probe.mjs', import.meta.url));
  const { status, stdout, stderr } = spawnSync(process.execPath, [probeFile, specifier], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(status, 0, `importing ${specifier} in Node failed:\n${stderr}`);
  return JSON.parse(stdout);
}

/**
 * An element entry in Node: it loads, has every public name, starts no flow
 * (`link()` rejects with LINK_NOT_FOUND), and registers the tag in Lit's DOM
 * shim only when the entry is a registering one.
 */
const elementEntry =
  ({ file, registers }) =>
  (specifier) => {
    const report = probe(specifier);
    assert.ok(report.resolved.endsWith(`/node_modules/fiskil-link/dist/${file}`), report.resolved);
    for (const name of PUBLIC_NAMES)
      assert.ok(report.names.includes(name), `${specifier}: ${name}`);
    assert.equal(report.linkOutcome, 'LinkError LINK_NOT_FOUND');
    assert.equal(
      report.registered,
      registers,
      `${specifier} registers <fiskil-link>: ${registers}`,
    );
  };

// Each export path and what importing it in Node must do. A path added to
// `exports` without a row here fails the first test.
const EXPECTED = {
  '.': { probe: elementEntry({ file: 'index.js', registers: true }) },
  './define': { probe: elementEntry({ file: 'index.js', registers: true }) },
  // The side-effect-free entry: importing it registers nothing.
  './element': { probe: elementEntry({ file: 'element.js', registers: false }) },
  // The self-contained bundles are for browsers (the `browser` condition); in
  // Node the same names come from the Node-safe build.
  './fiskil-link.js': { probe: elementEntry({ file: 'index.js', registers: true }) },
  './fiskil-link.umd.js': { probe: elementEntry({ file: 'index.js', registers: true }) },
  './integrity.json': {
    json: (data) => {
      for (const file of ['fiskil-link.js', 'fiskil-link.umd.js']) assert.ok(file in data, file);
      for (const hash of Object.values(data)) assert.match(hash, /^sha384-[A-Za-z0-9+/]{64}$/);
    },
  },
  './custom-elements.json': {
    json: (data) => {
      const tags = data.modules.flatMap((m) => m.declarations ?? []).map((d) => d.tagName);
      assert.ok(tags.includes('fiskil-link'));
    },
  },
  './types/vue': { typesOnly: true },
  './types/svelte': { typesOnly: true },
  './types/react': { typesOnly: true },
  './types/preact': { typesOnly: true },
  './types/solid': { typesOnly: true },
  './types/jsx': { typesOnly: true },
  './webview-message': { typesOnly: true },
  './types/vscode.html-custom-data.json': {
    json: (data) => assert.equal(data.tags[0].name, 'fiskil-link'),
  },
  './types/vscode.css-custom-data.json': {
    json: (data) => assert.ok(data.properties.some((p) => p.name.startsWith('--fiskil-link-'))),
  },
  './sandbox': {
    works: async (_specifier, mod) => {
      const sandbox = mod.createSandbox({ log: () => {} });
      const url = await sandbox.listen(0, '127.0.0.1');
      try {
        const response = await fetch(`${url}/v1/token`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ client_id: 'wrong', client_secret: 'wrong' }),
        });
        assert.equal(response.status, 401);
      } finally {
        await sandbox.close();
      }
    },
  },
  // The testing kits load in Node (a test runner's process); the fake needs a DOM to install.
  './testing': {
    works: async (_specifier, mod) => {
      assert.equal(typeof mod.fakeFiskilLink, 'function');
      assert.throws(() => mod.fakeFiskilLink(), /needs a DOM/);
    },
  },
  // Imports nothing from Playwright at run time: it loads without it.
  './testing/playwright': {
    works: async (_specifier, mod) => assert.equal(typeof mod.routeFiskilLink, 'function'),
  },
  // The backend's client: no DOM needed, and it works against the packed sandbox.
  './server': {
    works: async (_specifier, mod) => {
      const { createSandbox } = await import('fiskil-link/sandbox');
      const sandbox = createSandbox({ log: () => {} });
      const url = await sandbox.listen(0, '127.0.0.1');
      try {
        const fiskil = mod.createFiskilClient({
          clientId: sandbox.options.clientId,
          clientSecret: sandbox.options.clientSecret,
          baseUrl: url,
        });
        const user = { email: 'package@example.com', name: 'Package' };
        const first = await fiskil.createLinkSession({ user });
        const again = await fiskil.createLinkSession({ user });
        assert.equal(again.endUserId, first.endUserId);
        assert.match(first.sessionId, /\S/);
        await assert.rejects(fiskil.authSessions.create({ endUserId: 'eu_x' }), mod.FiskilApiError);
      } finally {
        await sandbox.close();
      }
    },
  },
  './package.json': { json: (data) => assert.equal(data.name, 'fiskil-link') },
};

const specifierOf = (path) => (path === '.' ? 'fiskil-link' : `fiskil-link/${path.slice(2)}`);

test('every export path has an expectation here, and every expectation an export', () => {
  assert.deepEqual(Object.keys(pkg.exports).sort(), Object.keys(EXPECTED).sort());
});

for (const [path, expected] of Object.entries(EXPECTED)) {
  const specifier = specifierOf(path);
  if (expected.typesOnly) {
    test(`${specifier}: types only, so Node refuses to import it`, async () => {
      await assert.rejects(import(specifier), { code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' });
    });
  } else if (expected.json) {
    test(`${specifier}: JSON, imports in Node`, async () => {
      const { default: data } = await import(specifier, { with: { type: 'json' } });
      expected.json(data);
    });
  } else if (expected.probe) {
    test(`${specifier}: imports in a fresh Node process`, () => expected.probe(specifier));
  } else {
    test(`${specifier}: imports in Node`, async () => {
      await expected.works(specifier, await import(specifier));
    });
  }
}
