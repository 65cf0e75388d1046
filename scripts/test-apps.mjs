// @ts-check
// `npm run test:apps [dir…]`: the example apps under examples/apps/, each made
// and built by its framework's own tool, driven to a consent and a cancel in
// Chromium against the sandbox. Packs the package once to
// examples/fiskil-link.tgz; then for each app: `npm ci`, the fresh tarball,
// `npm run build` (timed) and `npm run check` if it has one, the sandbox in
// this process and the app's `npm run start` on loopback, and each page its
// e2e.json lists (scripts/app-journey.mjs). The apps build and run on Node 24 (the npm
// package `node@24`, fetched here with `npm exec`); this script runs on the
// machine's Node. Prints one line per app, then "apps: N passed, N failed";
// exits 1 if any failed. A toolchain that cannot be installed fails, never skips.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../engines/chromium.js';
import { createSandbox } from '../sandbox/server.js';
import { checkPage } from './app-journey.mjs';
import { packToExamples } from './pack-examples.mjs';
import { nodeFromNpm } from './node-from-npm.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const appsDir = join(root, 'examples', 'apps');

/**
 * The apps that must be there: one listed here whose folder or e2e.json is
 * missing fails. Any other folder under examples/apps/ with an e2e.json runs too.
 */
const APPS = ['nextjs', 'nuxt', 'sveltekit', 'angular'];

const INSTALL_TIMEOUT = 600_000;
const BUILD_TIMEOUT = 600_000;
const START_TIMEOUT = 120_000;

/** The apps to run: those named on the command line, else every listed and found one. */
function appsToRun() {
  const named = process.argv.slice(2).map((arg) => arg.replace(/^examples\/apps\/|\/$/g, ''));
  if (named.length) return named;
  const found = readdirSync(appsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(appsDir, entry.name, 'e2e.json')))
    .map((entry) => entry.name);
  return [...new Set([...APPS, ...found])];
}

/**
 * The apps' environment: Node 24 first on PATH, and none of the `npm run`
 * variables this script was started with (they would point npm at Node 20).
 * @param {string} nodePath
 */
function appEnv(nodePath) {
  /** @type {NodeJS.ProcessEnv} */
  const env = { NO_COLOR: '1', FORCE_COLOR: '0', CI: 'true', NEXT_TELEMETRY_DISABLED: '1' };
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|NODE$|INIT_CWD$)/i.test(key)) env[key] ??= value;
  }
  // Nor the repo's own tools, which `npm run` put on PATH: an app runs only what it installs.
  const path = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => !/node_modules[\\/]\.bin|node-gyp-bin/.test(dir));
  env.PATH = [dirname(nodePath), ...path].join(delimiter);
  return env;
}

/**
 * Runs a command to its end; its output is kept and shown only if it fails.
 * @param {string[]} command
 * @param {string} cwd
 * @param {NodeJS.ProcessEnv} env
 * @param {number} timeout
 */
function step(command, cwd, env, timeout) {
  const [file, ...args] = command;
  const r = spawnSync(file, args, { cwd, env, encoding: 'utf8', timeout, maxBuffer: 1 << 26 });
  if (r.status === 0) return;
  const how = r.error ? r.error.message : `exit ${r.status ?? r.signal}`;
  throw new Error(`\`${command.join(' ')}\` failed (${how}):\n${r.stdout ?? ''}${r.stderr ?? ''}`);
}

/**
 * The committed lock must not pin the tarball's hash: it changes with every
 * pack, and `npm ci` on a machine without the old one in its cache would refuse it.
 * @param {string} cwd
 */
function checkLock(cwd) {
  const lock = JSON.parse(readFileSync(join(cwd, 'package-lock.json'), 'utf8'));
  const entry = lock.packages?.['node_modules/fiskil-link'];
  if (entry?.resolved !== 'file:../../fiskil-link.tgz' || entry.integrity) {
    throw new Error(
      'package-lock.json: "node_modules/fiskil-link" must be resolved from file:../../fiskil-link.tgz, ' +
        'with no "integrity" (the tarball changes with every pack; delete that line)',
    );
  }
}

/** A free loopback port, for an app server that must be told its port. */
async function freePort() {
  const server = createServer();
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  await new Promise((done) => server.close(done));
  return port;
}

/** The app processes still running, stopped on the way out whatever happens. */
const running = new Set();
function stopAll() {
  for (const child of running) stop(child);
}
process.on('exit', stopAll);
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => process.exit(130));
}

