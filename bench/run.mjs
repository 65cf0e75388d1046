// `npm run bench`: the README's Performance figures, measured in Debian's Chromium against a
// fixture hosted page on a second loopback origin. Prints a table and writes
// bench/results.json. Bounded in runs and in time; ends by itself.
//   servers.mjs              the page's origin and the hosted page's
//   measure-runtime.mjs      open overhead, click-to-visible, churn, foreign messages, define
//   measure-main-thread.mjs  main-thread time to the modal, against a bare dialog
//   figures.mjs, report.mjs  the arithmetic, and the table printed
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../engines/chromium.js';
import { measureSizes } from '../scripts/sizes.mjs';
import { figures, mainThreadFigures, median, mergeRuns } from './figures.mjs';
import { measureMainThread } from './measure-main-thread.mjs';
import { measureRuntime } from './measure-runtime.mjs';
import { printComparison, printTable, tableRows } from './report.mjs';
import { startServers } from './servers.mjs';

const USAGE = `npm run bench [-- options]   (builds first; node bench/run.mjs measures dist/ as it is)

  --baseline <path>  measure an earlier build's fiskil-link.js too, side by side in the
                     same browser, rounds alternating current, baseline, baseline, current
  --quick            a few rounds of each measurement, to see that the bench runs: the
                     figures mean little, and bench/results.json is left as it is
  --help             this text`;

const args = process.argv.slice(2);
if (args.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}
const baselineAt = args.indexOf('--baseline');
const BASELINE = baselineAt >= 0 ? args[baselineAt + 1] : undefined;
if (baselineAt >= 0 && !BASELINE) {
  console.error(`bench: --baseline needs a path\n\n${USAGE}`);
  process.exit(2);
}
const QUICK = args.includes('--quick');

const RUNS = QUICK
  ? {
      openOverhead: 4,
      clickToVisible: 2,
      churn: 20,
      foreignMessages: 1000,
      foreignRounds: 2,
      define: 2,
      mainThreadRounds: 1,
    }
  : {
      openOverhead: 60,
      clickToVisible: 15,
      churn: 1000,
      foreignMessages: 100_000,
      foreignRounds: 15,
      define: 10,
      mainThreadRounds: 7,
    };
const SETTINGS = {
  runs: RUNS,
  // The main-thread figure's CPU slowdown (Chrome DevTools Protocol), a mid-range phone's.
  cpuThrottling: 4,
  hostedDelayMs: 300,
};
const TIME_LIMIT_MS = BASELINE ? 780_000 : 360_000;

async function main() {
  const servers = await startServers({ baseline: BASELINE, hostedDelayMs: SETTINGS.hostedDelayMs });
  // The test runner's flags for Debian's Chromium, plus a gc() for the page.
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
    const mainThreadSamples = await measureMainThread(browser, servers, {
      rounds: RUNS.mainThreadRounds,
      cpuThrottling: SETTINGS.cpuThrottling,
      baseline: Boolean(BASELINE),
    });
    const mainThread = mainThreadFigures(mainThreadSamples);

    const context = await browser.newContext();
    const measure = (dir) => measureRuntime(context, servers.host, dir, RUNS);
    let runtime;
    let baseline;
    let rounds;
    if (BASELINE) {
      const a1 = await measure('');
      const b1 = await measure('baseline');
      const b2 = await measure('baseline');
      const a2 = await measure('');
      runtime = mergeRuns(a1, a2);
      baseline = mergeRuns(b1, b2);
      const figuresOf = (run) => figures(run, RUNS.foreignMessages);
      rounds = { now: [a1, a2].map(figuresOf), then: [b1, b2].map(figuresOf) };
    } else {
      runtime = await measure('');
    }

    const rows = tableRows({ sizes, runtime, mainThread, settings: SETTINGS });
    printTable(rows);
    if (BASELINE && baseline && rounds) {
      printComparison({
        baselinePath: BASELINE,
        runtime,
        baseline,
        rounds,
        mainThread,
        runs: RUNS,
      });
    }
    const machine = {
      cores: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      node: process.version,
      browser: browser.version(),
      crossOriginIsolated: runtime.env.crossOriginIsolated,
    };
    console.log(
      `\n${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, Chromium ${machine.browser}` +
        `, timers ${machine.crossOriginIsolated ? '5 µs (cross-origin isolated)' : '100 µs'}`,
    );
    if (QUICK) {
      console.log('--quick: bench/results.json left as it was');
      return;
    }
    const results = resultsJson({ runtime, sizes, mainThread, mainThreadSamples, machine, rows });
    writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
    console.log('wrote bench/results.json');
  } finally {
    clearTimeout(deadline);
    await stop();
  }
}

/** What bench/results.json holds: the figures, their samples and the machine. */
function resultsJson({ runtime, sizes, mainThread, mainThreadSamples, machine, rows }) {
  const { define, overhead, visible, before, after, churned, foreign } = runtime;
  const { o, v, f, overheadMs, perMessageUs, emptyListenerUs, heapGrowth } = figures(
    runtime,
    RUNS.foreignMessages,
  );
  return {
    date: new Date().toISOString(),
    machine,
    runs: RUNS,
    hostedDelayMs: SETTINGS.hostedDelayMs,
    sizes,
    openOverheadMs: { ...o, difference: overheadMs, samples: overhead },
    clickToVisibleMs: { ...v, samples: visible },
    churn: { before, after, iframes: churned.iframes, heapGrowth },
    foreignMessages: { ...f, perMessageUs, emptyListenerUs, samples: foreign },
    defineFirstRenderMs: { median: median(define), samples: define },
    mainThread: {
      cpuThrottling: SETTINGS.cpuThrottling,
      ...mainThread,
      samples: mainThreadSamples,
    },
    table: rows,
  };
}

await main();
