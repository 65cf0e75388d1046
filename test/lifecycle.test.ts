import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { FiskilLink } from '../src/index.js';
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

const canMove = 'moveBefore' in Element.prototype;

type Moving = Element & { moveBefore(node: Node, child: Node | null): void };

describe('<fiskil-link> lifecycle', () => {
  describe('while a flow runs', () => {
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
  });

  describe('moved in the DOM while a flow runs', () => {
    it(`${canMove ? 'keeps the flow (moveBefore)' : 'restarts with the same session id (no moveBefore in this engine)'}`, async () => {
      const el = await openFlow('ses_move');
      const frame = frameOf(el)!;
      const frameWindow = frame.contentWindow!;
      const target = await fixture<HTMLDivElement>(html`<div></div>`);
      const events = recordEvents(el);
      if (canMove) {
        console.log('moveBefore is supported: testing that the flow survives the move');
        const reloaded = oneEvent(frame, 'load');
        (target as unknown as Moving).moveBefore(el, null);
        await el.updateComplete;
        await aTimeout(0);
        expect(el.parentElement).to.equal(target);
        expect(frameOf(el), 'the same iframe').to.equal(frame);
        if (frame.contentWindow !== frameWindow) {
          // Firefox ESR has moveBefore() but still reloads a moved iframe in a new
          // browsing context: the flow, its modal and its iframe survive; the
          // hosted page starts over, with the same session id.
          console.log(
            'moveBefore reloads the moved iframe in this engine: the hosted page restarts',
          );
          await reloaded;
        }
        expect(dialogOf(el).open).to.equal(true);
        expect(dialogOf(el).matches(':modal'), 'still modal').to.equal(true);
        expect(events, 'nothing restarted').to.deep.equal([]);
        // The hosted page kept its document and still talks to the element.
        expect((await hostedLocation(el)).sessId).to.equal('ses_move');
        const consent = oneEvent(el, 'consent');
        hostedPost(el, { isCompleted: true, consentID: 'con_moved' });
        expect((await consent).detail.consentID).to.equal('con_moved');
      } else {
        console.log('moveBefore is not supported: testing that the flow restarts cleanly');
        const loaded = oneEvent(el, 'link-load');
        target.append(el);
        await loaded;
        expect(frameOf(el)).to.not.equal(frame);
        expect(dialogOf(el).matches(':modal')).to.equal(true);
        expect(events).to.deep.equal(['link-open', 'link-load']);
        expect((await hostedLocation(el)).sessId).to.equal('ses_move');
      }
    });

    it('restarts with the same session id after remove and append (what frameworks without moveBefore do)', async () => {
      const el = await openFlow('ses_reappend');
      const frame = frameOf(el)!;
      const target = await fixture<HTMLDivElement>(html`<div></div>`);
      const events = recordEvents(el);
      const loaded = oneEvent(el, 'link-load');
      el.remove();
      target.append(el);
      await loaded;
      expect(frameOf(el)).to.not.equal(frame);
      expect(dialogOf(el).open).to.equal(true);
      expect(dialogOf(el).matches(':modal')).to.equal(true);
      expect(events).to.deep.equal(['link-open', 'link-load']);
      expect((await hostedLocation(el)).sessId).to.equal('ses_reappend');
    });
  });

  describe('1,000 mount/open/cancel/unmount cycles', () => {
    /** Counts the window listeners added and not yet removed (by removeEventListener or an aborted signal). */
    function countWindowListeners() {
      const live = new Map<string, number>();
      const key = (type: string, listener: unknown, options?: boolean | EventListenerOptions) =>
        JSON.stringify([type, typeof options === 'boolean' ? options : !!options?.capture]) +
        String(
          listenerIds.get(listener as object) ??
            listenerIds.set(listener as object, nextId++).get(listener as object),
        );
      const listenerIds = new WeakMap<object, number>();
      let nextId = 0;
      const add = window.addEventListener;
      const remove = window.removeEventListener;
      window.addEventListener = function (
        this: Window,
        type: string,
        listener: EventListenerOrEventListenerObject | null,
        options?: boolean | AddEventListenerOptions,
      ) {
        if (listener && !(typeof options === 'object' && options.signal?.aborted)) {
          const k = key(type, listener, options);
          if (!live.has(k)) {
            live.set(k, 1);
            if (typeof options === 'object' && options.signal) {
              options.signal.addEventListener('abort', () => live.delete(k), { once: true });
            }
          }
        }
        return add.call(this, type, listener as EventListenerOrEventListenerObject, options);
      } as typeof window.addEventListener;
      window.removeEventListener = function (
        this: Window,
        type: string,
        listener: EventListenerOrEventListenerObject | null,
        options?: boolean | EventListenerOptions,
      ) {
        if (listener) live.delete(key(type, listener, options));
        return remove.call(this, type, listener as EventListenerOrEventListenerObject, options);
      } as typeof window.removeEventListener;
      return {
        live,
        restore() {
          window.addEventListener = add;
          window.removeEventListener = remove;
        },
      };
    }

    it('leave no window listener, iframe, open dialog or scroll lock behind', async function () {
      this.timeout(120_000);
      const root = document.documentElement;
      root.style.setProperty('overflow', 'clip');
      const framesBefore = window.length;
      const listeners = countWindowListeners();
      const elements: FiskilLink[] = [];
      let opened = 0;
      let cancelled = 0;
      try {
        for (let i = 0; i < 1000; i++) {
          const el = document.createElement('fiskil-link');
          el.authServer = `${location.origin}/test/fixtures/hosted.html`;
          el.preload = i % 2 === 0;
          el.sessionId = `ses_cycle_${i}`;
          const events = recordEvents(el);
          document.body.append(el);
          await el.updateComplete;
          el.open();
          await el.updateComplete;
          if (events.includes('link-open')) opened++;
          if (root.style.getPropertyValue('overflow') !== 'hidden') {
            throw new Error(`cycle ${i}: the page is not locked while the modal is open`);
          }
          // Every fourth cycle is unmounted mid-flow instead of cancelled.
          if (i % 4 !== 3) {
            el.cancel();
            if (events.includes('link-error')) cancelled++;
          }
          el.remove();
          await el.updateComplete;
          elements.push(el);
        }
      } finally {
        listeners.restore();
      }
      expect(opened).to.equal(1000);
      expect(cancelled).to.equal(750);
      expect([...listeners.live.keys()], 'window listeners left').to.deep.equal([]);
      expect(window.length, 'child browsing contexts left').to.equal(framesBefore);
      expect(elements.filter((el) => frameOf(el) !== null).length, 'iframes left').to.equal(0);
      expect(elements.filter((el) => dialogOf(el).open).length, 'dialogs left open').to.equal(0);
      expect(root.style.getPropertyValue('overflow'), 'the page style, restored').to.equal('clip');
      expect(root.style.getPropertyValue('scrollbar-gutter')).to.equal('');
      // The lock count is back to zero: one more flow locks and releases the page.
      const el = await fixture<FiskilLink>(
        html`<fiskil-link auth-server=${hostedUrl} session-id="ses_after"></fiskil-link>`,
      );
      expect(root.style.getPropertyValue('overflow')).to.equal('hidden');
      el.cancel();
      expect(root.style.getPropertyValue('overflow')).to.equal('clip');
      root.style.removeProperty('overflow');
    });
  });
});
