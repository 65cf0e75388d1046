// The test counts in the output of `npm test`: web-test-runner's last summary
// line per browser and run, and node --test's "# pass" / "# fail" lines
// ("ℹ pass" / "ℹ fail" on Node 24).
// scripts/verify.mjs adds them to its own count of checks.

/** @returns {{ passed: number; failed: number }} */
export function countTests(/** @type {string} */ output) {
  // eslint-disable-next-line no-control-regex
  const log = output.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  let passed = 0;
  let failed = 0;

  // web-test-runner prints progress lines; a run's final figures are the last
  // "<Browser>: ... N passed, M failed" before its "Finished running tests".
  // Its closing summary is sometimes printed twice: a stretch without the
  // run's "Running N test files..." start is that repeat, and is not counted.
  for (const run of log.split(/Finished running tests[^\n]*\n/).slice(0, -1)) {
    if (!/^Running \d+ test files\.\.\.$/m.test(run)) continue;
    const last = new Map();
    for (const m of run.matchAll(/^\s*(\w[\w ]*):\s+\|[^\n]*?\| (\d+) passed, (\d+) failed/gm)) {
      last.set(m[1], [Number(m[2]), Number(m[3])]);
    }
    for (const [p, f] of last.values()) {
      passed += p;
      failed += f;
    }
  }
  // "# pass" from the tap reporter (Node 20's default when not on a terminal),
  // "ℹ pass" from the spec reporter (Node 24's default everywhere).
  for (const m of log.matchAll(/^(?:#|ℹ) pass (\d+)$/gm)) passed += Number(m[1]);
  for (const m of log.matchAll(/^(?:#|ℹ) fail (\d+)$/gm)) failed += Number(m[1]);
  return { passed, failed };
}
