// Where the element's own bytes come from (Lit external), minified:
// `node scripts/size-breakdown.mjs [entry]` (default dist/index.js, as built).
// First by module (esbuild's metafile), then by kind of content: the
// stylesheet, the templates' markup, sentences and messages (text with a
// space in it), names and codes (other strings), and the code around them.
// A kind's gzip share is what the file loses when that kind's text is taken
// out, so the shares do not add up exactly to the total.
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import ts from 'typescript';
import { LIT_PACKAGES } from './sizes.mjs';

const entry = process.argv[2] ?? 'dist/index.js';
if (!existsSync(entry)) {
  console.error(`size:breakdown: ${entry} is missing; run \`npm run build\` first`);
  process.exit(1);
}
const result = await build({
  entryPoints: [entry],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  external: LIT_PACKAGES,
  legalComments: 'none',
  metafile: true,
  write: false,
  logLevel: 'silent',
});
const gzip = (text) => gzipSync(text, { level: 9 }).length;
const pad = (value, width = 6) => String(value).padStart(width);

const [output] = Object.values(result.metafile.outputs);
const rows = Object.entries(output.inputs)
  .map(([file, { bytesInOutput }]) => /** @type {[string, number]} */ ([file, bytesInOutput]))
  .sort((a, b) => b[1] - a[1]);
console.log('by module, minified:');
for (const [file, bytes] of rows) console.log(`${pad(bytes)} B  ${file}`);
const code = result.outputFiles[0].text;
const total = gzip(code);
console.log(`${pad(code.length)} B  total minified; ${total} B gzip -9\n`);

/** @type {Map<string, [start: number, end: number][]>} */
const kinds = new Map();
const file = ts.createSourceFile('own.js', code, ts.ScriptTarget.Latest, true);
/** Whether a piece of template text belongs to a tagged template (css``, html``). */
const tagged = (node) => {
  let up = node.parent;
  while (up && (ts.isTemplateSpan(up) || ts.isTemplateExpression(up))) up = up.parent;
  return !!up && ts.isTaggedTemplateExpression(up);
};
const visit = (node) => {
  const isText =
    ts.isStringLiteral(node) ||
    ts.isNoSubstitutionTemplateLiteral(node) ||
    ts.isTemplateHead(node) ||
    ts.isTemplateMiddle(node) ||
    ts.isTemplateTail(node);
  if (isText) {
    const start = node.getStart(file) + 1;
    const end = node.end - (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) ? 2 : 1);
    const text = code.slice(start, end);
    const kind =
      tagged(node) && text.includes(':host')
        ? 'stylesheet'
        : tagged(node) && text.includes('<')
          ? 'template markup'
          : text.includes(' ')
            ? 'sentences and messages'
            : 'names and codes';
    kinds.set(kind, [...(kinds.get(kind) ?? []), [start, end]]);
  }
  ts.forEachChild(node, visit);
};
visit(file);
console.log('by kind, gzip share (what the file loses without it):');
let textShare = 0;
for (const [kind, ranges] of kinds) {
  let without = code;
  for (const [start, end] of [...ranges].sort((a, b) => b[0] - a[0])) {
    without = without.slice(0, start) + without.slice(end);
  }
  const chars = ranges.reduce((sum, [start, end]) => sum + end - start, 0);
  const share = total - gzip(without);
  textShare += share;
  console.log(`${pad(share)} B  ${kind} (${chars} characters)`);
}
console.log(`${pad(total - textShare)} B  the code itself (the rest)`);
