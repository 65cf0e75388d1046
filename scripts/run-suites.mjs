// `npm test`: every suite in turn, each to its end, whatever the one before it
// did; then one line per suite and the exit status of the worst. A failing
// suite no longer hides the ones after it (as `a && b && c` did).
import { spawnSync } from 'node:child_process';
import { constants } from 'node:os';

export const SUITES = [
  'test:element',
  'test:element:prod',
  'test:node',
  'test:sandbox',
  'test:examples',
  'test:e2e',
];

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const results = [];
for (const suite of SUITES) {
  const started = Date.now();
  const { status, signal } = spawnSync(npm, ['run', suite], { stdio: 'inherit' });
  const seconds = Math.round((Date.now() - started) / 1000);
  results.push({ suite, status, signal, seconds });
}

console.log('\nnpm test, suite by suite:');
for (const { suite, status, signal, seconds } of results) {
  const how = signal ? `killed by ${signal}, ` : status ? `exit ${status}, ` : '';
  console.log(`  ${status === 0 ? 'ok    ' : 'FAILED'} ${suite} (${how}${seconds} s)`);
}
const failed = results.filter((r) => r.status !== 0);
console.log(
  failed.length
    ? `${failed.length} of ${results.length} suites failed: ${failed.map((r) => r.suite).join(', ')}`
    : `all ${results.length} suites passed`,
);
// A suite killed by a signal, with no test failing anywhere, exits as a killed
// process does (128 + the signal), so that `npm run verify` can tell it from a failure.
const killed = failed.find((r) => r.signal)?.signal;
if (killed && failed.every((r) => r.signal)) process.exit(128 + (constants.signals[killed] ?? 0));
process.exit(failed.length ? 1 : 0);
