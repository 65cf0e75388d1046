// The README's Usage shows examples/node-backend as it is: its backend code is
// server.js, and its page is the body of index.html, so what CI runs against
// the sandbox (examples/node-backend/example.test.js) is what a reader copies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { createSandbox } from '../../sandbox/server.js';

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const readme = read('README.md');

/** The first fenced block of `lang` after `marker`, unindented. */
function blockAfter(marker, lang) {
  const from = readme.indexOf(marker);
  assert.notEqual(from, -1, `README.md has no ${marker}`);
  const match = readme
    .slice(from)
    .match(new RegExp(`\\n( *)\`\`\`${lang}\\n([\\s\\S]*?)\\n *\`\`\``));
  assert.ok(match, `no \`\`\`${lang} block after ${marker}`);
  const [, indent, body] = match;
  return body
    .split('\n')
    .map((line) => line.slice(indent.length))
    .join('\n');
}

test("the README's backend code is examples/node-backend/server.js, line for line", () => {
  assert.equal(
    blockAfter('<!-- backend-snippet', 'js'),
    read('examples/node-backend/server.js').trimEnd(),
  );
});

test("the README's Usage page is the body of examples/node-backend/index.html", () => {
  const html = read('examples/node-backend/index.html');
  const body = html.slice(
    html.indexOf('<body>\n') + '<body>\n'.length,
    html.indexOf('\n  </body>'),
  );
  const unindented = body
    .split('\n')
    .map((line) => line.slice(4))
    .join('\n');
  assert.equal(blockAfter('<!-- usage-snippet', 'html'), unindented);
});

test('the Usage tells where $TOKEN comes from and makes the end user it uses', () => {
  const usage = readme.slice(readme.indexOf('## Usage'), readme.indexOf('## Frameworks'));
  assert.match(usage, /TOKEN=\$\(curl[^\n]*\/v1\/token/);
  assert.match(usage, /END_USER=\$\(curl[^\n]*\/v1\/end-users/);
  assert.doesNotMatch(usage, /eu_123/);
  assert.match(usage, /auth-server="http:\/\/127\.0\.0\.1:4010"/);
  assert.match(usage, /e\.detail\.displayMessage/);
});

test("the Usage's curl calls, run in bash against the sandbox, make a session", async (t) => {
  const usage = readme.slice(readme.indexOf('## Usage'), readme.indexOf('## Frameworks'));
  const script = usage.match(/```sh\n(API=[\s\S]*?)```/)?.[1];
  assert.ok(script, 'no curl block (```sh starting with API=) in Usage');
  const missing = [];
  for (const tool of ['bash', 'curl', 'jq']) {
    await promisify(execFile)('sh', ['-c', `command -v ${tool}`]).catch(() => missing.push(tool));
  }
  if (missing.length) return t.skip(`needs ${missing.join(', ')}, not installed here`);
  const sandbox = createSandbox({ log: () => {} });
  const url = await sandbox.listen(0);
  try {
    const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', script], {
      env: {
        ...process.env,
        FISKIL_API_URL: url,
        FISKIL_CLIENT_ID: sandbox.options.clientId,
        FISKIL_CLIENT_SECRET: sandbox.options.clientSecret,
      },
      timeout: 60_000,
    });
    const session = JSON.parse(stdout);
    assert.match(session.session_id, /\S/);
    assert.ok(session.auth_url.startsWith(url), session.auth_url);
  } finally {
    await sandbox.close();
  }
});
