// The package as npm delivers it, for the projects under examples/: `npm pack`
// (prepack builds, unless `npm run verify` has) to examples/fiskil-link.tgz,
// which each project names as `"fiskil-link": "file:../fiskil-link.tgz"` (or
// `../../` from examples/apps/). Used by scripts/check-examples.mjs and
// scripts/test-apps.mjs.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const tarball = join(root, 'examples', 'fiskil-link.tgz');

/**
 * Packs the repo to examples/fiskil-link.tgz.
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {{ ok: true, filename: string, entryCount: number } | { ok: false, output: string }}
 */
export function packToExamples(env = process.env) {
  const scratch = mkdtempSync(join(tmpdir(), 'fiskil-link-pack-'));
  try {
    const r = spawnSync('npm', ['pack', '--json', '--pack-destination', scratch], {
      cwd: root,
      env,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      timeout: 600_000,
    });
    if (r.status !== 0) return { ok: false, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
    // Lifecycle scripts print to the same stdout; npm's JSON is the last array.
    const [info] = JSON.parse(r.stdout.slice(r.stdout.lastIndexOf('\n[\n') + 1));
    copyFileSync(join(scratch, info.filename), tarball);
    return { ok: true, filename: info.filename, entryCount: info.entryCount };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
