import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { randomInt } from 'node:crypto';

// Debian's Chromium: no test tool here may download a browser of its own.
// The background-networking flags keep Chromium quiet on a machine with no internet.
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
// test/fuzz.test.ts reads its seed from here: a new one each run, printed, or FUZZ_SEED to replay.
const fuzzSeed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : randomInt(2 ** 31);
console.log(`fuzz seed ${fuzzSeed} (replay: FUZZ_SEED=${fuzzSeed} npm run test:element)`);
const fuzzSeedPlugin = {
  name: 'fuzz-seed',
  serve: (context) =>
    context.path === '/__fuzz-seed' ? { body: String(fuzzSeed), type: 'text' } : undefined,
};

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  // Tests run on 127.0.0.1; the hosted-page fixture is served from localhost, another origin.
  hostname: '127.0.0.1',
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json' }), fuzzSeedPlugin],
  browsers: [chromeLauncher({ launchOptions: { executablePath, args: chromiumArgs } })],
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 180000,
  concurrency: 1,
};
