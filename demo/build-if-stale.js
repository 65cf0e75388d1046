// @ts-check
// The built files the demo's pages load (/dist/…): the self-contained scripts
// of the static framework pages and the mobile bridge page. `npm start` builds
// those that are missing or older than their sources, so a fresh clone works
// without `npm run build` first, and a clone with an up-to-date dist/ starts at once.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));

// The element's files are built from all of src/ but the mobile bridge
// (src/webview/), which imports from the element's modules and not the other way.
const ELEMENT = { sources: ['src', 'vite.config.ts'], except: ['src/webview'] };

/**
 * One `vite build --mode <mode>` each: what it writes, what it is built from
 * (files or folders), and what under those it is not built from.
 * @type {{ mode: string; outputs: string[]; sources: string[]; except?: string[] }[]}
 */
export const DEMO_BUILDS = [
  { mode: 'bundle', outputs: ['fiskil-link.js'], ...ELEMENT },
  { mode: 'umd', outputs: ['fiskil-link.umd.js'], ...ELEMENT },
  {
    mode: 'webview',
    outputs: ['webview.html', 'webview.js', 'webview.css'],
    sources: ['src', 'vite.config.ts'],
  },
];

/**
 * The newest modification time of a file, or of any file under a folder, but
 * for the paths in `except` (absolute).
 * @param {string} file
 * @param {string[]} [except]
 * @returns {number}
 */
function newest(file, except = []) {
  if (except.includes(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let time = 0;
  for (const entry of readdirSync(file))
    time = Math.max(time, newest(path.join(file, entry), except));
  return time;
}

/**
 * The builds whose outputs are missing or older than a source, each with why.
 * @param {string} [repo]
 */
export function staleBuilds(repo = REPO) {
  return DEMO_BUILDS.flatMap((build) => {
    const outputs = build.outputs.map((name) => path.join(repo, 'dist', name));
    const missing = outputs.filter((file) => !existsSync(file));
    if (missing.length)
      return [
        { ...build, why: `missing ${missing.map((f) => path.relative(repo, f)).join(', ')}` },
      ];
    const except = (build.except ?? []).map((s) => path.join(repo, s));
    const sources = Math.max(...build.sources.map((s) => newest(path.join(repo, s), except)));
    const built = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
    return sources > built ? [{ ...build, why: `older than ${build.sources.join(', ')}` }] : [];
  });
}

/**
 * Runs the builds that are due, one after another. Resolves with one line per
 * build run (for the banner), or none when dist/ is up to date.
 * @param {{ repo?: string; log?: (line: string) => void }} [options]
 * @returns {Promise<string[]>}
 */
export async function buildIfStale({ repo = REPO, log = () => {} } = {}) {
  const done = [];
  for (const build of staleBuilds(repo)) {
    const files = build.outputs.map((name) => `dist/${name}`).join(', ');
    log(`building ${files} (${build.why})…`);
    const started = Date.now();
    await run(
      process.execPath,
      [vite(repo), 'build', '--mode', build.mode, '--logLevel', 'warn'],
      repo,
    );
    done.push(`built ${files} (${build.why}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return done;
}

/** Vite's command-line entry, wherever npm put Vite. */
function vite(/** @type {string} */ repo) {
  const pkg = createRequire(path.join(repo, 'package.json')).resolve('vite/package.json');
  return path.join(path.dirname(pkg), 'bin', 'vite.js');
}

/** @param {string} command @param {string[]} args @param {string} cwd */
function run(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0
        ? resolve(undefined)
        : reject(new Error(`vite build --mode ${args[3]} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}
