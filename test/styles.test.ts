import { expect } from '@open-wc/testing';
import { FiskilLink } from '../src/index.js';

// The stylesheet and the documentation (JSDoc → custom-elements.json → docs/styling.md) agree.
describe('<fiskil-link> custom properties', () => {
  it('documents every custom property the stylesheet reads, with the default it falls back to', async () => {
    const manifest = await (await fetch('/custom-elements.json')).json();
    const declaration = manifest.modules
      .flatMap((m: { declarations?: unknown[] }) => m.declarations ?? [])
      .find((d: { tagName?: string }) => d.tagName === 'fiskil-link');
    const documented = new Map<string, string>(
      declaration.cssProperties.map((p: { name: string; default: string }) => [p.name, p.default]),
    );
    const css = String(FiskilLink.styles);
    const used = new Map<string, string[]>();
    for (const [, name, fallback] of css.matchAll(
      /var\((--fiskil-link-[a-z-]+),\s*([^;]+?)\)(?=[;\s}])/g,
    )) {
      used.set(name!, [...(used.get(name!) ?? []), fallback!.trim()]);
    }
    expect([...used.keys()].sort()).to.deep.equal([...documented.keys()].sort());
    const normalise = (value: string) => value.replace(/\s+/g, '').toLowerCase();
    for (const [name, fallbacks] of used) {
      for (const fallback of fallbacks) {
        expect(normalise(fallback), name).to.equal(normalise(documented.get(name)!));
      }
    }
  });
});
