// The benchmark's arithmetic: medians, and the figures of one build's samples
// (paired per round where the rounds alternate conditions, so drift cancels out).

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
export const round = (value, digits = 3) => Number(value.toFixed(digits));

/** Samples of two runs of one build, as one run with twice the samples (churn: the first run's). */
export function mergeRuns(a, b) {
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

/**
 * The figures of one build's runtime measurements.
 * @param {any} samples what measureRuntime resolved with
 * @param {number} foreignMessages how many foreign messages each round sent
 */
export function figures(
  { define, overhead, visible, before, after, churned, foreign },
  foreignMessages,
) {
  const o = { element: median(overhead.element), bare: median(overhead.bare) };
  const v = { preload: median(visible.preload), without: median(visible.without) };
  const f = {
    open: median(foreign.open),
    closed: median(foreign.closed),
    noop: median(foreign.noop),
  };
  // Paired per round (the rounds alternate conditions), so drift cancels out.
  const perMessage = (runs) =>
    (median(runs.map((ms, i) => ms - foreign.closed[i])) / foreignMessages) * 1000;
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

/** The main-thread samples as ratios to the bare page, paired per round. */
export function mainThreadFigures(samples) {
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
