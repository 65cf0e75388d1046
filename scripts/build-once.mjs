// `npm test`'s pretest and `npm pack`'s prepack: `npm run build`, unless
// `npm run verify` (scripts/verify.mjs) has just built and says so with
// FISKIL_LINK_BUILT=1, so that one verify run builds once. `npm test` alone, on
// a fresh clone, builds what it needs.
import { spawnSync } from 'node:child_process';

if (process.env.FISKIL_LINK_BUILT === '1') {
  console.log('dist/ was built by this `npm run verify`: not building again');
} else {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const { status, signal } = spawnSync(npm, ['run', 'build'], { stdio: 'inherit' });
  process.exit(status ?? (signal ? 1 : 0));
}
