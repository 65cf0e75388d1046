import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { FiskilLink } from '../src/index.js';
import {
  dialogOf,
  frameOf,
  hostedPost,
  hostedUrl,
  openFlow,
  postFromProvider,
  recordEvents,
} from './helpers.js';
import { watchPage } from './watch-page.js';

const success = { isCompleted: true, consentID: 'con_1' };

describe('<fiskil-link> under hostile input', () => {
  describe('races', () => {
    it('completion and cancel() in the same task: the completion wins, once', async () => {
      const el = await openFlow();
      const events = recordEvents(el);
      postFromProvider(el, success);
      el.cancel();
      el.cancel();
      await aTimeout(0);
      expect(events).to.deep.equal(['consent', 'link-close']);
    });

    it('cancel() and completion in the same task: the cancel wins, once', async () => {
      const el = await openFlow();
      const events = recordEvents(el);
      el.cancel();
      postFromProvider(el, success);
      await aTimeout(0);
      expect(events).to.deep.equal(['link-error', 'link-close']);
    });

    it('a real completion that arrives as the element is removed: nothing', async () => {
      // Added before the element's own listener, so it runs first in the very
      // task that delivers the hosted page's message.
      let frameWindow: Window | null = null;
      let el: FiskilLink | undefined;
      const removeFirst = (event: MessageEvent) => {
        if (frameWindow && event.source === frameWindow) el!.remove();
      };
      window.addEventListener('message', removeFirst);
      try {
        el = await openFlow();
        frameWindow = frameOf(el)!.contentWindow!;
        const events = recordEvents(el);
        const delivered = new Promise((resolve) => {
          window.addEventListener('message', resolve, { once: true });
        });
        hostedPost(el, success);
        await delivered;
        await aTimeout(0);
        expect(el.isConnected).to.equal(false);
        expect(events).to.deep.equal([]);
      } finally {
        window.removeEventListener('message', removeFirst);
      }
    });

    it('two completions in one task: exactly one outcome', async () => {
      const el = await openFlow();
      const events = recordEvents(el);
      const consents: string[] = [];
      el.addEventListener('consent', (e) => consents.push(e.detail.consentID));
      postFromProvider(el, { isCompleted: true, consentID: 'first' });
      postFromProvider(el, { isCompleted: true, consentID: 'second' });
      postFromProvider(el, { isCompleted: false, error: 'x', errorType: 'CONSENT_TIMEOUT' });
      await aTimeout(0);
      expect(consents).to.deep.equal(['first']);
      expect(events).to.deep.equal(['consent', 'link-close']);
    });

    it('a new session-id in the same task as a completion: one outcome, then the new flow', async () => {
      const el = await openFlow('ses_old');
      const events = recordEvents(el);
      el.sessionId = 'ses_new';
      postFromProvider(el, success);
      await el.updateComplete;
      await aTimeout(0);
      expect(events).to.deep.equal(['consent', 'link-close', 'link-open']);
      expect(frameOf(el)!.src).to.contain('sess_id=ses_new');
      expect(dialogOf(el).open).to.equal(true);
      // The new flow is alive and reports its own outcome.
      const consent = oneEvent(el, 'consent');
      postFromProvider(el, { isCompleted: true, consentID: 'con_new' });
      expect((await consent).detail.consentID).to.equal('con_new');
    });

    it('a completion then a new session-id in the same task: one outcome, then the new flow', async () => {
      const el = await openFlow('ses_old');
      const events = recordEvents(el);
      postFromProvider(el, success);
      el.sessionId = 'ses_new';
      await el.updateComplete;
      await aTimeout(0);
      expect(events).to.deep.equal(['consent', 'link-close', 'link-open']);
      expect(frameOf(el)!.src).to.contain('sess_id=ses_new');
      expect(dialogOf(el).open).to.equal(true);
    });
  });

  // Every rule is in test/config.test.ts; here, what the element does with odd values.
  describe('configuration', () => {
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
