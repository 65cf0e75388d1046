import { expect } from '@open-wc/testing';

// Runs against the built files (`npm test` builds first): the UMD global, and
// two copies of the element on one page.
function loadClassicScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

declare global {
  interface Window {
    FiskilLink?: Record<string, unknown>;
  }
}

describe('built files', () => {
  it('the UMD file registers the element and exposes the global FiskilLink', async () => {
    await loadClassicScript('/dist/fiskil-link.umd.js');
    expect(customElements.get('fiskil-link')).to.be.a('function');
    const global = window.FiskilLink!;
    expect(global.link).to.be.a('function');
    expect(global.FiskilLink).to.equal(customElements.get('fiskil-link'));
    expect(global.LinkError).to.be.a('function');
    expect(global.ConsentEvent).to.be.a('function');
  });

  it('a second copy (the ESM file) loads on the same page without throwing', async () => {
    const first = customElements.get('fiskil-link');
    const esm = await import(/* @vite-ignore */ `${location.origin}/dist/fiskil-link.js`);
    expect(esm.link).to.be.a('function');
    expect(customElements.get('fiskil-link')).to.equal(first);
  });

  it('the ESM file exports the same names as the UMD global', async () => {
    const esm = await import(/* @vite-ignore */ `${location.origin}/dist/fiskil-link.js`);
    expect(Object.keys(esm).sort()).to.deep.equal(Object.keys(window.FiskilLink!).sort());
  });

  it('a third copy (the source) loads too', async () => {
    const first = customElements.get('fiskil-link');
    await import('../src/index.js');
    expect(customElements.get('fiskil-link')).to.equal(first);
  });

  it('an element from the first copy runs a flow', async () => {
    const el = document.createElement('fiskil-link') as HTMLElement & { open(): void };
    const error = new Promise<CustomEvent>((resolve) =>
      el.addEventListener('link-error', (e) => resolve(e as CustomEvent), { once: true }),
    );
    document.body.append(el);
    el.open();
    expect((await error).detail.code).to.equal('LINK_INVALID_CONFIG');
    el.remove();
  });
});
