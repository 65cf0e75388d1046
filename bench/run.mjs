// `npm run bench`: the README's Performance figures, measured in Debian's Chromium against a
// fixture hosted page on a second loopback origin. Prints a table and writes
// bench/results.json. Bounded in runs and in time; ends by itself.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus } from 'node:os';
import { chromium } from 'playwright-core';
import { BUDGETS, measureSizes } from '../scripts/sizes.mjs';
import { chromiumLaunchOptions } from '../engines/chromium.js';

const RUNS = {
  openOverhead: 60,
  clickToVisible: 15,
  churn: 1000,
  foreignMessages: 100_000,
  foreignRounds: 15,
  define: 10,
  mainThreadRounds: 7,
};
// The main-thread figure's CPU slowdown (Chrome DevTools Protocol), a mid-range phone's.
const CPU_THROTTLING = 4;
const HOSTED_DELAY_MS = 300;
// `npm run bench -- --baseline path/to/fiskil-link.js` measures an earlier
// build too, side by side in the same browser, rounds alternating
// current, baseline, baseline, current so that drift falls on both alike.
const baselineAt = process.argv.indexOf('--baseline');
const BASELINE = baselineAt > 0 ? process.argv[baselineAt + 1] : undefined;
const TIME_LIMIT_MS = BASELINE ? 780_000 : 360_000;
// The test runner's flags for Debian's Chromium, plus a gc() for the page.

// Cross-origin isolation gives the page 5 µs timers instead of 100 µs; the
// fixture opts in to being embedded by such a page.
const ISOLATED = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cache-Control': 'no-store',
};
const EMBEDDABLE = {
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Timing-Allow-Origin': '*',
  'Cache-Control': 'no-store',
};

function listen(handler) {
  const server = createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}
const origin = (server) => `http://127.0.0.1:${server.address().port}`;

const FILES = {
  '/dist/fiskil-link.js': 'dist/fiskil-link.js',
  '/bench/page.js': 'bench/page.js',
  '/bench/main-thread.js': 'bench/main-thread.js',
  '/bench/bare.js': 'bench/bare.js',
  ...(BASELINE ? { '/baseline/fiskil-link.js': BASELINE } : {}),
};

