// `npm start` builds the demo pages' files only when they are missing or older
// than their sources (demo/build-if-stale.js), so that a fresh clone works and
// a built one starts at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DEMO_BUILDS, staleBuilds } from '../../demo/build-if-stale.js';

/** A repository's shape: sources, and every output, all at one time. */
function repoAt(time) {
  const repo = mkdtempSync(join(tmpdir(), 'fiskil-link-stale-'));
  const files = [
    'src/index.ts',
    'src/webview/index.ts',
    'src/webview/public/webview.html',
    'vite.config.ts',
    ...DEMO_BUILDS.flatMap((b) => b.outputs.map((o) => `dist/${o}`)),
  ];
  for (const file of files) {
    mkdirSync(dirname(join(repo, file)), { recursive: true });
    writeFileSync(join(repo, file), '');
    utimesSync(join(repo, file), time, time);
  }
  return repo;
}

const modes = (repo) => staleBuilds(repo).map((b) => b.mode);

test('nothing to build when every output is newer than its sources', (t) => {
  const repo = repoAt(new Date('2026-01-01'));
  t.after(() => rmSync(repo, { recursive: true }));
  assert.deepEqual(modes(repo), []);
});

test('a missing output is built, and says which file is missing', (t) => {
  const repo = repoAt(new Date('2026-01-01'));
  t.after(() => rmSync(repo, { recursive: true }));
  rmSync(join(repo, 'dist/webview.css'));
  const [build, ...rest] = staleBuilds(repo);
  assert.equal(build.mode, 'webview');
  assert.match(build.why, /missing dist\/webview\.css/);
  assert.deepEqual(rest, []);
});

test('a source changed after the build rebuilds what is made from it', (t) => {
  const repo = repoAt(new Date('2026-01-01'));
  t.after(() => rmSync(repo, { recursive: true }));
  const later = new Date('2026-01-02');
  utimesSync(join(repo, 'src/webview/public/webview.html'), later, later);
  assert.deepEqual(modes(repo), ['webview']);
  utimesSync(join(repo, 'src/index.ts'), later, later);
  assert.deepEqual(modes(repo), ['bundle', 'umd', 'webview']);
});
