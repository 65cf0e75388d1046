import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { webkitLauncher } from './test/webkit-launcher.js';

// Three engines, all Debian's: no test tool here may download a browser of its own.
// WTR_BROWSERS=chromium,firefox,webkit (the default) picks which run.
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

const engines = {
  chromium: () =>
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        args: chromiumArgs,
      },
    }),
  // Firefox ESR over WebDriver BiDi, through puppeteer-core.
  firefox: () =>
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: {
        browser: 'firefox',
        executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
      },
    }),
  // WebKitGTK's MiniBrowser over classic WebDriver (WebKitWebDriver), in Xvfb.
  webkit: () => webkitLauncher(),
};

const wanted = (process.env.WTR_BROWSERS || 'chromium,firefox,webkit').split(',');
for (const name of wanted) {
  if (!engines[name])
    throw new Error(`WTR_BROWSERS: unknown engine ${name}; use ${Object.keys(engines)}`);
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  // Tests run on 127.0.0.1; the hosted-page fixture is served from localhost, another origin.
  hostname: '127.0.0.1',
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json' })],
  browsers: wanted.map((name) => engines[name]()),
  concurrentBrowsers: wanted.length,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 180000,
  // Three engines starting at once on two cores: Firefox can take a while to open its first page.
  browserStartTimeout: 120000,
  concurrency: 1,
};
