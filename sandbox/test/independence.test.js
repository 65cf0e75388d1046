// @ts-check
// The sandbox is an independent reading of the wire protocol: nothing in it may import
// the element's code, or a shared mistake would pass every end-to-end test.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SANDBOX = fileURLToPath(new URL('..', import.meta.url));
const SRC = path.join(SANDBOX, '..', 'src');

describe('sandbox independence', () => {
  it('imports nothing from src/', async () => {
    const files = (await readdir(SANDBOX, { recursive: true })).filter((f) => f.endsWith('.js'));
    assert.ok(files.length > 20, 'found the sandbox’s files');
    /** @type {string[]} */
    const offending = [];
    for (const file of files) {
      const text = await readFile(path.join(SANDBOX, file), 'utf8');
      for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        const target = spec.startsWith('.')
          ? path.resolve(SANDBOX, path.dirname(file), spec)
          : spec;
        if (target.startsWith(SRC) || /^fiskil-link(\/|$)(?!sandbox)/.test(spec))
          offending.push(`${file}: ${spec}`);
      }
    }
    assert.deepEqual(offending, []);
  });
});
