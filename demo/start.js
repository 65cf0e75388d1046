// @ts-check
// `npm start`: the Fiskil sandbox and the demo app, wired together, on two loopback origins.
import { createSandbox } from '../sandbox/server.js';
import { buildIfStale } from './build-if-stale.js';
import { createDemo } from './server.js';

/**
 * Starts both. Port 0 picks free ports (the tests do).
 * @param {{ sandboxPort?: number; demoPort?: number; quiet?: boolean }} [opts]
 */
export async function startAll({ sandboxPort = 4010, demoPort = 5173, quiet = false } = {}) {
  const log = quiet ? () => {} : (/** @type {string} */ line) => console.log(line);
  const creds = {
    clientId: 'demo_client_id',
    clientSecret: 'demo_client_secret',
    // base64 of "pocketwise-demo-secret"
    webhookSecret: 'whsec_cG9ja2V0d2lzZS1kZW1vLXNlY3JldA==',
  };
  const demo = await createDemo({ ...creds, sandboxUrl: '', log: (l) => log(`[demo] ${l}`) });
  const demoUrl = await demo.listen(demoPort);
  const sandbox = createSandbox({
    ...creds,
    appName: 'Pocketwise',
    purpose: 'To show your balances and spending in Pocketwise, and help you budget.',
    appOrigins: [demoUrl, demoUrl.replace('localhost', '127.0.0.1')],
    webhookUrl: `${demoUrl.replace('localhost', '127.0.0.1')}/webhooks/fiskil`,
    webhookRetryBaseMs: 500,
    log: (l) => log(`[sandbox] ${l}`),
  });
  try {
    demo.config.sandboxUrl = await sandbox.listen(sandboxPort);
  } catch (e) {
    await demo.close();
    throw e;
  }
  return {
    demo,
    sandbox,
    demoUrl,
    sandboxUrl: sandbox.url,
    close: () => Promise.all([demo.close(), sandbox.close()]),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // DEMO_PORT / SANDBOX_PORT move the two servers when 5173 / 4010 are taken.
  const port = (/** @type {string} */ name, /** @type {number} */ dflt) =>
    Number(process.env[name] ?? dflt);
  // The pages under /dist/ (the static framework pages, the mobile bridge page)
  // need built files: build those that are missing or stale first.
  const built = await buildIfStale({ log: (line) => console.log(`[build] ${line}`) }).catch((e) => {
    console.error(`Could not build what the demo pages need: ${e.message}`);
    process.exit(1);
  });
  const app = await startAll({
    demoPort: port('DEMO_PORT', 5173),
    sandboxPort: port('SANDBOX_PORT', 4010),
  }).catch((e) => {
    console.error(
      `Could not start: ${e.message}\n(set DEMO_PORT or SANDBOX_PORT to use other ports)`,
    );
    process.exit(1);
  });
  const dist = built.length
    ? built.map((line) => `  dist/           ${line}`).join('\n')
    : '  dist/           up to date with src/ (npm start rebuilds what is missing or stale)';
  console.log(`
  Demo app        ${app.demoUrl}            ← open this
  Playground      ${app.demoUrl}/playground.html
  Mobile WebView  ${app.demoUrl}/mobile.html (the bridge page ${app.demoUrl}/dist/webview.html)
  Framework apps  ${app.demoUrl}/frameworks/{static-esm,static-umd,vue,angular,svelte,react}/
  Fiskil sandbox  ${app.sandboxUrl}          (hosted flow + API; login user_good / pass_good, code 123456)
${dist}

  Ctrl-C to stop.
`);
  const stop = () => app.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
