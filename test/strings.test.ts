import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { FiskilLink, FiskilLinkStrings } from '../src/index.js';
import { DEFAULT_STRINGS } from '../src/strings.js';
import { dialogOf, frameOf, hostedOrigin, hostedPost, hostedUrl, openFlow } from './helpers.js';

const german: Partial<FiskilLinkStrings> = {
  dialogLabel: 'Konto verbinden',
  frameTitle: 'Fiskil: Konto verbinden',
  close: 'Schließen',
  loading: 'Sichere Verbindung wird geladen…',
  offline: 'Sie sind offline. Warten auf eine Verbindung…',
  stalled: 'Die sichere Verbindung dauert zu lange.',
  retry: 'Erneut versuchen',
  errors: { AUTH_SESSION_CANCELLED: 'Sie haben die Verbindung abgebrochen.' },
};

const stallUrl = `${hostedOrigin}/test/stall`;
const newSessionId = () => `ses_${Math.random().toString(36).slice(2)}`;

/** Every word the element shows or announces, where a person (or assistive technology) meets it. */
function words(el: FiskilLink) {
  const root = el.shadowRoot!;
  return {
    dialogLabel: dialogOf(el).getAttribute('aria-label'),
    frameTitle: frameOf(el)?.title,
    close: root.querySelector('button[part="close"]')!.getAttribute('aria-label'),
    status: root.querySelector('[role="status"]')!.textContent!.replace(/\s+/g, ' ').trim(),
    buttons: [...root.querySelectorAll('.card button')].map((b) => b.textContent!.trim()),
  };
}

function setOnline(online: boolean): void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

describe('<fiskil-link> strings', () => {
  it('speaks English by default', async () => {
    const el = await fixture<FiskilLink>(html`<fiskil-link auth-server=${stallUrl}></fiskil-link>`);
    el.sessionId = newSessionId();
    await el.updateComplete;
    expect(words(el)).to.deep.equal({
      dialogLabel: 'Connect your account',
      frameTitle: 'Fiskil: connect your account',
      close: 'Close',
      status: 'Loading secure connection…',
      buttons: [],
    });
    el.cancel();
  });

  it('uses the page’s words for everything it renders, merged over the defaults', async () => {
    const el = await fixture<FiskilLink>(
      html`<fiskil-link auth-server=${stallUrl} .strings=${{ close: 'Fermer' }}></fiskil-link>`,
    );
    el.sessionId = newSessionId();
    await el.updateComplete;
    expect(words(el).close).to.equal('Fermer');
    expect(words(el).dialogLabel).to.equal(DEFAULT_STRINGS.dialogLabel);
    el.cancel();
  });

  it('changes the words of a flow that is already open, without reloading it', async () => {
    const el = await fixture<FiskilLink>(
      html`<fiskil-link auth-server=${stallUrl} load-timeout="150"></fiskil-link>`,
    );
    el.sessionId = newSessionId();
    await waitUntil(() => words(el).buttons.length === 2, 'no stalled notice', { timeout: 20000 });
    const frame = frameOf(el);
    el.strings = german;
    await el.updateComplete;
    expect(words(el)).to.deep.equal({
      dialogLabel: german.dialogLabel,
      frameTitle: german.frameTitle,
      close: german.close,
      status: `${german.stalled} ${german.retry} ${german.close}`,
      buttons: [german.retry, german.close],
    });
    expect(frameOf(el), 'the same iframe').to.equal(frame);
    el.cancel();
  });

  it('announces the loading and offline notices in the page’s words', async () => {
    const el = await fixture<FiskilLink>(
      html`<fiskil-link auth-server=${stallUrl} .strings=${german}></fiskil-link>`,
    );
    el.sessionId = newSessionId();
    await el.updateComplete;
    expect(words(el).status).to.equal(german.loading);
    try {
      setOnline(false);
      await el.updateComplete;
      expect(words(el).status).to.equal(german.offline);
    } finally {
      setOnline(true);
      el.cancel();
    }
  });

  it('gives displayMessage in the page’s words, and English for codes it did not translate', async () => {
    const el = await openFlow();
    el.strings = german;
    const cancelled = oneEvent(el, 'link-error');
    hostedPost(el, { isCompleted: false, errorType: 'AUTH_SESSION_CANCELLED', error: 'x' });
    expect((await cancelled).detail.displayMessage).to.equal(german.errors!.AUTH_SESSION_CANCELLED);

    const again = await openFlow();
    again.strings = german;
    const timedOut = oneEvent(again, 'link-error');
    hostedPost(again, { isCompleted: false, errorType: 'CONSENT_TIMEOUT', error: 'x' });
    expect((await timedOut).detail.displayMessage).to.match(/took too long/);
  });

  for (const [name, value] of [
    ['null', null],
    ['a number', 42],
    ['wrong types and empty words', { close: 5, loading: '', errors: 'no' }],
    [
      'a getter that throws',
      Object.defineProperty({}, 'close', {
        enumerable: true,
        get() {
          throw new Error('gotcha');
        },
      }),
    ],
  ] as const) {
    it(`keeps the English words for strings set to ${name}`, async () => {
      const el = await fixture<FiskilLink>(
        html`<fiskil-link auth-server=${stallUrl}></fiskil-link>`,
      );
      (el as unknown as { strings: unknown }).strings = value;
      el.sessionId = newSessionId();
      await el.updateComplete;
      expect(words(el).close).to.equal('Close');
      expect(words(el).status).to.equal(DEFAULT_STRINGS.loading);
      el.cancel();
    });
  }
});

describe('<fiskil-link> right to left', () => {
  async function closeControlSide(setup: (el: FiskilLink) => void): Promise<'left' | 'right'> {
    const el = await fixture<FiskilLink>(
      html`<fiskil-link auth-server=${hostedUrl}></fiskil-link>`,
    );
    setup(el);
    const loaded = oneEvent(el, 'link-load');
    el.sessionId = newSessionId();
    await loaded;
    const box = el.shadowRoot!.querySelector('button[part="close"]')!.getBoundingClientRect();
    const status = getComputedStyle(el.shadowRoot!.querySelector('[role="status"]')!).direction;
    el.cancel();
    await aTimeout(0);
    expect(status, 'the notices read in the page’s direction').to.equal(
      box.left < innerWidth / 2 ? 'rtl' : 'ltr',
    );
    return box.left < innerWidth / 2 ? 'left' : 'right';
  }

  it('puts the close control at the inline end: right on a left-to-right page', async () => {
    expect(await closeControlSide(() => {})).to.equal('right');
  });

  it('puts it on the left when the page is dir="rtl"', async () => {
    document.documentElement.dir = 'rtl';
    try {
      expect(await closeControlSide(() => {})).to.equal('left');
    } finally {
      document.documentElement.removeAttribute('dir');
    }
  });

  it('puts it on the left when the element itself is dir="rtl"', async () => {
    expect(await closeControlSide((el) => (el.dir = 'rtl'))).to.equal('left');
  });
});
