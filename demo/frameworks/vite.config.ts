import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { builtApps, frameworkPlugins, packageAlias } from './vite.frameworks.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

// Production builds of the framework apps (their e2e tests run these), under
// demo/frameworks/<name>/ in outDir, so the static pages can sit beside them.
export default defineConfig({
  root,
  base: '/',
  plugins: frameworkPlugins(),
  logLevel: 'warn',
  resolve: { alias: [packageAlias('dist')] },
  build: {
    outDir: 'demo/frameworks/.build',
    emptyOutDir: true,
    target: 'es2022',
    // Angular compiles its templates in the browser (JIT), so its app carries the compiler.
    chunkSizeWarningLimit: 1100,
    rolldownOptions: {
      input: Object.fromEntries(
        builtApps.map((name) => [name, `${root}/demo/frameworks/${name}/index.html`]),
      ),
    },
  },
});
