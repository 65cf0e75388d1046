import { expect, fixture, html } from '@open-wc/testing';
import type { FiskilLink } from '../src/index.js';
import '../src/index.js';
import './lit-warnings.js';

// The module keeps one Set of origins per page, so each test uses origins of its own.
let n = 0;
const freshOrigin = () => `https://p${++n}-${Date.now()}.preconnect.test`;

function preconnectsTo(origin: string): HTMLLinkElement[] {
  return [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="preconnect"]')].filter(
    (link) => link.href === `${origin}/`,
  );
}

describe('<fiskil-link> performance', () => {
  describe('preconnect', () => {
    it('adds a preconnect to the auth server origin before there is a session id', async () => {
      const origin = freshOrigin();
      const el = await fixture<FiskilLink>(
        html`<fiskil-link auth-server=${`${origin}/flow?x=1`}></fiskil-link>`,
      );
      expect(el.sessionId).to.equal('');
      const links = preconnectsTo(origin);
      expect(links).to.have.length(1);
      expect(links[0]!.getAttribute('href')).to.equal(origin);
      expect(links[0]!.hasAttribute('crossorigin')).to.equal(false);
    });

    it('adds one link per origin however many elements use it', async () => {
      const origin = freshOrigin();
      await fixture(
        html`<div>
          <fiskil-link auth-server=${origin}></fiskil-link>
          <fiskil-link auth-server=${`${origin}/other/path`}></fiskil-link>
          <fiskil-link auth-server=${origin}></fiskil-link>
        </div>`,
      );
      expect(preconnectsTo(origin)).to.have.length(1);
    });

    it('adds one link for each distinct origin', async () => {
      const [a, b] = [freshOrigin(), freshOrigin()];
      await fixture(
        html`<div>
          <fiskil-link auth-server=${a}></fiskil-link>
          <fiskil-link auth-server=${b}></fiskil-link>
        </div>`,
      );
      expect(preconnectsTo(a)).to.have.length(1);
      expect(preconnectsTo(b)).to.have.length(1);
    });

    it('adds the default auth server origin when auth-server is not set', async () => {
      await fixture(html`<fiskil-link></fiskil-link>`);
      expect(preconnectsTo('https://auth.fiskil.com')).to.have.length(1);
    });

    it('follows a change of auth-server after it is on the page', async () => {
      const [a, b] = [freshOrigin(), freshOrigin()];
      const el = await fixture<FiskilLink>(html`<fiskil-link auth-server=${a}></fiskil-link>`);
      el.authServer = b;
      await el.updateComplete;
      expect(preconnectsTo(b)).to.have.length(1);
    });

    it('does not add a second link when the page already preconnects to the origin', async () => {
      const origin = freshOrigin();
      const own = document.createElement('link');
      own.rel = 'preconnect';
      own.href = origin;
      document.head.append(own);
      try {
        await fixture(html`<fiskil-link auth-server=${origin}></fiskil-link>`);
        expect(preconnectsTo(origin)).to.deep.equal([own]);
      } finally {
        own.remove();
      }
    });

    it('adds nothing with no-preconnect', async () => {
      const origin = freshOrigin();
      const el = await fixture<FiskilLink>(
        html`<fiskil-link no-preconnect auth-server=${origin}></fiskil-link>`,
      );
      expect(el.noPreconnect).to.equal(true);
      el.authServer = `${origin}/again`;
      await el.updateComplete;
      expect(preconnectsTo(origin)).to.have.length(0);
    });

    it('adds nothing for an auth server it would refuse to load', async () => {
      const before = document.head.querySelectorAll('link[rel="preconnect"]').length;
      await fixture(
        html`<div>
          <fiskil-link auth-server="http://example.com"></fiskil-link>
          <fiskil-link auth-server="javascript:alert(1)"></fiskil-link>
          <fiskil-link auth-server="not a url"></fiskil-link>
        </div>`,
      );
      expect(document.head.querySelectorAll('link[rel="preconnect"]').length).to.equal(before);
    });
  });

  describe('styles', () => {
    it('shares one adopted stylesheet between all elements on the page', async () => {
      const wrapper = await fixture(
        html`<div><fiskil-link></fiskil-link><fiskil-link></fiskil-link></div>`,
      );
      const [a, b] = wrapper.querySelectorAll('fiskil-link');
      const sheetsA = a!.shadowRoot!.adoptedStyleSheets;
      const sheetsB = b!.shadowRoot!.adoptedStyleSheets;
      expect(sheetsA).to.have.length(1);
      expect(sheetsB[0]).to.equal(sheetsA[0]);
      expect(a!.shadowRoot!.querySelector('style')).to.equal(null);
    });
  });
});
