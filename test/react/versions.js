// The React entry's tests run once on React 19 and once on React 18.3
// (web-test-runner.config.js). React ships CommonJS, so each version is
// bundled by esbuild into one ES module served at /__react/<major>/all.js, and
// each specifier the tests and @lit/react import ('react', 'react-dom/client',
// …) becomes a small module at /__react/<major>/<specifier>.js that re-exports
// its part of that bundle: one copy of React per page. Imports resolve to
// React 19; the react-18 group's page carries an import map that sends them to
// React 18.3 (installed as the npm aliases `react-18` and `react-dom-18`).
import { execFile } from 'node:child_process';
import { build } from 'esbuild';

const VERSIONS = {
  19: {},
  18: { react: 'react-18', 'react-dom': 'react-dom-18' },
};
const DEFAULT_MAJOR = '19';
const SPECIFIERS = [
  'react',
  'react/jsx-runtime',
  'react/jsx-dev-runtime',
  'react-dom',
  'react-dom/client',
  'react-dom/server',
];

const bundles = new Map();

/** One version's React, bundled: its code, and the names each specifier exports. */
function bundleOf(major) {
  if (!bundles.has(major)) bundles.set(major, bundle(major));
  return bundles.get(major);
}

async function bundle(major) {
  const entry = [
    ...SPECIFIERS.map((specifier, i) => `import * as m${i} from '${specifier}';`),
    `export const modules = { ${SPECIFIERS.map((s, i) => `'${s}': m${i}`).join(', ')} };`,
  ].join('\n');
  const result = await build({
    stdin: { contents: entry, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    alias: VERSIONS[major],
    // React's development build: its warnings (hydration mismatches among them) on.
    define: { 'process.env.NODE_ENV': '"development"' },
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  return { code, names: await exportedNames(code) };
}

/**
 * The names each specifier exports, read from the bundle by a Node of its own
 * (React's browser builds load in Node: nothing touches a DOM until asked to
 * render; the runner's own process has its console wrapped, which React's
 * development build trips on).
 */
function exportedNames(code) {
  const report = `
process.stdout.write(JSON.stringify(Object.fromEntries(Object.entries(modules).map(
  ([specifier, ns]) => [specifier, Object.keys(ns).filter((n) => n !== 'default' && /^[A-Za-z_$][\\w$]*$/.test(n))]))),
  // React's scheduler keeps a channel open: this process ends when it has answered.
  () => process.exit(0));`;
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module'],
      { maxBuffer: 1 << 20 },
      (error, stdout, stderr) => (error ? reject(new Error(stderr)) : resolve(JSON.parse(stdout))),
    );
    child.stdin.end(code + report);
  });
}

const url = (major, specifier) => `/__react/${major}/${specifier}.js`;

export const reactVersionsPlugin = {
  name: 'react-versions',
  resolveImport({ source }) {
    return SPECIFIERS.includes(source) ? url(DEFAULT_MAJOR, source) : undefined;
  },
  async serve(context) {
    const match = /^\/__react\/(\d+)\/(.+)\.js$/.exec(context.path);
    if (!match || !(match[1] in VERSIONS)) return undefined;
    const [, major, specifier] = match;
    const { code, names } = await bundleOf(major);
    if (specifier === 'all') return { body: code, type: 'js' };
    if (!SPECIFIERS.includes(specifier)) return undefined;
    const body = [
      `import { modules } from '${url(major, 'all')}';`,
      `const m = modules['${specifier}'];`,
      'export default m.default ?? m;',
      `export const { ${names[specifier].join(', ')} } = m;`,
    ].join('\n');
    return { body, type: 'js' };
  },
};

/**
 * The group that runs `files` on React 18.3: its page maps React 19's URLs to
 * React 18's, and names the version it expects (test/react/setup.ts checks it).
 */
export function react18Group(files) {
  const importMap = { imports: { [`/__react/${DEFAULT_MAJOR}/`]: '/__react/18/' } };
  return {
    name: 'react-18',
    files,
    testRunnerHtml: (testFramework) =>
      `<!DOCTYPE html><html><head><meta name="react-major" content="18">` +
      `<script type="importmap">${JSON.stringify(importMap)}</script></head>` +
      `<body><script type="module" src="${testFramework}"></script></body></html>`,
  };
}
