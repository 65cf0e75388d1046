import { aTimeout, expect, oneEvent } from '@open-wc/testing';
import type { FiskilLink } from '../src/index.js';
import {
  dialogOf,
  frameOf,
  hostedPost,
  openFlow,
  postFromProvider,
  recordEvents,
} from './helpers.js';

const success = { isCompleted: true, consentID: 'con_1' };

// Whatever arrives together (in one task, or one message after another), a flow has at
// most one outcome.
describe('<fiskil-link> races', () => {
  it('completion and cancel() in the same task: the completion wins, once', async () => {
    const el = await openFlow();
    const events = recordEvents(el);
    postFromProvider(el, success);
    el.cancel();
    el.cancel();
    postFromProvider(el, { error: 'late' });
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

  it('reports exactly one outcome when the hosted page posts twice', async () => {
    const el = await openFlow();
    const events = recordEvents(el);
    hostedPost(el, success, 2);
    hostedPost(el, { error: 'late' });
    await oneEvent(el, 'consent');
    await aTimeout(50);
    expect(events).to.deep.equal(['consent', 'link-close']);
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
