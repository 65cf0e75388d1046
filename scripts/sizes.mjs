// The package's two size figures (the self-contained file, and the element's
// own code without Lit), measured one way for `.ci/run` (scripts/check-size.mjs)
// and `npm run bench` alike. Run after `npm run build`.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** The size budgets the project set itself, in bytes (1 KB = 1000 B); docs/performance.md. */
export const BUDGETS = { bundleGzip: 10_240, ownGzip: 4_864 };

/**
 * What `.ci/run` enforces: the figures as they are plus a little slack, so a
 * build that grows fails. The budgets above are not met, and cannot be without
 * dropping a feature: docs/size.md shows the breakdown that says so, and
 * what would have to go. Lower these whenever the code shrinks.
 */
export const LIMITS = { bundleGzip: 11_880, umdGzip: 11_980, ownGzip: 6_450 };

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const brotli = (bytes) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** Sizes in bytes of the self-contained files and of the element's own code (`dist/index.js`, Lit external). */
export async function measureSizes() {
  const bundle = readFileSync('dist/fiskil-link.js');
  const umd = readFileSync('dist/fiskil-link.umd.js');
  const own = await build({
    entryPoints: ['dist/index.js'],
    bundle: true,
    minify: true,
    format: 'esm',
    external: ['lit', 'lit/*', '@lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*'],
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const ownCode = own.outputFiles[0].contents;
  return {
    bundle: {
      file: 'dist/fiskil-link.js',
      raw: bundle.length,
      gzip: gzip(bundle),
      brotli: brotli(bundle),
    },
    umd: { file: 'dist/fiskil-link.umd.js', raw: umd.length, gzip: gzip(umd), brotli: brotli(umd) },
    own: {
      file: 'dist/index.js (esbuild --minify, Lit external)',
      raw: ownCode.length,
      gzip: gzip(ownCode),
      brotli: brotli(ownCode),
    },
  };
}
