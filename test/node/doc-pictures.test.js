// The pictures the docs show: every image README.md and docs/ name exists, and
// docs/states.md shows exactly the pictures `npm run screenshots` takes (the
// rows of scripts/screenshot-states.mjs), so a new state without its picture,
// or a picture no row takes any more, fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { STATES } from '../../scripts/screenshot-states.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

const pages = [
  'README.md',
  ...readdirSync(path.join(root, 'docs'), { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join('docs', name)),
];

/** The local images a Markdown page names (`![alt](src)`, `<img src>`), outside code blocks. */
function picturesOf(/** @type {string} */ page) {
  const text = readFileSync(path.join(root, page), 'utf8').replace(/^```[^]*?^```/gm, '');
  const sources = [
    ...[...text.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]),
    ...[...text.matchAll(/<img\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]),
  ];
  return sources
    .filter((src) => !/^[a-z]+:/i.test(src))
    .map((src) => path.join(path.dirname(page), decodeURI(src.replace(/[?#].*$/, ''))));
}

test('every picture README.md and docs/ show exists', () => {
  const named = pages.flatMap((page) => picturesOf(page).map((file) => ({ page, file })));
  assert.ok(named.length > 0, 'no page names a picture');
  const missing = named.filter(({ file }) => !existsSync(path.join(root, file)));
  assert.deepEqual(
    missing.map(({ page, file }) => `${page}: ${file}`),
    [],
    'missing pictures: run `npm run screenshots`',
  );
});

test('docs/states.md shows every picture `npm run screenshots` takes, and no other', () => {
  const shown = picturesOf(path.join('docs', 'states.md'));
  const taken = STATES.map((row) => path.join('docs', 'states', `${row.file}.png`));
  assert.deepEqual(
    taken.filter((file) => !shown.includes(file)),
    [],
    'taken but not shown in docs/states.md',
  );
  const kept = readdirSync(path.join(root, 'docs', 'states')).map((name) =>
    path.join('docs', 'states', name),
  );
  assert.deepEqual(
    kept.filter((file) => !taken.includes(file)),
    [],
    'in docs/states/ but no row of scripts/screenshot-states.mjs takes it',
  );
});

test('the README shows a picture of the element and links to docs/states.md', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const top = readme.slice(0, readme.indexOf('\n## '));
  assert.match(top, /(\]\(|src=")docs\/states\/[\w-]+\.png/, 'no picture before the first section');
  assert.match(
    top,
    /(\]\(|href=")docs\/states\.md/,
    'no link to docs/states.md before the first section',
  );
});
