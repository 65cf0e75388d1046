// docs/frameworks/react.md's code is compiled: each TSX block that imports
// fiskil-link/react is, as written, a file of test/types/react-entry-docs/,
// which `npm run typecheck:frameworks` compiles against the built package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

const doc = readFileSync(new URL('../../docs/frameworks/react.md', import.meta.url), 'utf8');
const dir = new URL('../types/react-entry-docs/', import.meta.url);
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.tsx'))
  .map((name) => readFileSync(new URL(name, dir), 'utf8'));

test('every fiskil-link/react snippet of docs/frameworks/react.md is compiled as written', () => {
  const blocks = [...doc.matchAll(/```tsx\n([\s\S]*?)```/g)]
    .map(([, code]) => code)
    .filter((code) => code.includes("from 'fiskil-link/react'"));
  assert.equal(blocks.length, 2);
  for (const block of blocks) {
    assert.ok(
      files.some((file) => file.includes(block)),
      `not in test/types/react-entry-docs/:\n${block}`,
    );
  }
});
