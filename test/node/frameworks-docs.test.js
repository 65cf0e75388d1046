// docs/frameworks.md and the pages under docs/frameworks/ are taken from the
// apps `npm run test:apps` builds and drives: each code block preceded by
// `<!-- snippet: <file> -->` must still appear in that file (whitespace aside),
// so a snippet cannot rot while its app changes. Every framework page must
// have at least one such block, and the index and the README must link every page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const read = (/** @type {string} */ path) => readFileSync(new URL(path, root), 'utf8');
const pages = readdirSync(new URL('docs/frameworks/', root))
  .filter((name) => name.endsWith('.md'))
  .map((name) => `docs/frameworks/${name}`);

/** Whitespace runs as one space: a snippet may be indented otherwise than its file. */
const normalise = (/** @type {string} */ text) => text.replace(/\s+/g, ' ').trim();

/** Each checked block of a page: the file it names and its code. */
function snippets(/** @type {string} */ markdown) {
  return [...markdown.matchAll(/<!-- snippet: (\S+) -->\s*\n```[\w-]*\n([\s\S]*?)```/g)].map(
    ([, file, code]) => ({ file, code }),
  );
}

test('the framework pages exist, and the index links each', () => {
  const index = read('docs/frameworks.md');
  assert.ok(pages.length >= 2, `framework pages: ${pages.join(', ')}`);
  for (const page of pages) {
    assert.ok(index.includes(`](${page.slice('docs/'.length)})`), `the index links ${page}`);
  }
});

for (const doc of ['docs/frameworks.md', ...pages]) {
  test(`${doc}: every snippet is in the file it names`, () => {
    const found = snippets(read(doc));
    if (doc !== 'docs/frameworks.md') assert.ok(found.length > 0, `${doc} has no checked snippet`);
    for (const { file, code } of found) {
      assert.match(file, /^examples\//, `${doc}: a snippet names ${file}, not an example's file`);
      assert.ok(existsSync(new URL(file, root)), `${doc}: ${file} does not exist`);
      assert.ok(
        normalise(read(file)).includes(normalise(code)),
        `${doc}: this snippet is not in ${file}:\n${code}`,
      );
    }
  });
}

test("the README's Frameworks section links the index and every framework page", () => {
  const readme = read('README.md');
  const section = readme.slice(readme.indexOf('## Frameworks'), readme.indexOf('### Types'));
  assert.ok(section.includes('](docs/frameworks.md)'));
  for (const page of pages) assert.ok(section.includes(`](${page})`), `the README links ${page}`);
});

test('a snippet that is not in its file is caught', () => {
  const [changed] = snippets(
    '<!-- snippet: examples/apps/sveltekit/src/routes/+page.svelte -->\n```svelte\n' +
      "\timport 'fiskil-link/element';\n```\n",
  );
  assert.equal(changed.file, 'examples/apps/sveltekit/src/routes/+page.svelte');
  assert.ok(!normalise(read(changed.file)).includes(normalise(changed.code)));
});
