// `npm run test:node-versions`: the suites that run in Node, run again on each
// other Node line `engines` names (`npm test` runs them on the machine's Node).
// Each runtime is the npm package `node` at that major (scripts/node-from-npm.mjs).
// Every suite runs to its end, whatever the one before it did; then one line per
// Node and suite, and the exit status is 1 if any failed or a Node could not be had.
import { spawnSync } from 'node:child_process';
import { delimiter, dirname } from 'node:path';
import { nodeFromNpm } from './node-from-npm.mjs';

/** The Node-side suites (package.json scripts): add a server suite here and it runs on every Node below. */
export const NODE_SIDE_SUITES = ['test:node', 'test:sandbox', 'test:examples'];

/** The Node majors besides the machine's own (20, in CI) that the package supports. */
export const OTHER_NODES = ['22', '24'];

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The path of Node `major`'s binary, installed on first use; undefined, said why, if it cannot be had. */
function nodeBinary(major) {
  try {
    return nodeFromNpm(major);
  } catch (error) {
    console.log(`!! ${/** @type {Error} */ (error).message}`);
    return undefined;
  }
}

const seconds = (since) => Math.round((Date.now() - since) / 1000);
const results = [];
for (const major of OTHER_NODES) {
  const started = Date.now();
  const binary = nodeBinary(major);
  if (!binary) {
    results.push({
      name: `Node ${major}: npm exec --package=node@${major}`,
      status: 1,
      seconds: seconds(started),
    });
    continue;
  }
  // First on PATH: every `node` the suites start (npm's own too) is this one.
  const env = { ...process.env, PATH: `${dirname(binary)}${delimiter}${process.env.PATH}` };
  const version = spawnSync('node', ['--version'], { env, encoding: 'utf8' }).stdout.trim();
  if (!version.startsWith(`v${major}.`)) {
    console.log(`!! \`node\` on PATH is ${version}, not Node ${major} (${binary})`);
    results.push({ name: `Node ${major}: first on PATH`, status: 1, seconds: seconds(started) });
    continue;
  }
  console.log(`== Node ${version} (${binary}), ready in ${seconds(started)} s`);
  for (const suite of NODE_SIDE_SUITES) {
    const began = Date.now();
    console.log(`== ${suite} on Node ${version}`);
    const { status, signal } = spawnSync(npm, ['run', suite], { env, stdio: 'inherit' });
    results.push({
      name: `${suite} on Node ${version}`,
      status: signal ? 1 : status,
      seconds: seconds(began),
    });
  }
}

console.log('\nthe Node-side suites on the other Node lines:');
for (const { name, status, seconds: took } of results) {
  console.log(`  ${status === 0 ? 'ok    ' : 'FAILED'} ${name} (${took} s)`);
}
const failed = results.filter((r) => r.status !== 0);
console.log(
  failed.length ? `${failed.length} of ${results.length} failed` : `all ${results.length} passed`,
);
process.exit(failed.length ? 1 : 0);