async function startServers() {
  const pending = new Set();
  const hostedServer = await listen((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname !== '/hosted') return void res.writeHead(404, EMBEDDABLE).end();
    const send = () => {
      pending.delete(timer);
      res
        .writeHead(200, { ...EMBEDDABLE, 'Content-Type': 'text/html; charset=utf-8' })
        .end(
          '<!doctype html><meta charset="utf-8"><title>Fixture hosted flow</title>' +
            '<style>html{background:transparent}main{margin:20vh auto;width:20rem;padding:2rem;' +
            'background:#fff;border-radius:12px;font:16px system-ui}</style>' +
            '<main>Fixture hosted flow</main>',
        );
    };
    // The serving delay of a real hosted page, the thing preload hides.
    const delay = Math.min(Number(url.searchParams.get('delay')) || 0, 5_000);
    const timer = setTimeout(send, delay);
    pending.add(timer);
    res.on('close', () => {
      clearTimeout(timer);
      pending.delete(timer);
    });
  });
  const hosted = `${origin(hostedServer)}/hosted`;
  const config = JSON.stringify({ hosted, hostedSlow: `${hosted}?delay=${HOSTED_DELAY_MS}` });

  const hostServer = await listen((req, res) => {
    const { pathname } = new URL(req.url, 'http://x');
    const html = (body) =>
      res
        .writeHead(200, { ...ISOLATED, 'Content-Type': 'text/html; charset=utf-8' })
        .end(`<!doctype html><meta charset="utf-8"><title>fiskil-link bench</title>${body}`);
    if (pathname === '/bench.html' || pathname === '/baseline/bench.html') {
      const bundle =
        pathname === '/bench.html' ? '/dist/fiskil-link.js' : '/baseline/fiskil-link.js';
      return void html(
        `<script type="application/json" id="config">${config}</script>` +
          `<script type="module">import "${bundle}"; import "/bench/page.js";</script>`,
      );
    }
    if (pathname === '/blank.html') return void html('');
    if (pathname === '/main-thread.html') {
      return void html('<script type="module" src="/bench/main-thread.js"></script>');
    }
    const file = FILES[pathname];
    if (!file) return void res.writeHead(404, ISOLATED).end();
    res
      .writeHead(200, { ...ISOLATED, 'Content-Type': 'text/javascript; charset=utf-8' })
      .end(readFileSync(file));
  });

  return {
    host: origin(hostServer),
    hosted,
    close() {
      for (const timer of pending) clearTimeout(timer);
      for (const server of [hostServer, hostedServer]) {
        server.closeAllConnections();
        server.close();
      }
    },
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (value, digits = 3) => Number(value.toFixed(digits));

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

/** The runtime figures of one build (`dir`: '' for dist/, 'baseline' for --baseline). */
async function measureRuntime(context, host, dir) {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  const bundle = dir ? `/${dir}/fiskil-link.js` : '/dist/fiskil-link.js';

  // Define + first render: a fresh page each run, the self-contained file fetched anew.
  const define = [];
  for (let i = 0; i < RUNS.define; i++) {
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
    RUNS.openOverhead,
  );
  const visible = await page.evaluate(
    (n) => /** @type {any} */ (window).bench.clickToVisible(n),
    RUNS.clickToVisible,
  );

  const cdp = await context.newCDPSession(page);
  await page.evaluate(() => /** @type {any} */ (window).bench.churn(20));
  const before = await cdpCounts(cdp);
  const churned = await page.evaluate(
    (n) => /** @type {any} */ (window).bench.churn(n),
    RUNS.churn,
  );
  const after = await cdpCounts(cdp);

  const foreign = await page.evaluate(
    ([n, rounds]) => /** @type {any} */ (window).bench.foreignMessages(n, rounds),
    [RUNS.foreignMessages, RUNS.foreignRounds],
  );
  await page.close();
  return { define, env, overhead, visible, before, after, churned, foreign };
}

/**
 * Main-thread time from the start of the import to the modal shown, CPU
 * throttled: each build (`/dist/fiskil-link.js`, the baseline) against a bare
 * <dialog> + <iframe> page doing the same, in alternating rounds, each a fresh
 * page. Returns each kind's samples, rounds in order.
 */
async function measureMainThread(browser, host, hosted) {
  const kinds = { element: '/dist/fiskil-link.js', bare: 'bare' };
  if (BASELINE) Object.assign(kinds, { baseline: '/baseline/fiskil-link.js' });
  const names = Object.keys(kinds);
  /** @type {Record<string, { ms: number; busyMs: number; longestTaskMs: number }[]>} */
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  const context = await browser.newContext();
  for (let round = 0; round < RUNS.mainThreadRounds; round++) {
    // Rotate who goes first, so that drift within a round falls on each alike.
    const order = names.map((_, i) => names[(i + round) % names.length]);
    for (const name of order) {
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error('page error:', error.message));
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });
      await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      const query = new URLSearchParams({ build: kinds[name], hosted });
      await page.goto(`${host}/main-thread.html?${query}`);
      const handle = await page.waitForFunction(
        () => /** @type {any} */ (window).mainThread,
        null,
        {
          timeout: 60_000,
        },
      );
      const { ms } = await handle.jsonValue();
      const trace = JSON.parse((await browser.stopTracing()).toString());
      samples[name].push({ ms, ...mainThreadTasks(trace.traceEvents ?? trace) });
      await cdp.detach();
      await page.close();
    }
  }
  await context.close();
  return samples;
}

const TRACE_CATEGORIES = ['toplevel', 'blink.user_timing', 'devtools.timeline'];

/**
 * From a trace, the page's main-thread tasks between its two marks
 * (bench/main-thread.js): the time they kept the thread busy within that
 * window, and the longest of them, whole.
 */
