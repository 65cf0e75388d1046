import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'lightningcss';
import MagicString from 'magic-string';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const OUT_DIR = 'dist';
// The later builds add their files beside the first one's (which empties dist/).
const ADDED_TO_DIST = {
  outDir: OUT_DIR,
  emptyOutDir: false,
  sourcemap: true,
  target: 'es2022',
} as const;

// Lit's own `@license` comments are kept as they are (output.comments.legal);
// this banner adds ours and says where the full texts are.
const LICENSE_BANNER =
  '/*! fiskil-link, MIT. Bundles Lit (@lit/reactive-element), BSD-3-Clause: see THIRD_PARTY_NOTICES.md */';

type Edit = [start: number, end: number, text: string];

/** Replaces the given ranges of a module's code, with a source map of the change. */
function edit(code: string, id: string, edits: Edit[]) {
  if (edits.length === 0) return null;
  const out = new MagicString(code);
  for (const [start, end, text] of edits) out.overwrite(start, end, text);
  return { code: out.toString(), map: out.generateMap({ hires: true, source: id }) };
}

// The JS minifier keeps Lit's css`` templates as written, whitespace and all;
// this minifies the stylesheet's text with lightningcss in the element's builds.
// Only templates without `${}` parts are touched (the styles have none).
function minifyCss(): Plugin {
  return {
    name: 'fiskil-link:minify-css',
    transform(code, id) {
      if (!/\/src\/[^/]+\.styles\.ts$/.test(id)) return null;
      const edits: Edit[] = [];
      for (const match of code.matchAll(/\bcss`([^`$]*)`/g)) {
        const start = match.index + 'css`'.length;
        const text = match[1]!;
        const { code: min } = transform({ filename: id, code: Buffer.from(text), minify: true });
        edits.push([start, start + text.length, min.toString().replace(/[`\\]/g, '\\$&')]);
      }
      return edit(code, id, edits);
    },
  };
}

/**
 * Records the SRI hash of a self-contained file in dist/integrity.json (read by
 * the README's CDN snippet, scripts/cdn-snippet.mjs). Each such build adds its
 * own entry; the first build of `npm run build` empties dist/, so none is stale.
 */
function integrity(): Plugin {
  return {
    name: 'fiskil-link:integrity',
    apply: 'build',
    writeBundle(_options, bundle) {
      const path = join(OUT_DIR, 'integrity.json');
      const hashes: Record<string, string> = existsSync(path)
        ? JSON.parse(readFileSync(path, 'utf8'))
        : {};
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const bytes = readFileSync(join(OUT_DIR, file.fileName));
        hashes[file.fileName] = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
      }
      const sorted = Object.fromEntries(
        Object.entries(hashes).sort(([a], [b]) => (a < b ? -1 : 1)),
      );
      writeFileSync(path, `${JSON.stringify(sorted, null, 2)}\n`);
    },
  };
}

/** A file for pages with no build step: Lit's reactive base included, minified, its hash in dist/integrity.json. */
function selfContained(format: 'es' | 'umd', fileName: string): UserConfig {
  return {
    plugins: [minifyCss(), integrity()],
    build: {
      ...ADDED_TO_DIST,
      lib: {
        entry: 'src/index.ts',
        name: 'FiskilLink',
        formats: [format],
        fileName: () => fileName,
      },
      rolldownOptions: {
        // Vite keeps whitespace in ES library builds for the sake of bundlers;
        // these files are for pages with no bundler, so they are minified fully.
        output: {
          minify: true,
          banner: LICENSE_BANNER,
          comments: { legal: true, annotation: false, jsdoc: false },
        },
      },
    },
  };
}

// The production build's entry points, each at dist/<name>.js beside its types.
const ENTRIES = [
  'index',
  'element',
  'testing/index',
  'testing/playwright',
  'server/index',
  'react/index',
];

/**
 * One config, one library build per mode (`vite build --mode <name>`; the
 * `build` script in package.json runs each). A new output is a new row.
 */
const BUILDS: Record<string, () => UserConfig> = {
  // For bundlers: Lit (`@lit/reactive-element`) stays an import. `index` registers the element,
  // `element` (the side-effect-free entry) does not. One file per module, so
  // that a bundler drops what an importer does not use (package.json
  // `sideEffects` names index.js alone); the modules go under lib/, clear of
  // the self-contained dist/fiskil-link.js.
  production: () => ({
    plugins: [minifyCss()],
    build: {
      outDir: OUT_DIR,
      sourcemap: true,
      minify: false,
      target: 'es2022',
      lib: {
        entry: {
          index: 'src/index.ts',
          element: 'src/element.ts',
          // fiskil-link/testing and fiskil-link/testing/playwright (docs/testing.md).
          'testing/index': 'src/testing/index.ts',
          'testing/playwright': 'src/testing/playwright.ts',
          // fiskil-link/server, the backend's client (docs/server.md): no Lit, no element.
          'server/index': 'src/server/index.ts',
          // fiskil-link/react (docs/frameworks/react.md); React and @lit/react are the app's.
          'react/index': 'src/react/index.ts',
        },
        formats: ['es'],
      },
      rolldownOptions: {
        external: [/^lit($|\/)/, /^@lit\//, /^react($|\/)/, /^react-dom($|\/)/],
        // Each module is a file of its own (preserveModules), so the React entry's
        // 'use client' stays at the top of each (test/node/ssr-import.test.js reads it).
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.id?.includes('/src/react/')) return;
          handler(level, log);
        },
        output: {
          preserveModules: true,
          preserveModulesRoot: 'src',
          entryFileNames: ({ name }) => (ENTRIES.includes(name) ? '[name].js' : 'lib/[name].js'),
        },
      },
    },
  }),
  bundle: () => selfContained('es', 'fiskil-link.js'),
  umd: () => selfContained('umd', 'fiskil-link.umd.js'),
  // The mobile bridge page (docs/mobile.md), all of it in src/webview/. Its
  // script is a classic one (IIFE), since WebViews refuse module scripts from
  // file: URLs; the page and its stylesheet are copied from src/webview/public/
  // as they are.
  webview: () => ({
    publicDir: 'src/webview/public',
    build: {
      ...ADDED_TO_DIST,
      lib: {
        entry: 'src/webview/index.ts',
        formats: ['iife'],
        name: 'FiskilLinkWebViewPage',
        fileName: () => 'webview.js',
      },
    },
  }),
};

export default defineConfig(({ command, mode }) => {
  if (command === 'serve') return { server: { host: '127.0.0.1', open: false } };
  const build = BUILDS[mode];
  if (!build)
    throw new Error(
      `vite.config.ts: no build for --mode ${mode} (one of ${Object.keys(BUILDS).join(', ')})`,
    );
  return build();
});
