// `npm run check:package`: checks the package a user gets, not the work tree.
// Packs it (prepack builds, unless `npm run verify` has), then in a scratch project under os.tmpdir()
// installs the tarball and imports every export in Node, type-checks a small
// TypeScript consumer (moduleResolution bundler and nodenext) and builds it
// with Vite; lints the tarball with publint --strict and
// @arethetypeswrong/cli (profile esm-only); ends with `npm publish --dry-run`.
// Exits non-zero when any step fails. PACKAGE_CHECK_KEEP=1 keeps the scratch folder.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSnippet } from './cdn-snippet.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const scratch = mkdtempSync(join(tmpdir(), 'fiskil-link-package-'));
const consumer = join(scratch, 'consumer');
const unpacked = join(scratch, 'unpacked', 'package');

const results = [];

/**
 * Runs a command; its output is printed when `show` is set or when it fails.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string; show?: boolean; env?: Record<string, string> }} [options]
 */
function run(command, args, { cwd = root, show = false, env = {} } = {}) {
  const r = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 300_000,
  });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`;
  if (show || r.status !== 0) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${r.status}`);
  return { stdout: r.stdout, output };
}

function step(name, fn) {
  console.log(`\n== ${name}`);
  try {
    fn();
    results.push([name, true]);
    console.log(`ok: ${name}`);
  } catch (error) {
    results.push([name, false]);
    console.log(`FAIL: ${name}: ${error instanceof Error ? error.message : error}`);
  }
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** Every file path an `exports` entry can resolve to, under any condition. */
function exportTargets(value) {
  if (typeof value === 'string') return [value];
  return Object.values(value ?? {}).flatMap(exportTargets);
}

let tarball = '';
let files = [];

step('npm pack (prepack builds, unless `npm run verify` has)', () => {
  const { stdout } = run('npm', ['pack', '--json', '--pack-destination', scratch]);
  // Lifecycle scripts print to the same stdout; npm's JSON is the last array.
  const [info] = JSON.parse(stdout.slice(stdout.lastIndexOf('\n[\n') + 1));
  tarball = join(scratch, info.filename);
  files = info.files.map((f) => f.path);
  console.log(
    `${info.filename}: ${info.entryCount} files, ${info.size} B packed, ${info.unpackedSize} B unpacked`,
  );
  console.log(files.join('\n'));
  mkdirSync(join(scratch, 'unpacked'));
  run('tar', ['-xzf', tarball, '-C', join(scratch, 'unpacked')]);
});

step('the tarball holds what a user needs, and nothing of the work tree', () => {
  const has = new Set(files);
  const needed = [
    'package.json',
    'README.md',
    'LICENSE',
    'CHANGELOG.md',
    'THIRD_PARTY_NOTICES.md',
    'docs/protocol.md',
    ...exportTargets(pkg.exports),
    ...Object.values(pkg.bin ?? {}),
    ...['main', 'module', 'types', 'unpkg', 'jsdelivr', 'customElements'].map((k) => pkg[k]),
    ...pkg.sideEffects,
  ].map((path) => path.replace(/^\.\//, ''));
  const missing = [...new Set(needed)].filter((path) => !has.has(path));
  check(missing.length === 0, `missing from the tarball: ${missing.join(', ')}`);
  const stray = files.filter((path) =>
    /^(src|test|e2e|demo|bench|scripts|\.ci)\/|^sandbox\/test\//.test(path),
  );
  check(stray.length === 0, `work-tree files in the tarball: ${stray.join(', ')}`);
});

step('every source map is shipped and embeds its sources or ships them', () => {
  const has = new Set(files);
  for (const js of files.filter((path) => path.endsWith('.js'))) {
    const url = readFileSync(join(unpacked, js), 'utf8').match(
      /\/\/# sourceMappingURL=(\S+)\s*$/,
    )?.[1];
    const dir = js.split('/').slice(0, -1).join('/');
    if (url) check(has.has(join(dir, url)), `${js} points at ${url}, which is not shipped`);
  }
  for (const map of files.filter((path) => path.endsWith('.map'))) {
    const { sources, sourcesContent = [] } = JSON.parse(readFileSync(join(unpacked, map), 'utf8'));
    const dir = map.split('/').slice(0, -1).join('/');
    sources.forEach((source, i) => {
      const shipped = has.has(new URL(source, `file:///${dir}/`).pathname.slice(1));
      check(
        typeof sourcesContent[i] === 'string' || shipped,
        `${map}: ${source} is neither embedded nor shipped`,
      );
    });
  }
});

step('the self-contained files keep the licence notices of what they bundle', () => {
  const integrity = JSON.parse(readFileSync(join(unpacked, 'dist/integrity.json'), 'utf8'));
  const selfContained = Object.keys(integrity);
  const noticeFile = readFileSync(join(unpacked, 'THIRD_PARTY_NOTICES.md'), 'utf8');
  check(selfContained.length > 0, 'dist/integrity.json lists no self-contained file');
  for (const file of selfContained) {
    const text = readFileSync(join(unpacked, 'dist', file), 'utf8');
    const notices = text.match(/@license/g)?.length ?? 0;
    console.log(`dist/${file}: ${notices} @license comments`);
    check(notices > 0 && text.includes('BSD-3-Clause'), `dist/${file} lost Lit's licence notice`);
    const map = JSON.parse(readFileSync(join(unpacked, 'dist', `${file}.map`), 'utf8'));
    const bundled = new Set(
      map.sources.flatMap(
        (source) => source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1] ?? [],
      ),
    );
    const unlisted = [...bundled].filter((name) => !noticeFile.includes(`| \`${name}\` |`));
    check(
      unlisted.length === 0,
      `dist/${file} bundles ${unlisted.join(', ')}: not in THIRD_PARTY_NOTICES.md`,
    );
  }
});

step(
  'dist/integrity.json is the SRI hash of each self-contained file, and the README pins it',
  () => {
    const hashes = JSON.parse(readFileSync(join(unpacked, 'dist/integrity.json'), 'utf8'));
    for (const [file, hash] of Object.entries(hashes)) {
      const actual = `sha384-${createHash('sha384')
        .update(readFileSync(join(unpacked, 'dist', file)))
        .digest('base64')}`;
      check(hash === actual, `dist/integrity.json says ${hash} for ${file}, the file is ${actual}`);
    }
    const problem = checkSnippet(
      readFileSync(join(unpacked, 'README.md'), 'utf8'),
      pkg.version,
      hashes,
    );
    check(!problem, `${problem} (run npm run readme:cdn)`);
  },
);

step('no shipped file cites a document or an issue the package does not have', () => {
  // The project's working notes live outside the repository; a reader of the
  // package has only what it ships (docs/protocol.md holds the protocol).
  const citation = /PROTOCOL\.md|API\.md|STYLE\.md|\.\.\/shared|[Ii]ssue [0-9]+/;
  const hits = files
    .filter((path) => path !== 'CHANGELOG.md')
    .flatMap((path) => {
      const text = readFileSync(join(unpacked, path), 'utf8');
      // A source map is one line; its embedded sources are shipped text too.
      if (path.endsWith('.map'))
        return citation.test(text) ? [`${path} (its embedded sources)`] : [];
      return text
        .split('\n')
        .flatMap((line, n) =>
          citation.test(line) ? [`${path}:${n + 1}: ${line.trim().slice(0, 120)}`] : [],
        );
    });
  check(hits.length === 0, `citations:\n${hits.join('\n')}`);
});

const version = (name) =>
  JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;

step('install the tarball in a scratch project', () => {
  cpSync(join(root, 'test/package/consumer'), consumer, { recursive: true });
  const manifest = {
    name: 'fiskil-link-consumer',
    private: true,
    type: 'module',
    dependencies: { 'fiskil-link': `file:${tarball}` },
    // The repository's own versions, so the install needs nothing npm ci did not fetch.
    devDependencies: Object.fromEntries(
      // playwright-core: the types fiskil-link/testing/playwright is written against.
      // React, @lit/react and React's types: what fiskil-link/react's users install beside it.
      [
        'typescript',
        'vite',
        '@types/node',
        'playwright-core',
        'react',
        'react-dom',
        '@lit/react',
        '@types/react',
        '@types/react-dom',
      ].map((name) => [name, version(name)]),
    ),
  };
  writeFileSync(join(consumer, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: consumer });
});

step('(a) every export path imports in Node as stated', () => {
  run(process.execPath, ['--test', 'imports.test.mjs'], { cwd: consumer, show: true });
});

for (const resolution of ['bundler', 'nodenext']) {
  step(`(b) a TypeScript consumer type-checks (moduleResolution ${resolution})`, () => {
    run(join(consumer, 'node_modules/.bin/tsc'), ['-p', `tsconfig.${resolution}.json`], {
      cwd: consumer,
      show: true,
    });
  });
}

step('(c) Vite builds the consumer without a warning', () => {
  const { output } = run(join(consumer, 'node_modules/.bin/vite'), ['build'], {
    cwd: consumer,
    show: true,
  });
  check(!/warn/i.test(output), 'Vite printed a warning');
});

step('(c) importing a constant from fiskil-link/element bundles no element', () => {
  const outDir = join(scratch, 'codes-build');
  run(join(consumer, 'node_modules/.bin/vite'), ['build', '--outDir', outDir, '--emptyOutDir'], {
    cwd: consumer,
    show: true,
    env: { CONSUMER_PAGE: 'codes.html' },
  });
  const js = readdirSync(join(outDir, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => readFileSync(join(outDir, 'assets', name), 'utf8'))
    .join('\n');
  check(js.includes('LINK_INVALID_CONFIG'), 'the constant is not in the bundle');
  for (const trace of ['customElements', 'attachShadow', 'lit-html']) {
    check(!js.includes(trace), `the bundle still holds "${trace}": sideEffects let too much in`);
  }
});

step(
  '(c) Vite builds a React page with fiskil-link/react without a warning, the tag registered',
  () => {
    const outDir = join(scratch, 'react-build');
    const { output } = run(
      join(consumer, 'node_modules/.bin/vite'),
      ['build', '--outDir', outDir, '--emptyOutDir'],
      { cwd: consumer, show: true, env: { CONSUMER_PAGE: 'react.html' } },
    );
    check(!/warn/i.test(output), 'Vite printed a warning');
    const js = readdirSync(join(outDir, 'assets'))
      .filter((name) => name.endsWith('.js'))
      .map((name) => readFileSync(join(outDir, 'assets', name), 'utf8'))
      .join('\n');
    // The page uses the component alone: the tag is registered by importing it (sideEffects
    // need not name its module, which is used), not by the hook.
    check(js.includes('customElements.define('), 'the bundle does not register <fiskil-link>');
  },
);

step('(d) publint --strict', () => {
  run(bin('publint'), [tarball, '--strict'], { show: true });
});

step('(d) @arethetypeswrong/cli, profile esm-only', () => {
  run(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'ascii'], {
    show: true,
  });
});

step('npm publish --dry-run, with nothing for npm to correct', () => {
  const { output } = run('npm', ['publish', '--dry-run'], { show: true });
  // npm "corrects" a manifest it finds wrong as it publishes, dropping a bin for one.
  check(!/auto-corrected|errors corrected/.test(output), 'npm publish had to correct package.json');
});

if (process.env.PACKAGE_CHECK_KEEP) console.log(`\nscratch folder kept: ${scratch}`);
else rmSync(scratch, { recursive: true, force: true });

const failed = results.filter(([, ok]) => !ok);
console.log(
  `\npackage check: ${results.length - failed.length} of ${results.length} steps ok` +
    (failed.length ? `; failed: ${failed.map(([name]) => name).join('; ')}` : ''),
);
process.exit(failed.length ? 1 : 0);
