// What `npm run bench` prints: the table of figures against their budgets, and
// with --baseline, the two builds side by side with a verdict per figure.
import { BUDGETS } from '../scripts/sizes.mjs';
import { figures, median, round } from './figures.mjs';

const kb = (bytes) => `${(bytes / 1000).toFixed(2)} KB`;
const spread = (/** @type {number[]} */ [low = 0, high = 0]) =>
  `${round(low, 2)}-${round(high, 2)}×`;
const ratioOf = (/** @type {any} */ f) =>
  `${round(f.ratio, 2)}× (${spread(f.spread)}; ${round(f.ms, 1)} ms against ${round(f.bareMs, 1)} ms)`;

/**
 * The table's rows, each with whether it meets its budget.
 * @param {object} parts
 * @param {any} parts.sizes measureSizes()
 * @param {any} parts.runtime measureRuntime()'s samples of this build
 * @param {any} parts.mainThread mainThreadFigures()
 * @param {{ runs: Record<string, number>; hostedDelayMs: number; cpuThrottling: number }} parts.settings
 */
export function tableRows({ sizes, runtime, mainThread, settings }) {
  const { runs, hostedDelayMs, cpuThrottling } = settings;
  const { define, before, after, churned } = runtime;
  const { o, v, f, overheadMs, perMessageUs, emptyListenerUs, heapGrowth } = figures(
    runtime,
    runs.foreignMessages,
  );
  return [
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
      figure: `preload click-to-visible (median, ${hostedDelayMs} ms hosted page)`,
      result: `${round(v.preload, 1)} ms (without preload ${round(v.without, 1)} ms, ratio ${round(v.without / v.preload, 1)}× faster)`,
      budget: '≤ 16 ms',
      ok: v.preload <= 16,
    },
    {
      figure: `churn (${runs.churn} open/cancel)`,
      result: `${after.messageListeners - before.messageListeners} message listeners, ${churned.iframes} iframes, heap ${heapGrowth >= 0 ? '+' : ''}${kb(heapGrowth)}`,
      budget: '0, 0, ≤ 256 KB',
      ok:
        after.messageListeners === before.messageListeners &&
        churned.iframes === 0 &&
        heapGrowth <= 256_000,
    },
    {
      figure: 'foreign-message cost (per message)',
      result: `${round(perMessageUs)} µs (an empty listener: ${round(emptyListenerUs)} µs; ${runs.foreignMessages} messages: ${round(f.open, 1)} ms with a flow open, ${round(f.closed, 1)} ms with none)`,
      budget: '≤ 1 µs',
      ok: perMessageUs <= 1,
    },
    {
      figure: `main thread from import to link-open, CPU ${cpuThrottling}× slower, against a bare dialog + iframe (median ratio, rounds' range; ${runs.mainThreadRounds} alternating rounds)`,
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
}

/** Prints the rows as a Markdown table. */
export function printTable(/** @type {ReturnType<typeof tableRows>} */ rows) {
  console.log('| figure | result | budget | |\n| --- | --- | --- | --- |');
  for (const row of rows) {
    console.log(`| ${row.figure} | ${row.result} | ${row.budget} | ${row.ok ? 'ok' : 'MISS'} |`);
  }
}

/**
 * With --baseline: this build and the baseline side by side, each figure called
 * better, WORSE or within noise.
 * @param {object} parts
 * @param {string} parts.baselinePath
 * @param {any} parts.runtime this build's two runs, merged
 * @param {any} parts.baseline the baseline's two runs, merged
 * @param {{ now: any[]; then: any[] }} parts.rounds each build's two runs' figures
 * @param {any} parts.mainThread mainThreadFigures(), the baseline's included
 * @param {Record<string, number>} parts.runs
 */
export function printComparison({ baselinePath, runtime, baseline, rounds, mainThread, runs }) {
  const now = figures(runtime, runs.foreignMessages);
  const then = figures(baseline, runs.foreignMessages);
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
    [`churn heap (${runs.churn} open/cancel, mean of two rounds)`, (f) => f.heapGrowth, kb],
    ['foreign-message cost (per message)', (f) => f.perMessageUs, us],
    ['define + first render (median)', (f) => f.defineMs, (x) => ms(x, 1)],
  ];
  console.log(`\nside by side with ${baselinePath}:\n`);
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
    const ours = mainThread.element[key];
    const theirs = mainThread.baseline[key];
    const call =
      ours.spread[1] < theirs.spread[0]
        ? 'better'
        : ours.spread[0] > theirs.spread[1]
          ? 'WORSE'
          : 'within noise';
    console.log(
      `| ${figure} (median; rounds) | ${round(ours.ratio, 2)}× (${spread(ours.spread)}) | ${round(theirs.ratio, 2)}× (${spread(theirs.spread)}) | | ${call} |`,
    );
  }
  console.log(
    `| churn leftovers | ${now.listenersLeft} listeners, ${now.iframesLeft} iframes | ${then.listenersLeft} listeners, ${then.iframesLeft} iframes | | ${now.listenersLeft + now.iframesLeft <= then.listenersLeft + then.iframesLeft ? 'ok' : 'WORSE'} |`,
  );
}
