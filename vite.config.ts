import { minifyHTMLLiterals } from 'minify-literals';
import { defineConfig, type Plugin } from 'vite';

const LICENSE_BANNER =
  '/*! fiskil-link, MIT License. Includes Lit, BSD-3-Clause, Copyright Google LLC. */';

// The JS minifier keeps Lit's css`` and html`` templates as written, whitespace
// and all; this minifies their text (lightningcss for CSS, an HTML minifier for
// markup) in every build.
function minifyLiterals(): Plugin {
  return {
    name: 'fiskil-link:minify-literals',
    async transform(code, id) {
      if (!/\/src\/[^/]+\.ts$/.test(id)) return null;
      const result = await minifyHTMLLiterals(code, { fileName: id });
      return result && { code: result.code, map: result.map };
    },
  };
}

// One config, three library builds (API.md "Build outputs"), chosen by --mode:
// the default build is for bundlers (lit stays an import), `bundle` and `umd`
// are self-contained files for pages with no build step.
export default defineConfig(({ command, mode }) => {
  if (command === 'serve') return { server: { host: '127.0.0.1', open: false } };

  if (mode === 'bundle' || mode === 'umd') {
    return {
      plugins: [minifyLiterals()],
      build: {
        emptyOutDir: false,
        sourcemap: true,
        target: 'es2022',
        lib: {
          entry: 'src/index.ts',
          name: 'FiskilLink',
          formats: [mode === 'umd' ? 'umd' : 'es'],
          fileName: () => (mode === 'umd' ? 'fiskil-link.umd.js' : 'fiskil-link.js'),
        },
        rolldownOptions: {
          // Vite keeps whitespace in ES library builds for the sake of bundlers;
          // this file is for pages with no bundler, so it is minified fully.
          output: { minify: true, banner: LICENSE_BANNER },
        },
      },
    };
  }

  if (mode === 'webview') return webviewBuild;

  return {
    plugins: [minifyLiterals()],
    build: {
      sourcemap: true,
      minify: false,
      target: 'es2022',
      lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'index.js' },
      rolldownOptions: { external: [/^lit($|\/)/, /^@lit\//] },
    },
  };
});

// `--mode webview`: the mobile bridge page (docs/mobile.md). Its script is a
// classic one (IIFE), since WebViews refuse module scripts from file: URLs; the
// page and its stylesheet are copied from webview/ as they are.
const webviewBuild = {
  publicDir: 'webview',
  build: {
    emptyOutDir: false,
    sourcemap: true,
    target: 'es2022',
    lib: {
      entry: 'src/webview/index.ts',
      formats: ['iife' as const],
      name: 'FiskilLinkWebViewPage',
      fileName: () => 'webview.js',
    },
  },
};
