// @ts-check
// WebKitGTK's processes: Debian's WebKitWebDriver, which drives MiniBrowser
// (packages webkit2gtk-driver and libwebkit2gtk-4.1-0), and Xvfb (package xvfb)
// when there is no X display for MiniBrowser. The element suite's launcher
// (web-test-runner.js) and the end-to-end tests (page/webkit.js) start the same
// pair; each stops the processes it started when its run ends, or when Node exits.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { miniBrowserPath, missing, webkitDriverPath } from './index.js';

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Starts Xvfb on the first free display; resolves with ":N" once it is ready.
 * @returns {Promise<string>}
 */
function startXvfb(/** @type {import('node:child_process').ChildProcess[]} */ children) {
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
export function stopAll(/** @type {import('node:child_process').ChildProcess[]} */ children) {
  for (const child of children) if (child.exitCode === null) child.kill();
}

/**
 * Starts WebKitWebDriver on a free loopback port, and Xvfb first when there is no
 * display. Each process is pushed onto `children` as it starts (even when a later
 * step fails), for the caller to stop with `stopAll`. Resolves with the port.
 */
export async function startWebkitDriver(
  /** @type {import('node:child_process').ChildProcess[]} */ children,
) {
  const lacking = missing('webkit');
  if (lacking.length) {
    const paths = lacking.map(({ path }) => path).join(', ');
    const debian = lacking.map((need) => need.debian).join(' ');
    throw new Error(`WebKit: ${paths} missing (apt-get install ${debian})`);
  }
  const display = process.env.DISPLAY || (await startXvfb(children));
  const port = await freePort();
  const driver = spawn(webkitDriverPath, [`--port=${port}`], {
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
  'webkitgtk:browserOptions': { binary: miniBrowserPath, args: ['--automation'] },
};
