// Bytes each source module contributes to the element's own code, minified
// (Lit external), from esbuild's metafile: where the element's size comes from.
// `node scripts/size-breakdown.mjs [entry]` (default src/index.ts).
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const entry = process.argv[2] ?? 'src/index.ts';
const result = await build({
  entryPoints: [entry],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  external: ['lit', 'lit/*', '@lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*'],
  legalComments: 'none',
  metafile: true,
  write: false,
  logLevel: 'silent',
});
const [output] = Object.values(result.metafile.outputs);
const rows = Object.entries(output.inputs)
  .map(([file, { bytesInOutput }]) => /** @type {[string, number]} */ ([file, bytesInOutput]))
  .sort((a, b) => b[1] - a[1]);
for (const [file, bytes] of rows) console.log(`${String(bytes).padStart(6)} B  ${file}`);
const code = result.outputFiles[0].contents;
console.log(
  `${String(code.length).padStart(6)} B  total minified; ${gzipSync(code, { level: 9 }).length} B gzip -9`,
);
