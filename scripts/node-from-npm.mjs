// A Node runtime other than the one running this script: the npm package `node`
// at that major, which `npm exec` installs into npm's own cache on first use, so
// the npm registry is all a clean machine needs. Used by test-apps.mjs (the apps
// build on Node 24) and test-node-versions.mjs (the Node-side suites on 22 and 24).
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * The path of Node `major`'s binary; throws, with npm's words, when it cannot be had.
 * @param {string} major
 * @returns {string}
 */
export function nodeFromNpm(major) {
  const r = spawnSync(
    npm,
    [
      'exec',
      '--yes',
      `--package=node@${major}`,
      '--',
      'node',
      '-p',
      'process.execPath + " " + process.version',
    ],
    // Outside the repo, so that its own package.json plays no part in the install.
    { cwd: tmpdir(), encoding: 'utf8', timeout: 600_000 },
  );
  const [path, version] = (r.stdout ?? '').trim().split(' ');
  if (r.status !== 0 || !path || !version?.startsWith(`v${major}.`)) {
    throw new Error(
      `cannot get Node ${major} from npm (node@${major}): ${r.stderr || r.stdout}`.trim(),
    );
  }
  return path;
}
