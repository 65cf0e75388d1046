// The README's CDN snippet, pinned to package.json's version with the SRI
// hashes of dist/integrity.json (written by `npm run build`). `npm run
// readme:cdn` rewrites it; `npm version` does so as part of a release;
// scripts/check-package.mjs fails when it no longer matches the build.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const START = '<!-- cdn-snippet: written by scripts/cdn-snippet.mjs -->';
const END = '<!-- /cdn-snippet -->';

/** The snippet for a version and its `dist/integrity.json`. */
export function renderSnippet(version, hashes) {
  const tag = (file, attributes) =>
    [
      '<script',
      ...attributes,
      `  src="https://cdn.jsdelivr.net/npm/fiskil-link@${version}/dist/${file}"`,
      `  integrity="${hashes[file]}"`,
      '  crossorigin="anonymous"',
      '></script>',
    ].join('\n');
  return [
    START,
    '',
    '```html',
    tag('fiskil-link.js', ['  type="module"']),
    '<!-- or, as a classic script, with the global FiskilLink -->',
    tag('fiskil-link.umd.js', []),
    '```',
    '',
    END,
  ].join('\n');
}

function section(readme) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  return start === -1 || end < start ? null : { start, end: end + END.length };
}

/** Why the README's snippet does not match, or `null` when it does. */
export function checkSnippet(readme, version, hashes) {
  const found = section(readme);
  if (!found) return 'README.md has no CDN snippet markers';
  if (readme.slice(found.start, found.end) !== renderSnippet(version, hashes)) {
    return `README.md's CDN snippet is not pinned to ${version} with the hashes of dist/integrity.json`;
  }
  return null;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readmePath = new URL('../README.md', import.meta.url);
  const readme = readFileSync(readmePath, 'utf8');
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const hashes = JSON.parse(
    readFileSync(new URL('../dist/integrity.json', import.meta.url), 'utf8'),
  );
  const found = section(readme);
  if (!found) {
    console.error(`README.md needs the lines ${START} and ${END} around its CDN snippet.`);
    process.exit(1);
  }
  const snippet = renderSnippet(version, hashes);
  writeFileSync(readmePath, readme.slice(0, found.start) + snippet + readme.slice(found.end));
  console.log(`README.md: CDN snippet pinned to fiskil-link@${version}`);
}
