// engines/index.js picks the engines every browser test runs on, and
// scripts/count-tests.mjs reads the counts `npm run verify` adds up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engineNames, notRunLine, pickEngines } from '../../engines/index.js';
import { countTests } from '../../scripts/count-tests.mjs';

test('WTR_BROWSERS names exactly the engines that run; the others are named as not run', () => {
  assert.deepEqual(engineNames, ['chromium', 'firefox', 'webkit']);
  const { run, notRun } = pickEngines('chromium, webkit');
  assert.deepEqual(run, ['chromium', 'webkit']);
  assert.deepEqual(notRun, [{ name: 'firefox', why: 'not named in WTR_BROWSERS' }]);
  assert.equal(notRunLine(notRun[0]), 'NOT RUN on firefox: not named in WTR_BROWSERS');
});

test('an unknown engine in WTR_BROWSERS fails, naming the known ones', () => {
  assert.throws(
    () => pickEngines('chromium,safari'),
    /unknown engine safari; use chromium, firefox, webkit/,
  );
});

test('the test counts: each browser run once (a repeated summary is not counted), and node --test', () => {
  const summary = [
    'Chrome:  |███| 1/1 test files | 120 passed, 1 failed',
    'Firefox: |███| 1/1 test files | 121 passed, 0 failed',
    'Finished running tests in 15.8s',
  ].join('\n');
  const log = [
    'Running 1 test files...',
    'Chrome:  |███| 0/1 test files | 3 passed, 0 failed',
    summary,
    summary,
    '# pass 25',
    '# fail 2',
    '',
  ].join('\n');
  assert.deepEqual(countTests(log), { passed: 241 + 25, failed: 1 + 2 });
});
