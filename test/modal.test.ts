import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { FiskilLink } from '../src/index.js';
import { dialogOf, hostedUrl, openFlow, recordEvents } from './helpers.js';

describe('<fiskil-link> modal', () => {
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

  it('fills the viewport', async () => {
    const el = await openFlow();
    const box = dialogOf(el).getBoundingClientRect();
    expect(box.width).to.equal(innerWidth);
    expect(box.height).to.equal(innerHeight);
  });
});
