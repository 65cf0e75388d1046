// The README's framework snippets are taken from the tested apps: each must
// still appear, line for line, in the app it links to, so it cannot rot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## Frameworks'), readme.indexOf('### Types'));

test('every code block in the README Frameworks section is in its app', () => {
  const blocks = [...section.matchAll(/\((demo\/frameworks\/[^)]+)\)|```\w*\n([\s\S]*?)```/g)];
  let app = '';
  let checked = 0;
  for (const [, link, code] of blocks) {
    if (link) {
      app = readFileSync(new URL(`../../${link}`, import.meta.url), 'utf8');
      continue;
    }
    // CDN lines stand in for the app's local path to the same file.
    const snippet = code.replace(/https:\/\/cdn\.jsdelivr\.net\/npm\/fiskil-link\//g, '../../../');
    for (const line of snippet.split('\n').filter((l) => l.trim())) {
      assert.ok(app.includes(line), `README line not in its app:\n${line}`);
    }
    checked++;
  }
  assert.equal(checked, 8);
});
