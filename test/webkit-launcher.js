// WebKitGTK for web-test-runner: Debian's WebKitWebDriver drives MiniBrowser
// (packages webkit2gtk-driver and libwebkit2gtk-4.1-0). MiniBrowser needs an X
// display, so without one this starts Xvfb (package xvfb). Both processes are
// this launcher's own: it stops them when the run ends, or when Node exits.
// `startWebkitDriver` and `webkitCapabilities` are exported for the end-to-end
// tests (e2e/engines/webkit.js), which drive the same pair through webdriverio.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { WebdriverLauncher } from '@web/test-runner-webdriver';

const miniBrowser =
  process.env.WEBKIT_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const driverPath = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';

/** The programs this launcher needs (for telling what is missing before a run). */
export const webkitPrograms = [miniBrowser, driverPath];

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Starts Xvfb on the first free display; resolves with ":N" once it is ready. */
function startXvfb(children) {
  return new Promise((resolve, reject) => {
    // -displayfd: Xvfb picks a free display and writes its number once it accepts clients.
    const xvfb = spawn(
      'Xvfb',
      ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
      {
        stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      },
    );
    children.push(xvfb);
    let out = '';
    let err = '';
    xvfb.stderr?.on('data', (chunk) => (err += chunk));
    /** @type {import('node:stream').Readable} */ (xvfb.stdio[3]).on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    xvfb.on('error', (e) =>
      reject(new Error(`could not start Xvfb (apt-get install xvfb): ${e.message}`)),
    );
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited with ${code}: ${err.trim()}`)));
  });
}

async function waitForDriver(port, driver) {
  for (let i = 0; i < 100; i++) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${driver.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('WebKitWebDriver did not answer on /status within 10 s');
}

/** Stops the processes `startWebkitDriver` started (those still running). */
export function stopAll(children) {
  for (const child of children) if (child.exitCode === null) child.kill();
}

/**
 * Starts WebKitWebDriver on a free loopback port, and Xvfb first when there is no
 * display. Each process is pushed onto `children` as it starts (even when a later
 * step fails), for the caller to stop with `stopAll`. Resolves with the port.
 */
export async function startWebkitDriver(children) {
  for (const [path, pkg] of [
    [miniBrowser, 'libwebkit2gtk-4.1-0'],
    [driverPath, 'webkit2gtk-driver'],
  ]) {
    if (!existsSync(path)) throw new Error(`WebKit: ${path} is missing (apt-get install ${pkg})`);
  }
  const display = process.env.DISPLAY || (await startXvfb(children));
  const port = await freePort();
  const driver = spawn(driverPath, [`--port=${port}`], {
    stdio: 'ignore',
    env: { ...process.env, DISPLAY: display },
  });
  children.push(driver);
  await waitForDriver(port, driver);
  return port;
}

/** The WebDriver capabilities that open MiniBrowser under WebKitWebDriver. */
export const webkitCapabilities = {
  // WebKitWebDriver speaks classic WebDriver only; webdriverio would ask for BiDi.
  'wdio:enforceWebDriverClassic': true,
  'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation'] },
};

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

export function webkitLauncher() {
  return new WebkitLauncher({
    hostname: '127.0.0.1',
    path: '/',
    logLevel: 'error',
    // The runner's page tells it its results over a WebSocket, so nothing waits
    // for a page's load event: WebKitWebDriver's navigation, waiting for a load
    // that a test's iframe held up, now and then never answered (seen in CI,
    // twice, as a hung `url` command).
    capabilities: { ...webkitCapabilities, pageLoadStrategy: 'none' },
  });
}
