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
 * The Vue generator keys props by attribute name (`session-id`) and handlers by
 * `on` + event name (`onconsent`, `onlink-error`), but Vue's template checker
 * normalises `:session-id` to `sessionId` and `@link-error` to `onLinkError`:
 * without this rename vue-tsc rejects `:session-id` and leaves handlers untyped.
 */
function vueNames(file) {
  const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
  const pascal = (name) => camel(name).replace(/^[a-z]/, (c) => c.toUpperCase());
  return {
    name: 'vue-names',
    packageLinkPhase({ customElementsManifest }) {
      const path = `${outdir}/${file}`;
      let text = readFileSync(path, 'utf8');
      const declarations = customElementsManifest.modules.flatMap((m) => m.declarations ?? []);
      for (const { attributes = [], events = [] } of declarations) {
        for (const { name } of attributes) {
          text = text.replaceAll(`"${name}"?:`, `${camel(name)}?:`);
        }
        for (const { name } of events) {
          text = text.replace(new RegExp(`^(\\s*)"?on${name}"?\\?:`, 'm'), `$1on${pascal(name)}?:`);
        }
      }
      writeFileSync(path, text);
    },
  };
}

/**
 * The manifest is the public surface: private (`#`) and `protected` members are
 * implementation, and listing them would make every internal edit change a
 * published file.
 */
const publicSurfaceOnly = {
  name: 'public-surface-only',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (!declaration.members) continue;
        declaration.members = declaration.members.filter(
          (member) =>
            !member.name.startsWith('#') &&
            member.privacy !== 'private' &&
            member.privacy !== 'protected',
        );
      }
    }
  },
};

export default {
  globs: ['src/**/*.ts'],
  // The mobile bridge page's script and message types are not the element's API (docs/mobile.md).
  // The testing kits are for integrators' tests, and the server client for their backends:
  // neither is the element's API.
  exclude: [
    'src/**/*.styles.ts',
    'src/webview/**',
    'src/webview-message.ts',
    'src/testing/**',
    'src/server/**',
  ],
  outdir: '.',
  litelement: true,
  plugins: [
    publicSurfaceOnly,
    customElementVuejsPlugin({ ...common, fileName: 'vue.d.ts' }),
    vueNames('vue.d.ts'),
    customElementJsxPlugin({ ...common, fileName: 'jsx.d.ts' }),
    customElementVsCodePlugin({
      outdir,
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: 'vscode.css-custom-data.json',
      hideLogs: true,
    }),
  ],
};
