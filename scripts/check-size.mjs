// Fails the build when a size figure outgrows what `.ci/run` enforces
// (scripts/sizes.mjs: LIMITS), and says how far each is from its budget (BUDGETS).
import { BUDGETS, LIMITS, measureSizes } from './sizes.mjs';

const sizes = await measureSizes();
const rows = [
  [sizes.bundle, LIMITS.bundleGzip, BUDGETS.bundleGzip],
  [sizes.umd, LIMITS.umdGzip, BUDGETS.bundleGzip],
  [sizes.app, LIMITS.appGzip, BUDGETS.bundleGzip],
  [sizes.own, LIMITS.ownGzip, BUDGETS.ownGzip],
  [sizes.react, LIMITS.reactGzip, BUDGETS.reactGzip],
];
let over = 0;
for (const [
  size,
  limit,
  budget,
] of /** @type {[{ file: string; gzip: number }, number, number][]} */ (rows)) {
  const ok = size.gzip <= limit;
  if (!ok) over++;
  const target =
    size.gzip <= budget ? 'within budget' : `budget ${budget} B, ${size.gzip - budget} B over`;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${size.file}: ${size.gzip} B gzip (limit ${limit} B; ${target})`,
  );
}
process.exit(over ? 1 : 0);
