// The element suite's browsers (web-test-runner.config.js): Chromium and Firefox
// ESR through puppeteer-core, WebKitGTK's MiniBrowser over classic WebDriver.
// `wtrBrowsers()` starts those pickEngines() picks and prints the line for each
// one it leaves out.
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { chromiumArgs, chromiumPath } from './chromium.js';
import { firefoxLaunchOptions } from './firefox.js';
import { notRunLine, pickEngines } from './index.js';
import { startWebkitDriver, stopAll, webkitCapabilities } from './webkit.js';

class WebkitLauncher extends WebdriverLauncher {
  #children = [];
  #killAll = () => stopAll(this.#children);

  async initialize(config) {
    process.once('exit', this.#killAll);
    /** @type {any} */ (this).options.port = await startWebkitDriver(this.#children);
    await super.initialize(config);
    this.name = 'WebKit';
  }

  async stop() {
    await super.stop();
    this.#killAll();
  }

  // The base launcher starts a test page's load without awaiting it, so a load
  // still pending when the run stops the driver (a page whose iframe was still
  // loading) rejected with nothing to catch it, and web-test-runner exited 1 on
  // the uncaught error after every test had passed (seen in CI, once). Caught
  // here; a page that never loads still fails, by the runner's start timeout.
  async startSession(id, url) {
    await /** @type {any} */ (this).ensureManagerInitialized();
    const sessions = /** @type {any} */ (this).driverManager;
    sessions.startSession(id, url).catch((/** @type {Error} */ error) => {
      if (sessions.isActive(id)) console.error(`WebKit: loading ${url} failed: ${error.message}`);
    });
  }
}

const launchers = {
  chromium: () =>
    chromeLauncher({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
  firefox: () =>
    chromeLauncher({ puppeteer: puppeteerCore, launchOptions: firefoxLaunchOptions() }),
  webkit: () =>
    new WebkitLauncher({
      hostname: '127.0.0.1',
      path: '/',
      logLevel: 'error',
      // The runner's page tells it its results over a WebSocket, so nothing waits
      // for a page's load event: WebKitWebDriver's navigation, waiting for a load
      // that a test's iframe held up, now and then never answered (seen in CI,
      // twice, as a hung `url` command).
      capabilities: { ...webkitCapabilities, pageLoadStrategy: 'none' },
    }),
};

/** The launchers of the engines this run uses (WTR_BROWSERS, engines/index.js). */
export function wtrBrowsers() {
  const { run, notRun } = pickEngines();
  for (const engine of notRun) console.log(notRunLine(engine));
  return run.map((name) => launchers[name]());
}
