// The main-thread figure: time from the start of the import to the modal shown,
// CPU throttled, each build against a bare <dialog> + <iframe> page doing the
// same, read from a trace of the page's main thread. The in-page half is
// bench/main-thread.js (and bench/bare.js, the control).

const TRACE_CATEGORIES = ['toplevel', 'blink.user_timing', 'devtools.timeline'];

/**
 * Each build (`/dist/fiskil-link.js`, the baseline when there is one) and the bare
 * page, in alternating rounds, each a fresh page. Returns each kind's samples,
 * rounds in order.
 * @param {any} browser a Playwright Chromium
 * @param {{ host: string; hosted: string }} servers
 * @param {{ rounds: number; cpuThrottling: number; baseline: boolean }} options
 */
export async function measureMainThread(browser, { host, hosted }, options) {
  const kinds = { element: '/dist/fiskil-link.js', bare: 'bare' };
  if (options.baseline) Object.assign(kinds, { baseline: '/baseline/fiskil-link.js' });
  const names = Object.keys(kinds);
  /** @type {Record<string, { ms: number; busyMs: number; longestTaskMs: number }[]>} */
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  const context = await browser.newContext();
  for (let round = 0; round < options.rounds; round++) {
    // Rotate who goes first, so that drift within a round falls on each alike.
    const order = names.map((_, i) => names[(i + round) % names.length]);
    for (const name of order) {
      const url = `${host}/main-thread.html?${new URLSearchParams({ build: kinds[name], hosted })}`;
      // Now and then (two full runs in nine, here) a trace comes back without
      // the page's marks; that page is measured again rather than the run lost.
      for (let attempt = 1; ; attempt++) {
        const sample = await measureOnce(browser, context, url, options.cpuThrottling);
        if (sample) {
          samples[name].push(sample);
          break;
        }
        if (attempt === 3) throw new Error('bench: three traces in a row lost their marks');
        console.error(
          `bench: round ${round + 1}, ${name}: the trace lost its marks; measured again`,
        );
      }
    }
  }
  await context.close();
  return samples;
}

/** One fresh page of one kind, traced; its sample, or nothing when the trace lost its marks. */
async function measureOnce(browser, context, url, cpuThrottling) {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottling });
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  await page.goto(url);
  const handle = await page.waitForFunction(() => /** @type {any} */ (window).mainThread, null, {
    timeout: 60_000,
  });
  const { ms } = await handle.jsonValue();
  const trace = JSON.parse((await browser.stopTracing()).toString());
  await cdp.detach();
  await page.close();
  const tasks = mainThreadTasks(trace.traceEvents ?? trace);
  return tasks && { ms, ...tasks };
}

/**
 * From a trace, the page's main-thread tasks between its two marks
 * (bench/main-thread.js): the time they kept the thread busy within that
 * window, and the longest of them, whole; nothing when the marks are missing.
 */
function mainThreadTasks(events) {
  const mark = (name) => events.find((e) => e.name === name && e.cat.includes('blink.user_timing'));
  const start = mark('main-thread-start');
  const open = mark('main-thread-open');
  if (!start || !open) return undefined;
  // `RunTask`, or `ThreadControllerImpl::RunTask` in newer Chromium: one task of the thread.
  const tasks = events.filter(
    (e) =>
      /(^|::)RunTask$/.test(e.name) &&
      e.ph === 'X' &&
      e.pid === start.pid &&
      e.tid === start.tid &&
      e.ts < open.ts &&
      e.ts + e.dur > start.ts,
  );
  // Busy time is the union of the tasks within the window, in case one nests in another.
  let busy = 0;
  let until = start.ts;
  for (const e of tasks.sort((x, y) => x.ts - y.ts)) {
    const from = Math.max(e.ts, until);
    const to = Math.min(e.ts + e.dur, open.ts);
    if (to > from) busy += to - from;
    until = Math.max(until, to);
  }
  return {
    busyMs: busy / 1000,
    longestTaskMs: Math.max(0, ...tasks.map((e) => e.dur)) / 1000,
  };
}
