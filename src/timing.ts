/**
 * Leaves a `fiskil-link:<what>` mark in the page's performance timeline, for
 * RUM tools and DevTools, and returns its time. With `opened` (the end of a
 * flow that was shown), the `fiskil-link` measure from then too. Every entry's
 * detail is drawn on DevTools' `fiskil-link` track and holds the `outcome`
 * when there is one (`consent` or an error code, never an id). jsdom has no
 * `performance.mark`: nothing there.
 */
export function mark(what: string, outcome?: string, opened?: number): number | undefined {
  const detail = { outcome, devtools: { dataType: 'track-entry', track: 'fiskil-link' } };
  const at = performance.mark?.(`fiskil-link:${what}`, { detail }).startTime;
  // Ends at the end mark itself: a clock read later would drift on a busy page.
  if (opened !== undefined) performance.measure('fiskil-link', { start: opened, end: at, detail });
  return at;
}
