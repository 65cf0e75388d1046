// The package's size figures (the self-contained files, what an app pays for
// the element through a bundler, and the element's own code without Lit),
// measured one way for `.ci/run` (scripts/check-size.mjs) and `npm run bench`
// alike. Run after `npm run build`.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/**
 * The size budgets the project set itself, in bytes (1 KB = 1000 B);
 * docs/performance.md. `bundleGzip` is the self-contained file and also what
 * an app without Lit pays through a bundler (`appGzip`); `ownGzip`, the
 * element's own code, must not grow.
 */
export const BUDGETS = { bundleGzip: 9_216, ownGzip: 6_400, reactGzip: 1_000 };

/**
 * What `.ci/run` enforces: today's figures plus a little slack, so a build
 * that grows fails. The budgets above are missed: the element's own code since
 * its templates became DOM calls, and every figure since the diagnostics
 * (a blocking CSP, an unreachable server, the timing entries) landed, which
 * cost about 635 B gzip where 256 B were set aside, and 60-80 B more since
 * each fact has one source and the element is split into modules; about 70 B
 * more for one connect-src report per page (the check asked once), about
 * 370-390 B for the close request and `confirm-close`, and about 100 B for
 * Chromium's prefetch (a healthy flow with no failed request in its network log).
 * docs/size.md says where the bytes went. Lower these whenever the code shrinks.
 */
export const LIMITS = {
  bundleGzip: 10_432,
  umdGzip: 10_548,
  appGzip: 10_510,
  ownGzip: 8_035,
  // fiskil-link/react over the element; over its 1 KB budget by @lit/react's share (docs/size.md).
  reactGzip: 1_230,
};

/** Lit's packages: what "Lit external" leaves out. */
export const LIT_PACKAGES = [
  'lit',
  'lit/*',
  '@lit/*',
  'lit-html',
  'lit-html/*',
  'lit-element',
  'lit-element/*',
];

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const brotli = (bytes) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/**
 * `dist/index.js` (or the module `contents`) bundled and minified by esbuild as
 * an app's bundler would, `external` left out.
 */
async function bundled(external, contents = "export * from './dist/index.js';") {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd() },
    bundle: true,
    minify: true,
    format: 'esm',
    external,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].contents;
}

/** Sizes in bytes of the self-contained files, of the element through a bundler, and of its own code (Lit external). */
export async function measureSizes() {
  const bundle = readFileSync('dist/fiskil-link.js');
  const umd = readFileSync('dist/fiskil-link.umd.js');
  const app = await bundled([]);
  const own = await bundled(LIT_PACKAGES);
  // An app with the element and both of fiskil-link/react's exports, React left out (its own).
  const withReact = await bundled(
    ['react', 'react-dom'],
    "export * from './dist/index.js'; export { FiskilLink as C, useFiskilLink } from './dist/react/index.js';",
  );
  const sizes = (file, bytes) => ({
    file,
    raw: bytes.length,
    gzip: gzip(bytes),
    brotli: brotli(bytes),
  });
  return {
    bundle: sizes('dist/fiskil-link.js', bundle),
    umd: sizes('dist/fiskil-link.umd.js', umd),
    app: sizes(
      'dist/index.js through a bundler (esbuild --minify, the Lit it imports included)',
      app,
    ),
    own: sizes('dist/index.js (esbuild --minify, Lit external)', own),
    // What the React entry adds: the difference between the two bundles.
    react: Object.fromEntries(
      Object.entries(sizes('', withReact)).map(([key, value]) =>
        key === 'file'
          ? [
              key,
              'fiskil-link/react on top of the element (esbuild --minify, @lit/react included, React external)',
            ]
          : [key, value - sizes('', app)[key]],
      ),
    ),
  };
}
