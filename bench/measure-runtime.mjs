// The runtime figures of one build, in one Chromium context: define + first
// render, open overhead, preload click-to-visible, churn (listeners, iframes and
// heap left behind, read over the Chrome DevTools Protocol) and the cost of
// foreign messages. The in-page half is bench/page.js.

async function cdpCounts(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
    objectId: result.objectId,
  });
  await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  return { heap: usedSize, messageListeners: listeners.filter((l) => l.type === 'message').length };
}

/**
 * The runtime samples of one build (`dir`: '' for dist/, 'baseline' for --baseline).
 * @param {any} context a Playwright browser context
 * @param {string} host the page server's origin
 * @param {string} dir
 * @param {Record<string, number>} runs how many of each measurement
 */
export async function measureRuntime(context, host, dir, runs) {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  const bundle = dir ? `/${dir}/fiskil-link.js` : '/dist/fiskil-link.js';

  // Define + first render: a fresh page each run, the self-contained file fetched anew.
  const define = [];
  for (let i = 0; i < runs.define; i++) {
    await page.goto(`${host}/blank.html`);
    define.push(
      await page.evaluate(async (src) => {
        const start = performance.now();
        await import(src);
        const el = document.createElement('fiskil-link');
        el.setAttribute('no-preconnect', '');
        document.body.append(el);
        await el.updateComplete;
        return performance.now() - start;
      }, bundle),
    );
  }

  await page.goto(`${host}${dir ? `/${dir}` : ''}/bench.html`);
  await page.waitForFunction(() => /** @type {any} */ (window).benchReady === true);
  const env = await page.evaluate(() => ({
    crossOriginIsolated: window.crossOriginIsolated,
    userAgent: navigator.userAgent,
  }));

  const overhead = await page.evaluate(
    (n) => /** @type {any} */ (window).bench.openOverhead(n),
    runs.openOverhead,
  );
  const visible = await page.evaluate(
    (n) => /** @type {any} */ (window).bench.clickToVisible(n),
    runs.clickToVisible,
  );

  const cdp = await context.newCDPSession(page);
  await page.evaluate(() => /** @type {any} */ (window).bench.churn(20));
  const before = await cdpCounts(cdp);
  const churned = await page.evaluate(
    (n) => /** @type {any} */ (window).bench.churn(n),
    runs.churn,
  );
  const after = await cdpCounts(cdp);

  const foreign = await page.evaluate(
    ([n, rounds]) => /** @type {any} */ (window).bench.foreignMessages(n, rounds),
    [runs.foreignMessages, runs.foreignRounds],
  );
  await page.close();
  return { define, env, overhead, visible, before, after, churned, foreign };
}
