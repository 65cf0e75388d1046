import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { FiskilLink, LinkErrorEvent } from '../src/index.js';
import {
  dialogOf,
  frameOf,
  hostedLocation,
  hostedPost,
  hostedUrl,
  openFlow,
  recordEvents,
} from './helpers.js';

const success = { isCompleted: true, consentID: 'con_1', redirectURL: '/done' };

describe('<fiskil-link> a flow, from open to close', () => {
  describe('ending a flow', () => {
    it('dispatches link-open, link-load, the outcome, then link-close', async () => {
      const el = await fixture<FiskilLink>(
        html`<fiskil-link auth-server=${hostedUrl}></fiskil-link>`,
      );
      const events = recordEvents(el);
      const loaded = oneEvent(el, 'link-load');
      el.sessionId = 'ses_order';
      await loaded;
      const closed = oneEvent(el, 'link-close');
      hostedPost(el, success);
      await closed;
      expect(events).to.deep.equal(['link-open', 'link-load', 'consent', 'link-close']);
      await el.updateComplete;
      expect(frameOf(el)).to.equal(null);
      expect(dialogOf(el).open).to.equal(false);
    });

    it('times out with LINK_TIMEOUT', async () => {
      const el = await fixture<FiskilLink>(
        html`<fiskil-link timeout="50" auth-server=${hostedUrl}></fiskil-link>`,
      );
      const events = recordEvents(el);
      const error = oneEvent(el, 'link-error');
      el.sessionId = 'ses_slow';
      expect((await error).detail.code).to.equal('LINK_TIMEOUT');
      expect(dialogOf(el).open).to.equal(false);
      expect(events.slice(-2)).to.deep.equal(['link-error', 'link-close']);
    });

    it('cancel() closes the modal, then dispatches LINK_USER_CANCELLED and link-close', async () => {
      const el = await openFlow();
      let openWhenErrored: boolean | undefined;
      el.addEventListener('link-error', () => (openWhenErrored = dialogOf(el).open));
      const events = recordEvents(el);
      el.cancel();
      expect(events).to.deep.equal(['link-error', 'link-close']);
      expect(openWhenErrored).to.equal(false);
      el.cancel();
      expect(events).to.have.length(2);
    });

    it('cancel() does nothing when no flow runs', async () => {
      const el = await fixture<FiskilLink>(html`<fiskil-link></fiskil-link>`);
      const events = recordEvents(el);
      el.cancel();
      expect(events).to.deep.equal([]);
    });

    it('cancels on the close control', async () => {
      const el = await openFlow();
      const error = oneEvent(el, 'link-error');
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="close"]')!.click();
      expect((await error).detail.code).to.equal('LINK_USER_CANCELLED');
    });

    it('cancels on Escape while focus is in the dialog', async () => {
      const el = await openFlow();
      const error = oneEvent(el, 'link-error');
      await sendKeys({ press: 'Escape' });
      expect((await error).detail.code).to.equal('LINK_USER_CANCELLED');
      expect(dialogOf(el).open).to.equal(false);
    });

    it('ignores a cancel event that bubbles from inside the dialog', async () => {
      const el = await openFlow();
      const events = recordEvents(el);
      el.shadowRoot!.querySelector('button')!.dispatchEvent(
        new Event('cancel', { bubbles: true, cancelable: true }),
      );
      await aTimeout(0);
      expect(events).to.deep.equal([]);
    });

    for (const code of ['LINK_INVALID_SESSION', 'AUTH_SESSION_INVALID']) {
      it(`keeps the modal open after ${code}, then closes it with no second error`, async () => {
        const el = await openFlow();
        const events = recordEvents(el);
        const error = oneEvent(el, 'link-error');
        hostedPost(el, {
          isCompleted: false,
          error: code,
          errorType: code,
          errorID: 'err_123',
          errorDescription: 'Invalid/terminal session',
        });
        expect((await error).detail.code).to.equal(code);
        await aTimeout(20);
        expect(dialogOf(el).open).to.equal(true);
        expect(frameOf(el)).to.not.equal(null);
        hostedPost(el, success);
        await hostedLocation(el);
        expect(events).to.deep.equal(['link-error']);
        el.cancel();
        expect(events).to.deep.equal(['link-error', 'link-close']);
        expect(dialogOf(el).open).to.equal(false);
      });
    }

    it('closes a lingering invalid session on Escape', async () => {
      const el = await openFlow();
      hostedPost(el, { isCompleted: false, errorType: 'LINK_INVALID_SESSION', error: 'x' });
      await oneEvent(el, 'link-error');
      const events = recordEvents(el);
      const closed = oneEvent(el, 'link-close');
      await sendKeys({ press: 'Escape' });
      await closed;
      expect(events).to.deep.equal(['link-close']);
    });

    it('open() after a flow ended starts a new one with the same id', async () => {
      const el = await openFlow('ses_again');
      hostedPost(el, success);
      await oneEvent(el, 'link-close');
      const loaded = oneEvent(el, 'link-load');
      el.open();
      await loaded;
      expect(dialogOf(el).open).to.equal(true);
      expect((await hostedLocation(el)).sessId).to.equal('ses_again');
    });

    it('open() while shown changes nothing', async () => {
      const el = await openFlow();
      const frame = frameOf(el);
      const events = recordEvents(el);
      el.open();
      await el.updateComplete;
      expect(frameOf(el)).to.equal(frame);
      expect(events).to.deep.equal([]);
    });
  });

  describe('preload', () => {
    it('loads hidden, and open() shows the already loaded flow', async () => {
      const el = await fixture<FiskilLink>(
        html`<fiskil-link preload auth-server=${hostedUrl}></fiskil-link>`,
      );
      const events = recordEvents(el);
      const loaded = oneEvent(el, 'link-load');
      el.sessionId = 'ses_pre';
      await loaded;
      expect(dialogOf(el).open).to.equal(false);
      expect(events).to.deep.equal(['link-load']);
      const frame = frameOf(el);
      const opened = oneEvent(el, 'link-open');
      el.open();
      await opened;
      expect(dialogOf(el).open).to.equal(true);
      expect(frameOf(el)).to.equal(frame);
      expect(el.shadowRoot!.querySelector('.spinner')).to.equal(null);
    });

    it('counts the timeout from open(), not from preload', async () => {
      const el = await fixture<FiskilLink>(
        html`<fiskil-link preload timeout="80" auth-server=${hostedUrl}></fiskil-link>`,
      );
      const events = recordEvents(el);
      const loaded = oneEvent(el, 'link-load');
      el.sessionId = 'ses_pre';
      await loaded;
      await aTimeout(200);
      expect(events).to.deep.equal(['link-load']);
      el.open();
      const error = await oneEvent(el, 'link-error');
      expect(error.detail.code).to.equal('LINK_TIMEOUT');
    });
  });

  describe('events', () => {
    it('bubble and cross shadow roots', async () => {
      const el = await openFlow();
      const seen = oneEvent(document, 'link-error');
      el.cancel();
      const event = (await seen) as LinkErrorEvent;
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
    });
  });
});
