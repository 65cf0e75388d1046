// `npm run test:testing-examples`: the testing kits as integrators use them. Packs the
// package once (prepack builds, unless `npm run verify` has) to examples/fiskil-link.tgz, then in each
// example project under examples/testing-* installs it (with the project's own
// test tools, from the npm registry, no browser downloads) and runs each of the
// project's test scripts. Each run has exactly one test that must fail
// ("expected to fail: a wrong consent id"): the run must fail with that one
// test failed and every other passed, so a kit that made every expectation
// pass is caught. Prints one line per run, then "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath } from '../engines/chromium.js';
import { packToExamples } from './pack-examples.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const examples = join(root, 'examples');
const EXPECTED_FAILURE = 'expected to fail: a wrong consent id';

/** Each run: its project, its npm script, how many of its tests pass, how its runner prints its counts. */
const RUNS = [
  { dir: 'testing-unit', script: 'test', passed: 3, counts: vitestCounts }, // Vitest, happy-dom
  { dir: 'testing-unit', script: 'test:jsdom', passed: 3, counts: vitestCounts },
  { dir: 'testing-unit', script: 'test:jest', passed: 3, counts: jestCounts },
  { dir: 'testing-unit', script: 'test:browser', passed: 3, counts: lastPair },
  { dir: 'testing-playwright', script: 'test', passed: 2, counts: playwrightCounts },
];

const only = process.argv.slice(2);
const env = {
  ...process.env,
  // No test tool here may download a browser: the projects start the Chromium at
  // CHROME_PATH, as a user's CI would point them at its own (engines/index.js).
  CHROME_PATH: chromiumPath,
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  PUPPETEER_SKIP_DOWNLOAD: '1',
  NO_COLOR: '1',
  FORCE_COLOR: '0',
  CI: 'true',
};

function run(command, args, cwd) {
  const r = spawnSync(command, args, {
    cwd,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 600_000,
  });
  // eslint-disable-next-line no-control-regex
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  return { status: r.status, output };
}

function vitestCounts(output) {
  const line = output.split('\n').findLast((l) => /^\s*Tests\s/.test(l)) ?? '';
  return count(line, /(\d+) passed/, /(\d+) failed/);
}

function jestCounts(output) {
  const line = output.split('\n').findLast((l) => /^Tests:/.test(l)) ?? '';
  return count(line, /(\d+) passed/, /(\d+) failed/);
}

function lastPair(output) {
  const pairs = [...output.matchAll(/(\d+) passed, (\d+) failed/g)];
  const last = pairs.at(-1);
  return last ? { passed: Number(last[1]), failed: Number(last[2]) } : undefined;
}

function playwrightCounts(output) {
  return count(output, /^\s*(\d+) passed/m, /^\s*(\d+) failed/m);
}

function count(text, passed, failed) {
  const p = passed.exec(text);
  const f = failed.exec(text);
  if (!p && !f) return undefined;
  return { passed: Number(p?.[1] ?? 0), failed: Number(f?.[1] ?? 0) };
}

console.log('== npm pack (prepack builds, unless `npm run verify` has)');
const info = packToExamples(env);
if (!info.ok) {
  console.log(info.output);
  console.log('examples: 0 passed, 1 failed');
  process.exit(1);
}
console.log(`examples/fiskil-link.tgz: ${info.filename}, ${info.entryCount} files`);

let ok = 0;
let bad = 0;
const installed = new Map();
for (const entry of RUNS.filter((r) => only.length === 0 || only.includes(r.dir))) {
  const cwd = join(examples, entry.dir);
  const name = `${entry.dir} (npm run ${entry.script})`;
  console.log(`\n== ${name}`);
  if (!installed.has(entry.dir)) installed.set(entry.dir, install(cwd));
  const installFailure = installed.get(entry.dir);
  if (installFailure) {
    console.log(`FAIL ${name}: ${installFailure}`);
    bad++;
    continue;
  }
  const test = run('npm', ['run', entry.script], cwd);
  const counts = entry.counts(test.output);
  const problems = [];
  if (!counts) problems.push('no test counts in its output');
  else {
    if (counts.failed !== 1) problems.push(`${counts.failed} failed, expected 1`);
    if (counts.passed !== entry.passed)
      problems.push(`${counts.passed} passed, expected ${entry.passed}`);
  }
  if (test.status === 0) problems.push('the run passed, but one test must fail');
  // The one failure must be the expected one: its name on a line the runner marks as failed.
  const failedLine = test.output
    .split('\n')
    .some((line) => line.includes(EXPECTED_FAILURE) && /FAIL|●|❌|✘|×|\d+\) /.test(line));
  if (!failedLine) problems.push(`"${EXPECTED_FAILURE}" is not reported as failed`);
  if (problems.length) {
    console.log(test.output);
    console.log(`FAIL ${name}: ${problems.join('; ')}`);
    bad++;
  } else {
    console.log(`ok ${name}: ${entry.passed} passed, 1 failed (the wrong consent id, as expected)`);
    ok++;
  }
}
console.log(`\nexamples: ${ok} passed, ${bad} failed`);
process.exit(bad ? 1 : 0);

/** Installs a project's tools and the fresh tarball; returns what went wrong, if anything. */
function install(cwd) {
  // The tarball changes with every pack; the rest of node_modules is kept between runs.
  rmSync(join(cwd, 'node_modules', 'fiskil-link'), { recursive: true, force: true });
  const r = run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--no-package-lock', '--prefer-offline'],
    cwd,
  );
  if (r.status === 0) return undefined;
  console.log(r.output);
  return `npm install exited with ${r.status}`;
}