/** Stops an app server and everything it started (its own process group). */
function stop(/** @type {import('node:child_process').ChildProcess} */ child) {
  running.delete(child);
  if (child.exitCode === null && child.signalCode === null && child.pid) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

/**
 * Starts the app's `npm run start` and waits until its first page answers.
 * @param {string} cwd
 * @param {NodeJS.ProcessEnv} env
 * @param {string} url
 */
async function startApp(cwd, env, url) {
  const child = spawn('npm', ['run', 'start'], {
    cwd,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk) => (output.stdout += chunk));
  child.stderr.on('data', (chunk) => (output.stderr += chunk));
  const exited = new Promise((done) => child.on('exit', done));
  const deadline = Date.now() + START_TIMEOUT;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(
        `npm run start exited with ${child.exitCode}:\n${output.stdout}${output.stderr}`,
      );
    }
    const answered = await fetch(url, { signal: AbortSignal.timeout(5_000) }).then(
      (res) => res.ok,
      () => false,
    );
    if (answered) break;
    if (Date.now() > deadline) {
      throw new Error(
        `the app did not answer ${url} within ${START_TIMEOUT / 1000} s:\n${output.stdout}${output.stderr}`,
      );
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  return {
    output,
    async stop() {
      stop(child);
      // Whatever ignores SIGTERM, or outlives npm in its group, is killed: nothing lingers.
      const killGroup = () => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // the group is gone
        }
      };
      const kill = setTimeout(killGroup, 10_000);
      await exited;
      clearTimeout(kill);
      killGroup();
    },
  };
}

/**
 * Installs, builds and drives one app.
 * @param {string} dir
 * @param {{ env: NodeJS.ProcessEnv, browser: import('playwright-core').Browser }} tools
 * @returns {Promise<string>} the timings
 */
async function runApp(dir, { env, browser }) {
  const cwd = join(appsDir, dir);
  const specFile = join(cwd, 'e2e.json');
  if (!existsSync(specFile)) throw new Error(`examples/apps/${dir}/e2e.json is missing`);
  /** @type {{ name: string, pages: import('./app-journey.mjs').AppPage[] }} */
  const spec = JSON.parse(readFileSync(specFile, 'utf8'));
  if (!spec.pages?.length) throw new Error(`examples/apps/${dir}/e2e.json lists no pages`);
  checkLock(cwd);

  step(['npm', 'ci', '--no-audit', '--no-fund'], cwd, env, INSTALL_TIMEOUT);
  // The package as just packed (npm's cache may hold an older tarball of the same version).
  step(
    [
      'npm',
      'install',
      '--no-audit',
      '--no-fund',
      '--no-save',
      '--prefer-offline',
      '../../fiskil-link.tgz',
    ],
    cwd,
    env,
    INSTALL_TIMEOUT,
  );

  const buildStarted = Date.now();
  step(['npm', 'run', 'build'], cwd, env, BUILD_TIMEOUT);
  const buildSeconds = Math.round((Date.now() - buildStarted) / 1000);
  // The type check a tool's build leaves out (svelte-check for SvelteKit), where the app has one.
  const scripts = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')).scripts ?? {};
  if (scripts.check) step(['npm', 'run', 'check'], cwd, env, BUILD_TIMEOUT);

  const runStarted = Date.now();
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const sandbox = createSandbox({ appOrigins: [origin], log: () => {} });
  const sandboxUrl = await sandbox.listen(0);
  const problems = [];
  let app;
  try {
    app = await startApp(
      cwd,
      {
        ...env,
        HOST: '127.0.0.1',
        PORT: String(port),
        FISKIL_API_URL: sandboxUrl,
        FISKIL_AUTH_SERVER: sandboxUrl,
        FISKIL_CLIENT_ID: sandbox.options.clientId,
        FISKIL_CLIENT_SECRET: sandbox.options.clientSecret,
      },
      new URL(spec.pages[0].path, origin).href,
    );
    for (const page of spec.pages) problems.push(...(await checkPage(browser, origin, page)));
  } finally {
    await app?.stop();
    await sandbox.close();
  }
  if (app?.output.stderr.trim())
    problems.push(`the app's server wrote to stderr:\n${app.output.stderr}`);
  if (problems.length) throw new Error(problems.join('\n'));
  return `build ${buildSeconds} s, run ${Math.round((Date.now() - runStarted) / 1000)} s`;
}

const apps = appsToRun();
console.log('== npm pack (prepack builds, unless `npm run verify` has)');
const packed = packToExamples();
if (!packed.ok) {
  console.log(packed.output);
  console.log(`apps: 0 passed, ${apps.length} failed`);
  process.exit(1);
}
console.log(`examples/fiskil-link.tgz: ${packed.filename}, ${packed.entryCount} files`);

/** @type {{ env: NodeJS.ProcessEnv, browser: import('playwright-core').Browser } | undefined} */
let tools;
let toolsProblem = '';
try {
  const nodePath = nodeFromNpm('24');
  console.log(`Node 24 for the apps: ${nodePath}`);
  tools = { env: appEnv(nodePath), browser: await chromium.launch(chromiumLaunchOptions()) };
} catch (error) {
  toolsProblem = String(error instanceof Error ? error.message : error);
}

let passed = 0;
let failed = 0;
for (const dir of apps) {
  console.log(`\n== ${dir}`);
  try {
    if (!tools) throw new Error(toolsProblem);
    console.log(`ok ${dir}: ${await runApp(dir, tools)}`);
    passed++;
  } catch (error) {
    console.log(`FAIL ${dir}: ${error instanceof Error ? error.message : error}`);
    failed++;
  }
}
await tools?.browser.close();
console.log(`\napps: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
