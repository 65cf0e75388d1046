// docs/testing.md's setups are copied from the example projects, and its
// reference from the kits' sources: each code block must still appear, line
// for line, in the file linked just before it, so it cannot rot. Every example
// project and every member of the kits' handles is on the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const doc = readFileSync(new URL('docs/testing.md', root), 'utf8');

test('every code block in docs/testing.md is in the file linked before it', () => {
  const parts = [
    ...doc.matchAll(/\]\(\.\.\/((?:examples|src)\/[^)]*[^/)])\)|```\w*\n([\s\S]*?)```/g),
  ];
  let file = '';
  let source = '';
  let checked = 0;
  for (const [, link, code] of parts) {
    if (link) {
      file = link;
      source = readFileSync(new URL(link, root), 'utf8');
      continue;
    }
    assert.ok(file, `a code block with no file linked before it:\n${code}`);
    for (const line of code.split('\n').filter((l) => l.trim())) {
      assert.ok(source.includes(line.trim()), `docs/testing.md line not in ${file}:\n${line}`);
    }
    checked++;
  }
  assert.ok(checked >= 12, `only ${checked} blocks checked`);
});

test('docs/testing.md shows every example project', () => {
  const projects = readdirSync(new URL('examples/', root)).filter((d) => d.startsWith('testing-'));
  assert.ok(projects.length >= 2);
  for (const project of projects) assert.ok(doc.includes(`examples/${project}/`), project);
});

test('docs/testing.md describes every member of the kits’ handles', () => {
  const members = (file, name) => {
    const text = readFileSync(new URL(file, root), 'utf8');
    const body = text.match(new RegExp(`export interface ${name} \\{([\\s\\S]*?)\\n\\}`))?.[1];
    assert.ok(body, `${name} in ${file}`);
    return [...body.matchAll(/^ {2}(?:readonly )?(\w+)\??[(:]/gm)].map((m) => m[1]);
  };
  const all = [
    ...members('src/testing/index.ts', 'FakeFiskilLink'),
    ...members('src/testing/index.ts', 'FakeFlow'),
    ...members('src/testing/playwright.ts', 'FiskilLinkRoute'),
  ];
  assert.ok(all.length >= 20, all.join());
  for (const member of all) {
    assert.match(doc, new RegExp(`\`${member}[(\`]`), `docs/testing.md says nothing of ${member}`);
  }
});
