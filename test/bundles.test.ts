import { expect, waitUntil } from '@open-wc/testing';

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

  // The built files build the shadow tree with minified DOM calls
  // (src/view.ts): every part, attribute and word must survive.
  it('the built template renders every part, name and notice of the source', async () => {
    const el = document.createElement('fiskil-link') as HTMLElement & {
      cancel(): void;
      updateComplete: Promise<boolean>;
    };
    el.setAttribute('auth-server', `http://localhost:${location.port}/test/stall`);
    el.setAttribute('load-timeout', '150');
    document.body.append(el);
    el.setAttribute('session-id', `ses_built_${Math.random().toString(36).slice(2)}`);
    await el.updateComplete;
    const root = el.shadowRoot!;
    const dialog = root.querySelector('dialog[part="dialog"]')!;
    expect(dialog.getAttribute('aria-label')).to.equal('Connect your account');
    expect(dialog.getAttribute('tabindex')).to.equal('-1');
    const close = root.querySelector('button.close[part="close"]')!;
    expect(close.getAttribute('type')).to.equal('button');
    expect(close.getAttribute('aria-label')).to.equal('Close');
    expect(close.querySelector('svg[viewBox="0 0 24 24"][aria-hidden="true"] path')).to.exist;
    const frame = root.querySelector<HTMLIFrameElement>('iframe[part="frame"]')!;
    expect(frame.title).to.equal('Fiskil: connect your account');
    const status = root.querySelector('div.loading[part="loading"][role="status"]')!;
    expect(status.querySelector('.card .spinner[aria-hidden="true"]')).to.exist;
    expect(status.textContent!.trim()).to.equal('Loading secure connection…');
    await waitUntil(() => status.querySelectorAll('button').length === 2, 'no stalled notice', {
      timeout: 20000,
    });
    expect([...status.querySelectorAll('button')].map((b) => b.textContent)).to.deep.equal([
      'Try again',
      'Close',
    ]);
    expect(status.querySelector('span')!.textContent).to.equal(
      'The secure connection is taking too long.',
    );
    el.cancel();
    el.remove();
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
