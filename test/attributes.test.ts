import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { FiskilLink, LinkError } from '../src/index.js';
import {
  dialogOf,
  frameOf,
  hostedLocation,
  hostedOrigin,
  hostedUrl,
  openFlow,
  recordEvents,
} from './helpers.js';
import { watchPage } from './watch-page.js';

describe('<fiskil-link> attributes and properties', () => {
  describe('reading them', () => {
    it('defaults to Fiskil itself, ten minutes and no preload', async () => {
      const el = await fixture<FiskilLink>(html`<fiskil-link></fiskil-link>`);
      expect(el.authServer).to.equal('https://auth.fiskil.com');
      expect(el.allowedOrigin).to.equal('');
      expect(el.timeout).to.equal(600000);
      expect(el.preload).to.equal(false);
      expect(el.sessionId).to.equal('');
    });

    it('loads nothing and shows nothing without a session id', async () => {
      const el = await fixture<FiskilLink>(html`<fiskil-link></fiskil-link>`);
      expect(frameOf(el)).to.equal(null);
      expect(dialogOf(el).open).to.equal(false);
    });

    it('loads the auth server with sess_id when a session id is set', async () => {
      const el = await openFlow('ses_abc');
      expect(frameOf(el)!.src).to.equal(`${hostedUrl}?sess_id=ses_abc`);
      expect((await hostedLocation(el)).sessId).to.equal('ses_abc');
    });

    for (const id of ['a&b=c', 'x#frag', 'with space', 'ünïcødé✓', '100%', '+plus']) {
      it(`encodes the session id ${JSON.stringify(id)} so the hosted page reads it back unchanged`, async () => {
        const el = await openFlow(id);
        expect((await hostedLocation(el)).sessId).to.equal(id);
      });
    }

    it('keeps the path and query of an auth server that has them', async () => {
      const el = await fixture<FiskilLink>(
        html`<fiskil-link auth-server=${`${hostedUrl}?extra=kept`}></fiskil-link>`,
      );
      const loaded = oneEvent(el, 'link-load');
      el.sessionId = 'ses_q';
      await loaded;
      const where = await hostedLocation(el);
      expect(where.pathname).to.equal('/test/fixtures/hosted.html');
      expect(where.extra).to.equal('kept');
      expect(where.sessId).to.equal('ses_q');
    });

    it('reads session-id, allowed-origin, auth-server, timeout and preload from attributes', async () => {
      const el = await fixture<FiskilLink>(
        html`<fiskil-link
          preload
          timeout="1234"
          auth-server=${hostedUrl}
          allowed-origin=${hostedOrigin}
          session-id="ses_attr"
        ></fiskil-link>`,
      );
      expect(el.sessionId).to.equal('ses_attr');
      expect(el.allowedOrigin).to.equal(hostedOrigin);
      expect(el.authServer).to.equal(hostedUrl);
      expect(el.timeout).to.equal(1234);
      expect(el.preload).to.equal(true);
    });

    it('trims a session id', async () => {
      const el = await fixture<FiskilLink>(
        html`<fiskil-link
          auth-server=${hostedUrl}
          session-id="  ses_t 
"
        ></fiskil-link>`,
      );
      await el.updateComplete;
      expect(new URL(frameOf(el)!.src).searchParams.get('sess_id')).to.equal('ses_t');
    });

    it('treats a whitespace-only session id as none: nothing loads, nothing is reported', async () => {
      const el = await fixture<FiskilLink>(
        html`<fiskil-link
          session-id=" 	
 "
        ></fiskil-link>`,
      );
      const events = recordEvents(el);
      await el.updateComplete;
      expect(frameOf(el)).to.equal(null);
      expect(events).to.deep.equal([]);
    });
  });

  // Every rule is in test/config.test.ts; these prove what a broken rule does to the element.
  describe('invalid configuration', () => {
    for (const [attribute, value] of [
      ['auth-server', 'javascript:alert(1)'],
      ['allowed-origin', '*'],
      ['timeout', 'soon'],
    ]) {
      it(`rejects ${attribute}="${value}" with one LINK_INVALID_CONFIG and loads nothing`, async () => {
        const el = document.createElement('fiskil-link');
        el.setAttribute(attribute, value);
        el.setAttribute('session-id', 'ses_bad');
        const events = recordEvents(el);
        const error = oneEvent(el, 'link-error');
        document.body.append(el);
        try {
          const { detail } = await error;
          expect(detail).to.be.instanceOf(LinkError);
          expect(detail.name).to.equal('LinkError');
          expect(detail.code).to.equal('LINK_INVALID_CONFIG');
          expect(detail.message).to.contain(attribute);
          expect(detail.retryable).to.equal(false);
          expect(detail.displayMessage).to.not.contain(attribute);
          await el.updateComplete;
          await aTimeout(0);
          expect(frameOf(el)).to.equal(null);
          expect(dialogOf(el).open).to.equal(false);
          expect(events).to.deep.equal(['link-error']);
        } finally {
          el.remove();
        }
      });
    }

    it('gives LINK_INVALID_CONFIG for open() without a session id', async () => {
      const el = await fixture<FiskilLink>(html`<fiskil-link></fiskil-link>`);
      const error = oneEvent(el, 'link-error');
      el.open();
      const { detail } = await error;
      expect(detail.code).to.equal('LINK_INVALID_CONFIG');
      expect(detail.message).to.contain('session-id');
      await el.updateComplete;
      expect(frameOf(el)).to.equal(null);
    });

    // Properties can be set to anything by script; none may throw into the page.
    for (const property of ['sessionId', 'authServer', 'allowedOrigin', 'timeout'] as const) {
      it(`gives LINK_INVALID_CONFIG, not an exception, for ${property} set to a Symbol`, async () => {
        const page = watchPage();
        const el = await fixture<FiskilLink>(
          html`<fiskil-link auth-server=${hostedUrl} session-id="ses_hostile"></fiskil-link>`,
        );
        el.cancel();
        await el.updateComplete;
        const events = recordEvents(el);
        const error = oneEvent(el, 'link-error');
        (el as unknown as Record<string, unknown>)[property] = Symbol('x');
        // A new session id starts a flow by itself; other settings are read by the next one.
        if (property !== 'sessionId') el.open();
        const { detail } = await error;
        expect(detail.code).to.equal('LINK_INVALID_CONFIG');
        expect(detail.message).to.match(/session-id|auth-server|allowed-origin|timeout/);
        await el.updateComplete;
        expect(frameOf(el)).to.equal(null);
        expect(events).to.deep.equal(['link-error']);
        await page.expectClean();
      });
    }
  });
});
