import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { FiskilLink, LinkError, type LinkErrorEvent } from '../src/index.js';
import {
  dialogOf,
  frameOf,
  hostedLocation,
  hostedOrigin,
  hostedPost,
  hostedUrl,
  messageEvent,
  openFlow,
  postFromProvider,
  recordEvents,
} from './helpers.js';

const success = { isCompleted: true, consentID: 'con_1', redirectURL: '/done' };

describe('<fiskil-link>', () => {
  describe('attributes', () => {
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
  });

  describe('protocol', () => {
    it('dispatches consent for a success message from the hosted page', async () => {
      const el = await openFlow();
      const consent = oneEvent(el, 'consent');
      hostedPost(el, success);
      const { detail } = await consent;
      expect(detail).to.deep.equal({ consentID: 'con_1', redirectURL: '/done' });
    });

    it('omits redirectURL when the hosted page sends none', async () => {
      const el = await openFlow();
      const consent = oneEvent(el, 'consent');
      hostedPost(el, { isCompleted: true, consentID: 'con_2' });
      expect((await consent).detail).to.deep.equal({ consentID: 'con_2' });
    });

    it('dispatches link-error with the details of a flat failure', async () => {
      const el = await openFlow();
      const error = oneEvent(el, 'link-error');
      hostedPost(el, {
        isCompleted: false,
        error: 'OTP failed',
        errorType: 'CONSENT_OTP_FAILURE',
        errorID: 'err_1',
        errorDescription: 'Wrong code three times',
        errorURI: 'https://docs/errors#CONSENT_OTP_FAILURE',
      });
      const { detail } = await error;
      expect(detail.code).to.equal('CONSENT_OTP_FAILURE');
      expect(detail.message).to.equal('OTP failed');
      expect(detail.details).to.deep.equal({
        error_id: 'err_1',
        error_type: 'CONSENT_OTP_FAILURE',
        error_description: 'Wrong code three times',
        error_uri: 'https://docs/errors#CONSENT_OTP_FAILURE',
      });
    });

    it('reads a failure from the redirect-URL form', async () => {
      const el = await openFlow();
      const error = oneEvent(el, 'link-error');
      hostedPost(el, {
        isCompleted: true,
        redirectURL:
          'https://auth.fiskil.com/cancel?error=access_denied&error_description=End-user+denied+consent' +
          '&error_id=err_ce4c&error_type=CONSENT_ENDUSER_DENIED&error_uri=https%3A%2F%2Fdocs%23x',
      });
      const { detail } = await error;
      expect(detail.code).to.equal('CONSENT_ENDUSER_DENIED');
      // As @fiskil/link gives it: the URL's error_type, before its error.
      expect(detail.message).to.equal('CONSENT_ENDUSER_DENIED');
      expect(detail.details).to.deep.equal({
        error_id: 'err_ce4c',
        error_type: 'CONSENT_ENDUSER_DENIED',
        error_description: 'End-user denied consent',
        error_uri: 'https://docs#x',
      });
    });

    it('gives LINK_INTERNAL_ERROR for a bare { error }', async () => {
      const el = await openFlow();
      const error = oneEvent(el, 'link-error');
      hostedPost(el, { error: 'Some error' });
      const { detail } = await error;
      expect(detail.code).to.equal('LINK_INTERNAL_ERROR');
      expect(detail.message).to.equal('Some error');
    });

    it('passes an unknown error code through unchanged', async () => {
      const el = await openFlow();
      const error = oneEvent(el, 'link-error');
      hostedPost(el, { isCompleted: false, errorType: 'SOMETHING_NEW', error: 'new' });
      expect((await error).detail.code).to.equal('SOMETHING_NEW');
    });

    it('ignores a protocol message from another window, even with the right origin and shape', async () => {
      const el = await openFlow();
      const events = recordEvents(el);
      postFromProvider(el, success, { source: window });
      postFromProvider(el, success, { source: null });
      await aTimeout(0);
      expect(events).to.deep.equal([]);
      expect(dialogOf(el).open).to.equal(true);
    });

    it('ignores messages that are not protocol messages', async () => {
      const el = await openFlow();
      const events = recordEvents(el);
      for (const data of [
        null,
        'consent',
        42,
        [],
        { isCompleted: true },
        { isCompleted: false },
        { isCompleted: true, consentID: 7 },
        { isCompleted: true, consentID: '' },
        { isCompleted: true, consentID: { id: 'x' } },
        { type: 'webpackOk' },
      ]) {
        hostedPost(el, data);
      }
      // A valid message after the junk proves the junk was delivered first and ignored.
      const consent = oneEvent(el, 'consent');
      hostedPost(el, success);
      await consent;
      expect(events).to.deep.equal(['consent', 'link-close']);
    });

    it('fails with LINK_ORIGIN_MISMATCH when the frame posts from an origin that is not allowed', async () => {
      const el = await openFlow('ses_123', { allowedOrigin: 'https://auth.fiskil.com' });
      const error = oneEvent(el, 'link-error');
      hostedPost(el, success);
      const { detail } = await error;
      expect(detail.code).to.equal('LINK_ORIGIN_MISMATCH');
      expect(detail.details).to.deep.equal({
        expectedOrigin: 'https://auth.fiskil.com',
        receivedOrigin: hostedOrigin,
      });
      expect(dialogOf(el).open).to.equal(false);
    });

    it('does not count a non-protocol message from a wrong origin as a mismatch', async () => {
      const el = await openFlow('ses_123', { allowedOrigin: 'https://auth.fiskil.com' });
      const events = recordEvents(el);
      hostedPost(el, { hello: 'world' });
      await hostedLocation(el); // a round trip: the message above has been handled
      expect(events).to.deep.equal([]);
    });

    it('reports exactly one outcome when the hosted page posts twice', async () => {
      const el = await openFlow();
      const events = recordEvents(el);
      hostedPost(el, success, 2);
      hostedPost(el, { error: 'late' });
      await oneEvent(el, 'consent');
      await aTimeout(50);
      expect(events).to.deep.equal(['consent', 'link-close']);
    });

    it('reports exactly one outcome when cancel() races a completion', async () => {
      const el = await openFlow();
      const events = recordEvents(el);
      postFromProvider(el, success);
      el.cancel();
      postFromProvider(el, { error: 'late' });
      await aTimeout(0);
      expect(events).to.deep.equal(['consent', 'link-close']);
    });
  });

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

  describe('lifecycle', () => {
    it('replaces the flow when the session id changes, silently', async () => {
      const el = await openFlow('ses_one');
      const first = frameOf(el)!;
      const firstWindow = first.contentWindow!;
      const events = recordEvents(el);
      const loaded = oneEvent(el, 'link-load');
      el.sessionId = 'ses_two';
      await loaded;
      expect(events).to.deep.equal(['link-open', 'link-load']);
      expect(frameOf(el)).to.not.equal(first);
      expect(dialogOf(el).open).to.equal(true);
      expect((await hostedLocation(el)).sessId).to.equal('ses_two');
      // The old frame's window is gone from the page; a message claiming it changes nothing.
      postFromProvider(el, success, { source: firstWindow });
      await aTimeout(0);
      expect(events).to.deep.equal(['link-open', 'link-load']);
    });

    it('closes the modal when a replacing session id meets a bad configuration', async () => {
      const el = await openFlow('ses_one');
      const events = recordEvents(el);
      el.authServer = 'http://example.com';
      const error = oneEvent(el, 'link-error');
      el.sessionId = 'ses_two';
      expect((await error).detail.code).to.equal('LINK_INVALID_CONFIG');
      await el.updateComplete;
      expect(dialogOf(el).open).to.equal(false);
      expect(frameOf(el)).to.equal(null);
      expect(document.documentElement.style.overflow).to.equal('');
      expect(events).to.deep.equal(['link-error']);
    });

    it('tears everything down when removed mid-flow, and dispatches nothing after', async () => {
      const el = await openFlow();
      const frameWindow = frameOf(el)!.contentWindow!;
      const events = recordEvents(el);
      el.remove();
      expect(document.documentElement.style.overflow).to.equal('');
      window.dispatchEvent(
        messageEvent({ data: success, origin: hostedOrigin, source: frameWindow }),
      );
      el.cancel();
      await aTimeout(0);
      expect(events).to.deep.equal([]);
      await el.updateComplete;
      expect(frameOf(el)).to.equal(null);
    });

    it('restarts a cut-short flow with the same session id when re-attached', async () => {
      const el = await openFlow('ses_move');
      const parent = el.parentElement!;
      const loaded = oneEvent(el, 'link-load');
      el.remove();
      parent.append(el);
      await loaded;
      expect(dialogOf(el).open).to.equal(true);
      expect((await hostedLocation(el)).sessId).to.equal('ses_move');
    });

    it('does not restart a finished flow when re-attached', async () => {
      const el = await openFlow('ses_done');
      hostedPost(el, success);
      await oneEvent(el, 'link-close');
      const parent = el.parentElement!;
      const events = recordEvents(el);
      el.remove();
      parent.append(el);
      await el.updateComplete;
      expect(frameOf(el)).to.equal(null);
      expect(events).to.deep.equal([]);
    });

    it('ends silently when the session id is cleared', async () => {
      const el = await openFlow();
      const events = recordEvents(el);
      el.sessionId = '';
      await el.updateComplete;
      expect(events).to.deep.equal([]);
      expect(frameOf(el)).to.equal(null);
      expect(dialogOf(el).open).to.equal(false);
    });

    it('lets two elements each hear only their own iframe', async () => {
      const a = await openFlow('ses_a');
      const b = await openFlow('ses_b');
      const aEvents = recordEvents(a);
      const consent = oneEvent(b, 'consent');
      hostedPost(b, success);
      await consent;
      expect(aEvents).to.deep.equal([]);
      const aConsent = oneEvent(a, 'consent');
      hostedPost(a, { isCompleted: true, consentID: 'con_a' });
      expect((await aConsent).detail.consentID).to.equal('con_a');
    });
  });

  describe('modal', () => {
    it('is a modal dialog in the top layer', async () => {
      const el = await openFlow();
      expect(dialogOf(el).matches(':modal')).to.equal(true);
    });

    // jsdom's dialog has neither: a test kit running the element there still sees every event.
    it('opens and closes with `open` where a dialog has no showModal() or close()', async () => {
      const el = await fixture<FiskilLink>(
        html`<fiskil-link auth-server=${hostedUrl}></fiskil-link>`,
      );
      const dialog = dialogOf(el);
      for (const name of ['showModal', 'close']) {
        Object.defineProperty(dialog, name, { value: undefined, configurable: true });
      }
      const events = recordEvents(el);
      const loaded = oneEvent(el, 'link-load');
      el.sessionId = 'ses_no_modal';
      await loaded;
      expect(dialog.open, 'open').to.equal(true);
      expect(dialog.matches(':modal'), 'not modal: it could not be').to.equal(false);
      el.cancel();
      expect(dialog.open, 'closed').to.equal(false);
      expect(events).to.deep.equal(['link-open', 'link-load', 'link-error', 'link-close']);
    });

    it('moves focus in on open and back to the trigger on close', async () => {
      const trigger = await fixture<HTMLButtonElement>(html`<button>Connect</button>`);
      trigger.focus();
      const el = document.createElement('fiskil-link');
      el.authServer = hostedUrl;
      document.body.append(el);
      try {
        const opened = oneEvent(el, 'link-open');
        el.sessionId = 'ses_focus';
        await opened;
        expect(el.shadowRoot!.activeElement).to.not.equal(null);
        expect(dialogOf(el).contains(el.shadowRoot!.activeElement)).to.equal(true);
        el.cancel();
        expect(document.activeElement).to.equal(trigger);
      } finally {
        el.remove();
      }
    });

    it('locks page scroll while open and restores the inline style exactly', async () => {
      const root = document.documentElement;
      root.style.setProperty('overflow', 'scroll');
      try {
        const el = await openFlow();
        expect(getComputedStyle(root).overflow).to.equal('hidden');
        el.cancel();
        expect(root.style.getPropertyValue('overflow')).to.equal('scroll');
        expect(root.style.getPropertyPriority('overflow')).to.equal('');
      } finally {
        root.style.removeProperty('overflow');
      }
    });

    it('does not shift the page sideways when it locks a tall page', async () => {
      const tall = await fixture<HTMLDivElement>(html`<div style="height: 300vh"></div>`);
      const width = () => document.documentElement.clientWidth;
      const before = width();
      const el = await openFlow();
      expect(width()).to.equal(before);
      el.cancel();
      expect(width()).to.equal(before);
      tall.remove();
    });

    it('keeps the lock until the last of two open flows closes', async () => {
      const a = await openFlow('ses_a');
      const b = await openFlow('ses_b');
      a.cancel();
      expect(getComputedStyle(document.documentElement).overflow).to.equal('hidden');
      b.cancel();
      expect(document.documentElement.style.overflow).to.equal('');
    });

    it('shows a loading indicator until the hosted page loads', async () => {
      const el = await fixture<FiskilLink>(
        html`<fiskil-link auth-server=${hostedUrl}></fiskil-link>`,
      );
      const opened = oneEvent(el, 'link-open');
      const loaded = oneEvent(el, 'link-load');
      el.sessionId = 'ses_load';
      await opened;
      const status = el.shadowRoot!.querySelector('[role="status"]')!;
      expect(status.textContent).to.contain('Loading');
      await loaded;
      await el.updateComplete;
      expect(status.textContent!.trim()).to.equal('');
    });

    it('has a titled iframe, a labelled dialog and a labelled close control', async () => {
      const el = await openFlow();
      expect(frameOf(el)!.title).to.not.equal('');
      expect(dialogOf(el).getAttribute('aria-label')).to.not.equal(null);
      expect(el.shadowRoot!.querySelector('button')!.getAttribute('aria-label')).to.equal('Close');
    });

    it('fills the viewport', async () => {
      const el = await openFlow();
      const box = dialogOf(el).getBoundingClientRect();
      expect(box.width).to.equal(innerWidth);
      expect(box.height).to.equal(innerHeight);
    });

    it('is accessible while open', async () => {
      const el = await openFlow();
      await expect(el).to.be.accessible();
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
