// @ts-check
// server.d.ts is written by hand: every value it declares must exist at run time, and
// every export must be declared.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as sandbox from '../server.js';

describe('fiskil-link/sandbox exports', () => {
  it('server.d.ts declares exactly the values server.js exports', async () => {
    const dts = await readFile(new URL('../server.d.ts', import.meta.url), 'utf8');
    const declared = [...dts.matchAll(/^export (?:const|function) (\w+)/gm)].map((m) => m[1]);
    assert.deepEqual(declared.sort(), Object.keys(sandbox).sort());
  });
});
