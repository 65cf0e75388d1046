// Fails when a built file outgrows its gzip budget. Budgets are tightened by
// the performance work (`npm run bench`); these hold the line meanwhile.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const budgets = [
  ['dist/fiskil-link.js', 14_000],
  ['dist/fiskil-link.umd.js', 14_000],
];
let over = 0;
for (const [file, budget] of budgets) {
  const size = gzipSync(readFileSync(file), { level: 9 }).length;
  const ok = size <= budget;
  if (!ok) over++;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${file}: ${size} B gzip (budget ${budget} B)`);
}
process.exit(over ? 1 : 0);
