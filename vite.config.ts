import { defineConfig } from 'vite';

const LICENSE_BANNER =
  '/*! fiskil-link, MIT License. Includes Lit, BSD-3-Clause, Copyright Google LLC. */';

// One config, three library builds (API.md "Build outputs"), chosen by --mode:
// the default build is for bundlers (lit stays an import), `bundle` and `umd`
// are self-contained files for pages with no build step.
export default defineConfig(({ command, mode }) => {
  if (command === 'serve') return { server: { host: '127.0.0.1', open: false } };

  if (mode === 'bundle' || mode === 'umd') {
    return {
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
