import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { FiskilLink } from '../src/index.js';
import {
  dialogOf,
  frameOf,
  hostedOrigin,
  hostedPost,
  hostedUrl,
  openFlow,
  postFromProvider,
  recordEvents,
} from './helpers.js';
import { watchPage } from './watch-page.js';

const success = { isCompleted: true, consentID: 'con_1' };
const long = 'a'.repeat(100_000);

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

  describe('configuration', () => {
    // Each value is wrong for its attribute: LINK_INVALID_CONFIG naming it, nothing loaded.
    const invalid: Array<[attribute: string, value: string]> = [
      ['auth-server', ''.padEnd(3, ' ') + 'javascript:alert(1)'],
      ['auth-server', 'JaVaScRiPt:alert(1)'],
      ['auth-server', 'DATA:text/html,x'],
      ['auth-server', 'HTTP://auth.fiskil.com'],
      ['auth-server', 'https://user:pass@auth.fiskil.com'],
      ['auth-server', 'https://user@auth.fiskil.com'],
      ['auth-server', 'https://:pass@auth.fiskil.com'],
      ['auth-server', 'https://auth.fiskil.com%2F@evil.example'],
      ['auth-server', 'http://[2001:db8::1]/'],
      ['auth-server', 'http://[::ffff:7f00:1]/'],
      ['auth-server', 'https://[::1'],
      ['auth-server', 'http://localhost.evil.example'],
      ['auth-server', 'http://127.0.0.1.nip.io'],
      ['auth-server', '//auth.fiskil.com'],
      ['auth-server', 'auth.fiskil.com'],
      ['auth-server', 'https://'],
      ['auth-server', 'https://auth.fiskil.com:99999'],
      ['auth-server', 'blob:https://auth.fiskil.com/x'],
      ['auth-server', 'file:///etc/passwd'],
      ['auth-server', 'wss://auth.fiskil.com'],
      ['auth-server', `https://auth.fiskil.com/${long}`],
      ['auth-server', `https://${'a'.repeat(60)}.${long.slice(0, 5000)}.com`],
      ['auth-server', '\u0000'],
      ['allowed-origin', '*'],
      ['allowed-origin', ' * '],
      ['allowed-origin', 'https://*.fiskil.com'],
      ['allowed-origin', 'null'],
      ['allowed-origin', 'https://auth.fiskil.com/path'],
      ['allowed-origin', 'https://auth.fiskil.com?x'],
      ['allowed-origin', 'https://auth.fiskil.com#x'],
      ['allowed-origin', 'https://evil.example#@auth.fiskil.com'],
      ['allowed-origin', 'https://u:p@auth.fiskil.com'],
      ['allowed-origin', 'https://auth.fiskil.com https://evil.example'],
      ['allowed-origin', 'https://auth.fiskil.com,https://evil.example'],
      ['allowed-origin', 'HTTP://AUTH.FISKIL.COM'],
      ['allowed-origin', 'http://[2001:db8::1]'],
      ['allowed-origin', 'javascript:alert(1)'],
      ['allowed-origin', `https://${long}.com`],
      ['timeout', ' '],
      ['timeout', 'NaN'],
      ['timeout', 'Infinity'],
      ['timeout', '-0'],
      ['timeout', '1e400'],
      ['timeout', '5000ms'],
      ['timeout', '5_000'],
      ['timeout', long],
      ['session-id', `ses_${long}`],
    ];
    for (const [attribute, value] of invalid) {
      const shown = JSON.stringify(
        value.length > 60 ? `${value.slice(0, 60)}… (${value.length})` : value,
      );
      it(`rejects ${attribute}=${shown}`, async () => {
        const page = watchPage();
        const el = document.createElement('fiskil-link');
        el.setAttribute(attribute, value);
        if (attribute !== 'session-id') el.setAttribute('session-id', 'ses_bad');
        const events = recordEvents(el);
        const error = oneEvent(el, 'link-error');
        document.body.append(el);
        try {
          const { detail } = await error;
          expect(detail.code).to.equal('LINK_INVALID_CONFIG');
          expect(detail.message).to.contain(attribute);
          expect(detail.message.length, 'a message short enough to read').to.be.below(400);
          await el.updateComplete;
          expect(frameOf(el)).to.equal(null);
          expect(dialogOf(el).open).to.equal(false);
          expect(events).to.deep.equal(['link-error']);
        } finally {
          el.remove();
        }
        await page.expectClean();
      });
    }

    // Odd but valid: normalised, and the flow starts.
    const valid: Array<[attribute: string, value: string]> = [
      ['auth-server', `  ${hostedUrl}\n`],
      ['auth-server', hostedUrl.replace('http:', 'HTTP:').replace('localhost', 'LocalHost')],
      ['allowed-origin', ` ${hostedOrigin.toUpperCase()}/ `],
      ['timeout', ' 5000 '],
      ['timeout', '1e4'],
      ['session-id', '  ses_trimmed  '],
    ];
    for (const [attribute, value] of valid) {
      it(`accepts ${attribute}=${JSON.stringify(value)}`, async () => {
        const el = await fixture<FiskilLink>(
          html`<fiskil-link auth-server=${hostedUrl}></fiskil-link>`,
        );
        const events = recordEvents(el);
        el.setAttribute(attribute, value);
        const loaded = oneEvent(el, 'link-load');
        if (attribute !== 'session-id') el.sessionId = 'ses_ok';
        else await el.updateComplete;
        await loaded;
        expect(events).to.deep.equal(['link-open', 'link-load']);
      });
    }

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
    const hostile: Array<[name: string, value: unknown]> = [
      ['a Symbol', Symbol('x')],
      ['a function', () => 'https://auth.fiskil.com'],
      [
        'an object whose toString throws',
        {
          toString: () => {
            throw new Error('gotcha');
          },
        },
      ],
      ['an object with no prototype', Object.create(null)],
      [
        'a revoked proxy',
        (() => {
          const p = Proxy.revocable({}, {});
          p.revoke();
          return p.proxy;
        })(),
      ],
    ];
    for (const property of ['sessionId', 'authServer', 'allowedOrigin', 'timeout'] as const) {
      for (const [name, value] of hostile) {
        it(`gives LINK_INVALID_CONFIG, not an exception, for ${property} set to ${name}`, async () => {
          const page = watchPage();
          const el = await fixture<FiskilLink>(
            html`<fiskil-link auth-server=${hostedUrl} session-id="ses_hostile"></fiskil-link>`,
          );
          el.cancel();
          await el.updateComplete;
          const events = recordEvents(el);
          const error = oneEvent(el, 'link-error');
          (el as unknown as Record<string, unknown>)[property] = value;
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
    }
  });
});
