// docs/mobile-react-native.md's snippet is a file that compiles: it must appear
// in the docs as it is, and tsc must accept it against the package's own message
// type (run after `npm run build`, which writes dist/webview-message.d.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const snippet = 'test/types/react-native/FiskilLinkScreen.tsx';

test('docs/mobile-react-native.md shows the React Native snippet exactly as compiled', () => {
  const docs = readFileSync(`${root}docs/mobile-react-native.md`, 'utf8');
  const code = readFileSync(`${root}${snippet}`, 'utf8');
  assert.ok(
    docs.includes(`\`\`\`tsx\n${code}\`\`\``),
    `${snippet} is not in docs/mobile-react-native.md`,
  );
});

test('the React Native snippet type-checks (strict, no DOM) against FiskilLinkWebViewMessage', async () => {
  const output = await new Promise((done) =>
    execFile(
      `${root}node_modules/.bin/tsc`,
      ['-p', 'test/types/react-native/tsconfig.json'],
      { cwd: root, timeout: 120_000 },
      (error, stdout, stderr) => done(error ? `${stdout}${stderr}` || String(error) : ''),
    ),
  );
  assert.equal(output, '');
});
