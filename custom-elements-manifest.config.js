import { readFileSync, writeFileSync } from 'node:fs';
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';

// Framework type integrations, generated from this manifest into types/ (shipped
// in the package). Their element and detail types come from dist/index.d.ts.
// types/react.d.ts, preact.d.ts, solid.d.ts and svelte.d.ts are a few hand-kept
// lines that plug the generated jsx.d.ts into each framework's JSX namespace.
const outdir = './types';
const common = { outdir, globalTypePath: '../dist/index.js', hideLogs: true };

/**
 * The Vue generator names handlers `onconsent` / `onlink-error`, but Vue's
 * template checker maps `@consent` / `@link-error` to `onConsent` /
 * `onLinkError`: without this rename vue-tsc leaves every handler untyped.
 */
function vueHandlerNames(file) {
  return {
    name: 'vue-handler-names',
    packageLinkPhase() {
      const path = `${outdir}/${file}`;
      const camel = (name) => name.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase());
      const text = readFileSync(path, 'utf8').replace(
        /^(\s*)"?on([a-z][a-z-]*)"?\?:/gm,
        (_, indent, event) => `${indent}on${camel(event)}?:`,
      );
      writeFileSync(path, text);
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    customElementVuejsPlugin({ ...common, fileName: 'vue.d.ts' }),
    vueHandlerNames('vue.d.ts'),
    customElementJsxPlugin({ ...common, fileName: 'jsx.d.ts' }),
    customElementVsCodePlugin({
      outdir,
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: 'vscode.css-custom-data.json',
      hideLogs: true,
    }),
  ],
};
