// Imports one specifier in a fresh Node process and reports what it did, so
// that one import's side effects cannot hide another's (imports.test.mjs).
const specifier = process.argv[2];
const mod = await import(specifier);
let linkOutcome = null;
if (typeof mod.link === 'function') {
  linkOutcome = await mod.link('ses_1').then(
    () => 'resolved',
    (error) => `${error.name} ${error.code}`,
  );
}
console.log(
  JSON.stringify({
    resolved: import.meta.resolve(specifier),
    names: Object.keys(mod).sort(),
    // Lit's Node build brings a DOM shim with a `customElements` registry.
    registered: globalThis.customElements?.get('fiskil-link') !== undefined,
    linkOutcome,
  }),
);
