import { defineConfig } from 'vite';

// One config, three library builds (API.md "Build outputs"), chosen by --mode:
// the default build is for bundlers (lit stays an import), `bundle` and `umd`
// are self-contained files for pages with no build step.
export default defineConfig(({ command, mode }) => {
  if (command === 'serve') return { root: 'demo', server: { host: '127.0.0.1' } };

  if (mode === 'bundle' || mode === 'umd') {
    return {
      build: {
        emptyOutDir: false,
        sourcemap: true,
        target: 'es2021',
        lib: {
          entry: 'src/index.ts',
          name: 'FiskilLink',
          formats: [mode === 'umd' ? 'umd' : 'es'],
          fileName: () => (mode === 'umd' ? 'fiskil-link.umd.js' : 'fiskil-link.js'),
        },
      },
    };
  }

  return {
    build: {
      sourcemap: true,
      minify: false,
      target: 'es2021',
      lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'index.js' },
      rolldownOptions: { external: [/^lit($|\/)/, /^@lit\//] },
    },
  };
});
