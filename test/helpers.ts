import { fixture, html, oneEvent } from '@open-wc/testing';
import type { FiskilLink } from '../src/index.js';
import '../src/index.js';
import './lit-warnings.js';

/** The hosted-page fixture lives on another origin than the test page (127.0.0.1 vs localhost). */
export const hostedOrigin = `http://localhost:${location.port}`;
export const hostedUrl = `${hostedOrigin}/test/fixtures/hosted.html`;

export function frameOf(el: FiskilLink): HTMLIFrameElement | null {
  return el.shadowRoot!.querySelector('iframe');
}

export function dialogOf(el: FiskilLink): HTMLDialogElement {
  return el.shadowRoot!.querySelector('dialog')!;
}

/** An element pointed at the fixture, with a session, once its hosted page has loaded. */
export async function openFlow(
  sessionId = 'ses_123',
  attrs: { allowedOrigin?: string; timeout?: number } = {},
): Promise<FiskilLink> {
  const el = await fixture<FiskilLink>(
    html`<fiskil-link
      auth-server=${hostedUrl}
      allowed-origin=${attrs.allowedOrigin ?? ''}
      timeout=${attrs.timeout ?? 600000}
    ></fiskil-link>`,
  );
  const loaded = oneEvent(el, 'link-load');
  el.sessionId = sessionId;
  await loaded;
  return el;
}

/** A synthetic message as if from `source` (default: the element's iframe). */
export function postFromProvider(
  el: FiskilLink,
  data: unknown,
  { origin = hostedOrigin, source }: { origin?: string; source?: MessageEventSource | null } = {},
): void {
  window.dispatchEvent(
    messageEvent({
      data,
      origin,
      source: source === undefined ? frameOf(el)!.contentWindow : source,
    }),
  );
}

/**
 * A synthetic `message` event. Chromium takes any window as `source`; Firefox
 * refuses a cross-origin window, and Firefox and WebKit a window whose iframe
 * has gone ("could not be converted", "Type error"). There the event gets an
 * own `source` property: the element reads the same value either way.
 */
export function messageEvent({ source = null, ...init }: MessageEventInit): MessageEvent {
  try {
    return new MessageEvent('message', { ...init, source });
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    const event = new MessageEvent('message', init);
    Object.defineProperty(event, 'source', { value: source });
    return event;
  }
}

/** Makes the cross-origin fixture really `postMessage` `data` to its parent. */
export function hostedPost(el: FiskilLink, data: unknown, times = 1): void {
  frameOf(el)!.contentWindow!.postMessage({ fixture: 'post', data, times }, hostedOrigin);
}

/** What the fixture answers when asked where it is. */
export interface FixtureLocation {
  sessId: string | null;
  pathname: string;
  search: string;
  extra: string | null;
}

/** Asks the fixture what URL it was loaded with. */
export function hostedLocation(el: FiskilLink): Promise<FixtureLocation> {
  return askFixture(frameOf(el)!.contentWindow!);
}

/**
 * Asks the fixture in `target` (any window that loaded test/fixtures/hosted.html) where it
 * is. A round trip: by its answer, everything the fixture posted before has arrived.
 */
export async function askFixture(target: Window): Promise<FixtureLocation> {
  const reply = new Promise<MessageEvent>((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (event.source === target && event.data?.fixture === 'whoami') {
        window.removeEventListener('message', onMessage);
        resolve(event);
      }
    };
    window.addEventListener('message', onMessage);
  });
  target.postMessage({ fixture: 'whoami' }, hostedOrigin);
  return (await reply).data;
}

/** Collects the names of the element's public events, in order. */
export function recordEvents(el: HTMLElement): string[] {
  const seen: string[] = [];
  for (const name of ['link-open', 'link-load', 'consent', 'link-error', 'link-close']) {
    el.addEventListener(name, () => seen.push(name));
  }
  return seen;
}
