// Fails the test in which the element makes Lit warn (dev mode only: Lit's
// production build has no warnings). Lit's own "dev mode" notice, printed once
// when Lit loads, is not the element's doing.
const caused: string[] = [];
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  const text = args.map(String).join(' ');
  if (text.includes('lit.dev/msg/') && !text.includes('lit.dev/msg/dev-mode')) caused.push(text);
  warn(...args);
};

afterEach(function () {
  const warnings = caused.splice(0);
  if (warnings.length) {
    throw new Error(`"${this.currentTest?.fullTitle()}" made Lit warn:\n${warnings.join('\n')}`);
  }
});
