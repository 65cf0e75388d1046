import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

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
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  // Tests run on 127.0.0.1; the hosted-page fixture is served from localhost, another origin.
  hostname: '127.0.0.1',
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json' })],
  browsers: [chromeLauncher({ launchOptions: { executablePath, args: chromiumArgs } })],
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 180000,
  concurrency: 1,
};
