import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Alias, PluginOption } from 'vite';

/** The apps under demo/frameworks/, each at demo/frameworks/<name>/index.html. */
export const frameworkApps = ['static-esm', 'static-umd', 'vue', 'angular', 'svelte', 'react'];
/** The ones Vite builds; the static pages are served as they are (no build step). */
export const builtApps = ['vue', 'angular', 'svelte', 'react'];

/** Vue and Svelte compile their own files; React's TSX and Angular's decorators need no plugin. */
export function frameworkPlugins(): PluginOption[] {
  return [
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'fiskil-link' } } }),
    svelte({ configFile: false }),
  ];
}

/**
 * The apps import the package by name, as a developer would: the built apps get
 * what npm publishes (dist/index.js), the dev server the live source.
 */
export function packageAlias(entry: 'dist' | 'src'): Alias {
  const file = entry === 'dist' ? '../../dist/index.js' : '../../src/index.ts';
  return { find: /^fiskil-link$/, replacement: fileURLToPath(new URL(file, import.meta.url)) };
}
