// The import rules of docs/architecture.md, as data, and the check that reads
// every source file's imports against them. test/node/architecture.test.js runs it.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const sourceExtensions = new Set(['.ts', '.tsx', '.js', '.mjs', '.vue', '.svelte']);

/**
 * Each rule: the files it governs (`from`, folder prefixes relative to the
 * repo, less any under `exceptFrom`), and what those files must never import:
 * folder prefixes (`paths`, less any under `exceptPaths`), bare specifiers
 * (`packages`, matched as the name or name + '/'), and whether a type-only
 * import is excused (`typesAllowed`).
 */
export const rules = [
  {
    name: 'the sandbox is a second reading of the protocol: it never imports the product',
    from: ['sandbox/'],
    paths: ['src/', 'dist/', 'demo/', 'test/', 'e2e/', 'examples/'],
    packages: ['fiskil-link'],
  },
  {
    name: 'the product never imports the sandbox, the demo or a test',
    from: ['src/'],
    paths: ['sandbox/', 'demo/', 'test/', 'e2e/', 'bench/', 'examples/', 'scripts/', 'engines/'],
    packages: ['fiskil-link/sandbox'],
    typesAllowed: true,
  },
  {
    name: 'the engines (how every test, the bench and the scripts start a browser) import nothing of what they run',
    from: ['engines/'],
    paths: [
      'src/',
      'dist/',
      'sandbox/',
      'demo/',
      'test/',
      'e2e/',
      'bench/',
      'examples/',
      'scripts/',
    ],
    packages: ['fiskil-link'],
  },
  {
    name: 'the pure layers (protocol, config, errors, words, events) and the diagnostics import no Lit and no element',
    from: [
      'src/protocol.ts',
      'src/own-value.ts',
      'src/config.ts',
      'src/errors.ts',
      'src/strings.ts',
      'src/events.ts',
      'src/diagnostics/',
      'src/timing.ts',
    ],
    paths: ['src/fiskil-link.ts', 'src/link.ts', 'src/testing/', 'src/webview/'],
    packages: ['lit', '@lit/reactive-element', 'lit-html', 'lit-element'],
  },
  {
    name: 'the testing kits import nothing from Playwright at run time: its types only',
    from: ['src/testing/'],
    paths: [],
    packages: ['playwright-core', 'playwright', '@playwright/test'],
    typesAllowed: true,
  },
  {
    name: 'the element never imports the testing kit or the mobile bridge',
    from: [
      'src/fiskil-link.ts',
      'src/fiskil-link.styles.ts',
      'src/attributes.ts',
      'src/flow.ts',
      'src/flow-message.ts',
      'src/focus.ts',
      'src/report.ts',
      'src/view.ts',
      'src/element.ts',
      'src/index.ts',
      'src/define.ts',
      'src/link.ts',
    ],
    paths: ['src/testing/', 'src/webview/'],
    packages: [],
  },
  {
    name: 'the server entry (fiskil-link/server) holds a client secret and runs on servers: it imports nothing of the element, Lit or the sandbox',
    from: ['src/server/'],
    paths: ['src/', 'dist/', 'sandbox/', 'demo/', 'test/', 'e2e/', 'examples/'],
    exceptPaths: ['src/server/'],
    packages: ['lit', '@lit/reactive-element', 'lit-html', 'lit-element', 'fiskil-link'],
  },
  {
    name: 'nothing but examples and tests imports the server entry: the element, the sandbox and the demo stay clear of a client secret',
    from: ['src/', 'sandbox/', 'demo/', 'engines/', 'bench/', 'scripts/'],
    exceptFrom: ['src/server/'],
    paths: ['src/server/', 'dist/server/', 'dist/lib/server/'],
    packages: ['fiskil-link/server'],
  },
];

/** Every import of a source text: its specifier and whether it is type-only. */
export function importsOf(text) {
  const found = [];
  const patterns = [
    /^\s*(import|export)\s+(type\s+)?[^'";]*?from\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s+['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const match of text.matchAll(patterns[0])) {
    found.push({ specifier: match[3], typeOnly: Boolean(match[2]) });
  }
  for (const match of text.matchAll(patterns[1]))
    found.push({ specifier: match[1], typeOnly: false });
  for (const match of text.matchAll(patterns[2]))
    found.push({ specifier: match[1], typeOnly: false });
  return found;
}

/** The rule breaks in one file's text; `file` is relative to the repo root. */
export function breaksIn(file, text) {
  const breaks = [];
  for (const rule of rules) {
    if (!rule.from.some((prefix) => file.startsWith(prefix))) continue;
    if (rule.exceptFrom?.some((prefix) => file.startsWith(prefix))) continue;
    for (const { specifier, typeOnly } of importsOf(text)) {
      if (typeOnly && rule.typesAllowed) continue;
      if (specifier.startsWith('.')) {
        const target = relative(root, resolve(root, dirname(file), specifier));
        const under = (prefix) => target.startsWith(prefix) || `${target}/` === prefix;
        if (rule.paths.some(under) && !rule.exceptPaths?.some(under)) {
          breaks.push(`${file} imports ${specifier}: ${rule.name}`);
        }
      } else if (
        rule.packages.some((name) => specifier === name || specifier.startsWith(`${name}/`))
      ) {
        breaks.push(`${file} imports ${specifier}: ${rule.name}`);
      }
    }
  }
  return breaks;
}

function* sourceFiles(dir) {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (sourceExtensions.has(extname(entry.name))) yield path;
  }
}

/** Every rule break in the repo's governed folders. */
export function checkRepo() {
  const folders = [...new Set(rules.flatMap((rule) => rule.from.map((p) => p.split('/')[0])))];
  return folders.flatMap((folder) =>
    [...sourceFiles(folder)].flatMap((file) =>
      breaksIn(file, readFileSync(join(root, file), 'utf8')),
    ),
  );
}
