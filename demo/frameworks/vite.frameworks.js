// @ts-check
// What the framework apps need from Vite, shared by their production build
// (demo/frameworks/vite.config.ts, run by the e2e tests) and `npm start`'s dev server.
import { createReadStream, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/** The apps under demo/frameworks/, each at demo/frameworks/<name>/index.html. */
export const frameworkApps = ['static-esm', 'static-umd', 'vue', 'angular', 'svelte', 'react'];
/** The ones Vite builds; the static pages are served as they are (no build step). */
export const builtApps = ['vue', 'angular', 'svelte', 'react'];

/**
 * Vue and Svelte compile their own files; React's TSX and Angular's decorators need no plugin.
 * @returns {import('vite').PluginOption[]}
 */
export function frameworkPlugins() {
  return [
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'fiskil-link' } } }),
    svelte({ configFile: false }),
  ];
}

/**
 * The apps import the package by name, as a developer would: the built apps get
 * what npm publishes (dist/index.js), the dev server the live source.
 * @param {'dist' | 'src'} entry
 * @returns {import('vite').Alias}
 */
export function packageAlias(entry) {
  const file = entry === 'dist' ? '../../dist/index.js' : '../../src/index.ts';
  return { find: /^fiskil-link$/, replacement: fileURLToPath(new URL(file, import.meta.url)) };
}

/** @type {Record<string, string>} */
const CONTENT_TYPES = { js: 'text/javascript', css: 'text/css', html: 'text/html' };

/**
 * For a dev server rooted at demo/: serves the package's built files at /dist/
 * (the scripts, and the mobile bridge page dist/webview.html with its stylesheet),
 * where the static pages' `../../../dist/…` lands (run `npm run build` first).
 * @returns {import('vite').Plugin}
 */
export function servePackageDist() {
  const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
  return {
    name: 'fiskil-link-dist',
    configureServer(server) {
      server.middlewares.use('/dist', (req, res, next) => {
        const name = new URL(req.url ?? '/', 'http://x').pathname.slice(1);
        const type = /^[\w.-]+\.(js|css|html)(\.map)?$/.exec(name)?.[1];
        if (!type || !existsSync(dist + name)) return next();
        res.setHeader('content-type', `${CONTENT_TYPES[type]}; charset=utf-8`);
        createReadStream(dist + name).pipe(res);
      });
    },
  };
}
