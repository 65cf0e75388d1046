import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { FiskilLink } from '../src/index.js';
import { hostedOrigin, hostedPost, hostedUrl, messageEvent, postFromProvider } from './helpers.js';

type Line = { level: 'debug' | 'info' | 'warn' | 'log' | 'error'; text: string };

/** Records what reaches the console while `run` runs. */
async function consoleDuring(run: () => Promise<void>): Promise<Line[]> {
  const lines: Line[] = [];
  const levels = ['debug', 'info', 'warn', 'log', 'error'] as const;
  const saved = levels.map((level) => console[level]);
  for (const level of levels) {
    console[level] = (...args: unknown[]) =>
      lines.push({ level, text: args.map(String).join(' ') });
  }
  try {
    await run();
  } finally {
    levels.forEach((level, i) => (console[level] = saved[i]!));
  }
  return lines.filter((line) => line.text.startsWith('[fiskil-link]'));
}

/** A completion posted from another origin, and the link-error that rejects it. */
async function rejectedFromAnotherOrigin(el: FiskilLink): Promise<void> {
  const error = oneEvent(el, 'link-error');
  postFromProvider(el, { isCompleted: true, consentID: 'c' }, { origin: 'https://evil.example' });
  await error;
}

const SESSION = 'ses_secret_12345';

async function debugFlow(attrs = 'debug'): Promise<FiskilLink> {
  const el = await fixture<FiskilLink>(
    attrs === 'debug'
      ? html`<fiskil-link debug auth-server=${hostedUrl}></fiskil-link>`
      : html`<fiskil-link auth-server=${hostedUrl}></fiskil-link>`,
  );
  const loaded = oneEvent(el, 'link-load');
  el.sessionId = SESSION;
  await loaded;
  return el;
}

describe('<fiskil-link debug>', () => {
  it('logs the rule a value broke, as a warning', async () => {
    const lines = await consoleDuring(async () => {
      const el = await fixture<FiskilLink>(
        html`<fiskil-link debug allowed-origin="*" auth-server=${hostedUrl}></fiskil-link>`,
      );
      const error = oneEvent(el, 'link-error');
      el.sessionId = SESSION;
      await error;
    });
    expect(lines).to.have.length(1);
    expect(lines[0]!.level).to.equal('warn');
    expect(lines[0]!.text).to.match(
      /^\[fiskil-link\] config rejected: Invalid allowed-origin "\*"/,
    );
  });

  it('logs the config it resolved and the URL it loaded, with the session id cut to 4 characters', async () => {
    const lines = await consoleDuring(async () => {
      (await debugFlow()).cancel();
    });
    const config = lines.find((l) => l.text.startsWith('[fiskil-link] config:'));
    expect(config?.text).to.contain(`allowed-origin ${hostedOrigin}`);
    expect(config?.text).to.contain('timeout 600000 ms');
    const loading = lines.find((l) => l.text.startsWith('[fiskil-link] loading '));
    expect(loading?.level).to.equal('debug');
    expect(loading?.text).to.equal(`[fiskil-link] loading ${hostedUrl}?sess_id=ses_...`);
    for (const line of lines) expect(line.text).to.not.contain('secret');
  });

  const ignored: Array<[string, object, { source: Window } | undefined, string]> = [
    [
      'a message from another window',
      { isCompleted: true, consentID: 'c' },
      { source: window },
      'ignored a message from a window that is not this flow’s iframe',
    ],
    [
      'a message from its iframe that is not a protocol message',
      { type: 'webpackHotUpdate' },
      undefined,
      'ignored a message that is not a protocol message',
    ],
  ];
  for (const [what, data, from, line] of ignored) {
    it(`logs ${what} as ignored`, async () => {
      const el = await debugFlow();
      const lines = await consoleDuring(async () => {
        postFromProvider(el, data, from);
        await aTimeout(0);
      });
      expect(lines.map((l) => [l.level, l.text])).to.deep.equal([
        ['debug', `[fiskil-link] ${line}`],
      ]);
      el.cancel();
    });
  }

  it('logs a message from another origin as rejected, naming both origins', async () => {
    const el = await debugFlow();
    const lines = await consoleDuring(async () => {
      await rejectedFromAnotherOrigin(el);
    });
    expect(lines).to.have.length(1);
    expect(lines[0]!.level).to.equal('warn');
    expect(lines[0]!.text).to.contain('rejected');
    expect(lines[0]!.text).to.contain('https://evil.example');
    expect(lines[0]!.text).to.contain(hostedOrigin);
  });

  it('logs the outcome it accepted', async () => {
    const el = await debugFlow();
    const consent = await consoleDuring(async () => {
      const done = oneEvent(el, 'consent');
      hostedPost(el, { isCompleted: true, consentID: 'c' });
      await done;
    });
    expect(consent.map((l) => [l.level, l.text])).to.deep.equal([
      ['info', '[fiskil-link] accepted: consent'],
    ]);

    const other = await debugFlow();
    const failure = await consoleDuring(async () => {
      const done = oneEvent(other, 'link-error');
      hostedPost(other, { isCompleted: false, errorType: 'CONSENT_TIMEOUT', error: 'x' });
      await done;
    });
    expect(failure.map((l) => l.text)).to.deep.equal([
      '[fiskil-link] accepted: link-error CONSENT_TIMEOUT',
    ]);
  });

  it('logs nothing at all when off', async () => {
    const lines = await consoleDuring(async () => {
      const bad = await fixture<FiskilLink>(html`<fiskil-link allowed-origin="*"></fiskil-link>`);
      const rejected = oneEvent(bad, 'link-error');
      bad.sessionId = SESSION;
      await rejected;
      const el = await debugFlow('off');
      postFromProvider(el, { isCompleted: true, consentID: 'c' }, { source: window });
      postFromProvider(el, { type: 'noise' });
      window.dispatchEvent(messageEvent({ data: 'x', origin: 'https://a.example', source: null }));
      await rejectedFromAnotherOrigin(el);
    });
    expect(lines).to.deep.equal([]);
  });
});
