// `npm run verify`: every check CI runs (.ci/run runs this, after installing what
// a clean machine lacks), each to its end whatever the one before it did; then
// one line per check and, last, "N passed, N failed" counting every check and
// every test `npm test` ran. Builds once: the build check says so to the later
// checks (FISKIL_LINK_BUILT=1), and their `npm pack` and `npm test` then use
// that build (scripts/build-once.mjs). Exits 1 if anything failed.
import { spawn, spawnSync } from 'node:child_process';
import { constants, tmpdir } from 'node:os';
import { engineNames } from '../engines/index.js';
import { countTests } from './count-tests.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const env = { ...process.env };
// All three engines, always: a missing one fails the tests instead of being left out.
const allEngines = { WTR_BROWSERS: engineNames.join(',') };

/**
 * Runs a command, its output passed through as it comes; resolves with its exit
 * status (128 + the signal for a process killed by one) and its output.
 * @param {string} command
 * @param {string[]} args
 * @param {Record<string, string>} [extraEnv]
 * @returns {Promise<{ status: number; output: string }>}
 */
function run(command, args, extraEnv = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      env: { ...env, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks = [];
    child.stdout.on('data', (chunk) => {
      chunks.push(chunk);
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      chunks.push(chunk);
      process.stderr.write(chunk);
    });
    child.on('error', (error) => {
      console.log(`${command}: ${error.message}`);
      resolve({ status: 127, output: '' });
    });
    child.on('close', (code, signal) => {
      const status = signal ? 128 + (constants.signals[signal] ?? 0) : (code ?? 1);
      resolve({ status, output: Buffer.concat(chunks).toString('utf8') });
    });
  });
}

/** The machine's memory and disk, for a run that dies without saying why. */
function printMachine() {
  spawnSync('free', ['-m'], { stdio: 'inherit' });
  spawnSync('df', ['-h', '.', process.env.TMPDIR || tmpdir()], { stdio: 'inherit' });
}

/** @type {{ passed: number; failed: number }} The counts of the last `npm test` run. */
let tests = { passed: 0, failed: 0 };

/**
 * `npm test` with all three engines. A runner killed by a signal (exit > 128:
 * nothing printed, no test failed; seen once, with the machine's memory and disk
 * unknown) says so with the machine's figures and runs once more; the test counts
 * are then read from that second run. A failing test exits 1 and is never run again.
 */
async function runTests() {
  let result = await run(npm, ['test'], allEngines);
  if (result.status > 128) {
    console.log(
      `!! npm test was killed by signal ${result.status - 128} (no test failed); memory and disk now:`,
    );
    printMachine();
    console.log('== test: once more');
    result = await run(npm, ['test'], allEngines);
  }
  tests = countTests(result.output);
  return result;
}

/** @type {[string, () => Promise<{ status: number }>][]} */
const STEPS = [
  ['format', () => run(npm, ['run', 'format:check'])],
  ['lint', () => run(npm, ['run', 'lint'])],
  ['typecheck', () => run(npm, ['run', 'typecheck'])],
  [
    'build',
    async () => {
      const result = await run(npm, ['run', 'build']);
      if (result.status === 0) env.FISKIL_LINK_BUILT = '1';
      return result;
    },
  ],
  // The generated manifest and framework types are committed: regenerated, they must not change.
  [
    'manifest',
    async () => {
      const analyze = await run(npm, ['run', 'analyze']);
      if (analyze.status !== 0) return analyze;
      return run('git', ['diff', '--exit-code', 'custom-elements.json', 'types/']);
    },
  ],
  ['typecheck-frameworks', () => run(npm, ['run', 'typecheck:frameworks'])],
  ['size', () => run(process.execPath, ['scripts/check-size.mjs'])],
  // The package a user installs: pack, install the tarball in a scratch project,
  // import, type-check and bundle it, publint, attw, publish --dry-run.
  ['package', () => run(npm, ['run', 'check:package'])],
  // The testing kits as integrators use them: example projects that install the
  // packed package and run their own test tools (one expected failure each).
  ['testing-examples', () => run(npm, ['run', 'test:testing-examples'])],
  [
    'test',
    () => {
      console.log('memory and disk before the tests:');
      printMachine();
      return runTests();
    },
  ],
  // The example apps, each built by its framework's own tool on Node 24 and driven to a
  // consent and a cancel in Chromium against the sandbox (scripts/test-apps.mjs).
  ['apps', () => run(npm, ['run', 'test:apps'])],
  // The long fuzz of the message guard (npm test runs a short round), its seed in the log.
  ['soak', () => run(npm, ['run', 'test:soak'])],
];

const results = [];
for (const [name, step] of STEPS) {
  console.log(`== ${name}`);
  const started = Date.now();
  const { status } = await step();
  const seconds = Math.round((Date.now() - started) / 1000);
  if (status !== 0) console.log(`!! ${name} failed (exit ${status})`);
  results.push({ name, status, seconds });
}

console.log('\nnpm run verify, check by check:');
for (const { name, status, seconds } of results) {
  console.log(
    `  ${status === 0 ? 'ok    ' : 'FAILED'} ${name} (${status ? `exit ${status}, ` : ''}${seconds} s)`,
  );
}
const checksPassed = results.filter((r) => r.status === 0).length;
const checksFailed = results.length - checksPassed;
const passed = tests.passed + checksPassed;
const failed = tests.failed + checksFailed;
console.log(
  `checks: ${checksPassed} passed, ${checksFailed} failed; tests: ${tests.passed} passed, ${tests.failed} failed`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