function mainThreadTasks(events) {
  const mark = (name) => events.find((e) => e.name === name && e.cat.includes('blink.user_timing'));
  const start = mark('main-thread-start');
  const open = mark('main-thread-open');
  if (!start || !open) throw new Error('bench: the main-thread marks are missing from the trace');
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

/** The main-thread samples as ratios to the bare page, paired per round. */
function mainThreadFigures(samples) {
  const figure = (name, key) => {
    const ratios = samples[name].map((s, i) => s[key] / samples.bare[i][key]);
    return {
      ms: median(samples[name].map((s) => s[key])),
      bareMs: median(samples.bare.map((s) => s[key])),
      ratio: median(ratios),
      spread: [Math.min(...ratios), Math.max(...ratios)],
    };
  };
  return Object.fromEntries(
    Object.keys(samples).map((name) => [
      name,
      {
        busy: figure(name, 'busyMs'),
        task: figure(name, 'longestTaskMs'),
        wall: figure(name, 'ms'),
      },
    ]),
  );
}

/** Samples of two runs of one build, as one run with twice the samples (churn: the first run's). */
function mergeRuns(a, b) {
  const join = (x, y) =>
    Array.isArray(x)
      ? [...x, ...y]
      : typeof x === 'object' && x !== null
        ? Object.fromEntries(Object.keys(x).map((k) => [k, join(x[k], y[k])]))
        : x;
  return {
    ...join(a, b),
    env: a.env,
    before: a.before,
    after: a.after,
    churned: { iframes: Math.max(a.churned.iframes, b.churned.iframes) },
  };
}

/** The figures of one build's runtime measurements. */
function figures({ define, overhead, visible, before, after, churned, foreign }) {
  const o = { element: median(overhead.element), bare: median(overhead.bare) };
  const v = { preload: median(visible.preload), without: median(visible.without) };
  const f = {
    open: median(foreign.open),
    closed: median(foreign.closed),
    noop: median(foreign.noop),
  };
  // Paired per round (the rounds alternate conditions), so drift cancels out.
  const perMessage = (runs) =>
    (median(runs.map((ms, i) => ms - foreign.closed[i])) / RUNS.foreignMessages) * 1000;
  return {
    // Paired per round too: each element run against the bare run just after it.
    overheadMs: median(overhead.element.map((ms, i) => ms - overhead.bare[i])),
    o,
    v,
    f,
    perMessageUs: perMessage(foreign.open),
    emptyListenerUs: perMessage(foreign.noop),
    listenersLeft: after.messageListeners - before.messageListeners,
    iframesLeft: churned.iframes,
    heapGrowth: after.heap - before.heap,
    defineMs: median(define),
  };
}

async function main() {
  const servers = await startServers();
  const browser = await chromium.launch(chromiumLaunchOptions(['--js-flags=--expose-gc']));
  const stop = async () => {
    await browser.close().catch(() => {});
    servers.close();
  };
  const deadline = setTimeout(() => {
    console.error(`bench: gave up after ${TIME_LIMIT_MS / 1000} s`);
    stop().finally(() => process.exit(1));
  }, TIME_LIMIT_MS);

  try {
    const sizes = await measureSizes();
    const mainThreadSamples = await measureMainThread(browser, servers.host, servers.hosted);
    const mainThread = mainThreadFigures(mainThreadSamples);

    const context = await browser.newContext();
    let runtime;
    let baseline;
    let rounds;
    if (BASELINE) {
      const a1 = await measureRuntime(context, servers.host, '');
      const b1 = await measureRuntime(context, servers.host, 'baseline');
      const b2 = await measureRuntime(context, servers.host, 'baseline');
      const a2 = await measureRuntime(context, servers.host, '');
      runtime = mergeRuns(a1, a2);
      baseline = mergeRuns(b1, b2);
      rounds = { now: [a1, a2].map(figures), then: [b1, b2].map(figures) };
    } else {
      runtime = await measureRuntime(context, servers.host, '');
    }
    const { define, env, overhead, visible, before, after, churned, foreign } = runtime;

    const { o, v, f, overheadMs, perMessageUs, emptyListenerUs, heapGrowth } = figures(runtime);
    const kb = (bytes) => `${(bytes / 1000).toFixed(2)} KB`;
    const spread = (/** @type {number[]} */ [low = 0, high = 0]) =>
      `${round(low, 2)}-${round(high, 2)}×`;
    const ratioOf = (/** @type {any} */ f) =>
      `${round(f.ratio, 2)}× (${spread(f.spread)}; ${round(f.ms, 1)} ms against ${round(f.bareMs, 1)} ms)`;

    const rows = [
      {
        figure: 'size of dist/fiskil-link.js',
        result: `${kb(sizes.bundle.gzip)} gzip, ${kb(sizes.bundle.brotli)} brotli`,
        budget: `≤ ${kb(BUDGETS.bundleGzip)} gzip`,
        ok: sizes.bundle.gzip <= BUDGETS.bundleGzip,
      },
      {
        figure: 'size through a bundler (own code + the Lit it imports)',
        result: `${kb(sizes.app.gzip)} gzip`,
        budget: `≤ ${kb(BUDGETS.bundleGzip)} gzip`,
        ok: sizes.app.gzip <= BUDGETS.bundleGzip,
      },
      {
        figure: "size of the element's own code",
        result: `${kb(sizes.own.gzip)} gzip`,
        budget: `≤ ${kb(BUDGETS.ownGzip)} gzip`,
        ok: sizes.own.gzip <= BUDGETS.ownGzip,
      },
      {
        figure: 'open overhead (median)',
        result: `${round(overheadMs)} ms (element ${round(o.element)} ms, bare iframe ${round(o.bare)} ms, ratio ${round(o.element / o.bare, 2)})`,
        budget: '≤ 1 ms',
        ok: overheadMs <= 1,
      },
      {
        figure: `preload click-to-visible (median, ${HOSTED_DELAY_MS} ms hosted page)`,
        result: `${round(v.preload, 1)} ms (without preload ${round(v.without, 1)} ms, ratio ${round(v.without / v.preload, 1)}× faster)`,
        budget: '≤ 16 ms',
        ok: v.preload <= 16,
      },
      {
        figure: `churn (${RUNS.churn} open/cancel)`,
        result: `${after.messageListeners - before.messageListeners} message listeners, ${churned.iframes} iframes, heap ${heapGrowth >= 0 ? '+' : ''}${kb(heapGrowth)}`,
        budget: '0, 0, ≤ 256 KB',
        ok:
          after.messageListeners === before.messageListeners &&
          churned.iframes === 0 &&
          heapGrowth <= 256_000,
      },
      {
        figure: 'foreign-message cost (per message)',
        result: `${round(perMessageUs)} µs (an empty listener: ${round(emptyListenerUs)} µs; ${RUNS.foreignMessages} messages: ${round(f.open, 1)} ms with a flow open, ${round(f.closed, 1)} ms with none)`,
        budget: '≤ 1 µs',
        ok: perMessageUs <= 1,
      },
      {
        figure: `main thread from import to link-open, CPU ${CPU_THROTTLING}× slower, against a bare dialog + iframe (median ratio, rounds' range; ${RUNS.mainThreadRounds} alternating rounds)`,
        result: `busy ${ratioOf(mainThread.element.busy)}; longest task ${ratioOf(mainThread.element.task)}; wall time ${ratioOf(mainThread.element.wall)}`,
        budget: 'reported',
        ok: true,
      },
      {
        figure: 'define + first render (median)',
        result: `${round(median(define), 1)} ms`,
        budget: 'reported',
        ok: true,
      },
    ];

    console.log('| figure | result | budget | |\n| --- | --- | --- | --- |');
    for (const row of rows) {
      console.log(`| ${row.figure} | ${row.result} | ${row.budget} | ${row.ok ? 'ok' : 'MISS'} |`);
    }
    if (baseline && rounds) {
      const now = figures(runtime);
      const then = figures(baseline);
      // The churn heap is one number per round: here, the mean of a build's two.
      const heap = (pair) => (pair[0].heapGrowth + pair[1].heapGrowth) / 2;
      now.heapGrowth = heap(rounds.now);
      then.heapGrowth = heap(rounds.then);
      // The noise: how far a build's own two rounds lie apart (the larger of
      // the two builds'). A difference between the builds no larger than that
      // is not a difference this run can see.
      const verdict = (pick) => {
        const noise = Math.max(
          ...[rounds.now, rounds.then].map(([x, y]) => Math.abs(pick(x) - pick(y))),
        );
        const difference = pick(now) - pick(then);
        const call =
          Math.abs(difference) <= noise ? 'within noise' : difference < 0 ? 'better' : 'WORSE';
        return { noise, call };
      };
      const us = (x) => `${round(x)} µs`;
      const ms = (x, d = 3) => `${round(x, d)} ms`;
      /** @type {[string, (f: any) => number, (x: number) => string][]} */
      const pairs = [
        ['open overhead (median)', (f) => f.overheadMs, ms],
        ['preload click-to-visible (median)', (f) => f.v.preload, (x) => ms(x, 1)],
        [`churn heap (${RUNS.churn} open/cancel, mean of two rounds)`, (f) => f.heapGrowth, kb],
        ['foreign-message cost (per message)', (f) => f.perMessageUs, us],
        ['define + first render (median)', (f) => f.defineMs, (x) => ms(x, 1)],
      ];
      console.log(`\nside by side with ${BASELINE}:\n`);
      console.log(
        "| figure | this build | baseline | a build's own two rounds differ by up to | |\n| --- | --- | --- | --- | --- |",
      );
      for (const [figure, pick, show] of pairs) {
        const { noise, call } = verdict(pick);
        console.log(
          `| ${figure} | ${show(pick(now))} | ${show(pick(then))} | ${show(noise)} | ${call} |`,
        );
      }
      // The rounds' ranges of the two builds' ratios: apart, a difference; overlapping, noise.
      /** @type {[string, string][]} */
      const threads = [
        ['busy', 'main thread busy, import to link-open, ratio to bare'],
        ['task', 'main thread longest task, ratio to bare'],
        ['wall', 'import to link-open wall time, ratio to bare'],
      ];
      for (const [key, figure] of threads) {
        const now = mainThread.element[key];
        const then = mainThread.baseline[key];
        const call =
          now.spread[1] < then.spread[0]
            ? 'better'
            : now.spread[0] > then.spread[1]
              ? 'WORSE'
              : 'within noise';
        console.log(
          `| ${figure} (median; rounds) | ${round(now.ratio, 2)}× (${spread(now.spread)}) | ${round(then.ratio, 2)}× (${spread(then.spread)}) | | ${call} |`,
        );
      }
      console.log(
        `| churn leftovers | ${now.listenersLeft} listeners, ${now.iframesLeft} iframes | ${then.listenersLeft} listeners, ${then.iframesLeft} iframes | | ${now.listenersLeft + now.iframesLeft <= then.listenersLeft + then.iframesLeft ? 'ok' : 'WORSE'} |`,
      );
    }
    const machine = {
      cores: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      node: process.version,
      browser: browser.version(),
      crossOriginIsolated: env.crossOriginIsolated,
    };
    console.log(
      `\n${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, Chromium ${machine.browser}` +
        `, timers ${machine.crossOriginIsolated ? '5 µs (cross-origin isolated)' : '100 µs'}`,
    );
    writeFileSync(
      'bench/results.json',
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          machine,
          runs: RUNS,
          hostedDelayMs: HOSTED_DELAY_MS,
          sizes,
          openOverheadMs: { ...o, difference: overheadMs, samples: overhead },
          clickToVisibleMs: { ...v, samples: visible },
          churn: { before, after, iframes: churned.iframes, heapGrowth },
          foreignMessages: { ...f, perMessageUs, emptyListenerUs, samples: foreign },
          defineFirstRenderMs: { median: median(define), samples: define },
          mainThread: { cpuThrottling: CPU_THROTTLING, ...mainThread, samples: mainThreadSamples },
          table: rows,
        },
        null,
        2,
      )}\n`,
    );
    console.log('wrote bench/results.json');
  } finally {
    clearTimeout(deadline);
    await stop();
  }
}

await main();
