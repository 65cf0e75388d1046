// dist/webview.js: the bridge page's script (dist/webview.html, docs/mobile.md).
// A classic script, not a module: Chromium-based WebViews refuse module
// scripts from file: URLs, and an app may bundle dist/ as local files.
import { LinkError } from '../errors.js';
import { LinkErrorEvent } from '../events.js';
import type { FiskilLink } from '../fiskil-link.js';
import { WEBVIEW_EVENT_TYPES, type FiskilLinkWebView } from './message.js';
import { nativeChannels, postToNative } from './channels.js';
import { readFragment, readStartOptions, type FlowInput } from './input.js';
import { clearNotice, showNotice } from './notice.js';
import { toWebViewMessage } from './serialize.js';

declare global {
  interface Window {
    fiskilLinkWebView?: FiskilLinkWebView;
  }
}

const NO_CHANNEL = [
  'Open this page from your app.',
  'This page hands the result to the app that opened it, and no app is listening here. For developers: see docs/mobile.md in the fiskil-link repository.',
] as const;

const CONNECTED = ['Your account is connected.', 'You can return to the app.'] as const;

/** The one flow this page runs: its element, and what it has said so far. */
interface Run {
  readonly link: FiskilLink;
  heard: boolean;
  opened: boolean;
  ended: boolean;
  /** What the screen shows once the modal is gone. */
  outcome?: readonly [string, string?];
}

let current: Run | undefined;

function send(event: Event): void {
  let json: string;
  try {
    json = JSON.stringify(toWebViewMessage(event));
  } catch (error) {
    console.error('[fiskil-link] could not serialise', event.type, error);
    return;
  }
  postToNative(json);
}

/** A failure this page found itself (the element never ran): to native code and on screen. */
function fail(code: 'LINK_INVALID_CONFIG' | 'LINK_NOT_FOUND', message: string): void {
  const error = new LinkError(code, message);
  send(new LinkErrorEvent(error));
  showNotice(error.displayMessage, message);
}

function onEvent(run: Run, event: Event): void {
  if (run !== current) return;
  run.heard = true;
  send(event);
  if (event.type === 'link-open') run.opened = true;
  if (event.type === 'consent') run.outcome = CONNECTED;
  if (event.type === 'link-error') {
    const error = (event as LinkErrorEvent).detail;
    // Bad input is the app's to fix: say exactly what, as the element put it.
    run.outcome =
      error.code === 'LINK_INVALID_CONFIG'
        ? [error.displayMessage, error.message]
        : [error.displayMessage];
  }
  // Nothing of the page's own shows behind the modal: the outcome appears once it is gone.
  const modalGone = event.type === 'link-close' || (!run.opened && run.outcome);
  if (modalGone && run.outcome) {
    run.ended = true;
    showNotice(...run.outcome);
  }
}

function run(input: FlowInput): void {
  current?.link.remove(); // ends its flow silently
  current = undefined;
  clearNotice();
  if (nativeChannels().length === 0) {
    showNotice(...NO_CHANNEL);
    return;
  }
  if ('error' in input) {
    fail('LINK_INVALID_CONFIG', input.error);
    return;
  }
  if (!customElements.get('fiskil-link')) {
    fail('LINK_NOT_FOUND', 'fiskil-link.umd.js did not load: it must sit beside webview.html.');
    return;
  }
  const link = document.createElement('fiskil-link');
  const thisRun: Run = { link, heard: false, opened: false, ended: false };
  for (const type of WEBVIEW_EVENT_TYPES) {
    link.addEventListener(type, (event) => onEvent(thisRun, event));
  }
  input.apply(link);
  current = thisRun;
  document.body.append(link);
  // A session id starts the flow in the element's first update; without one
  // nothing happens, and open() is what makes the element say so
  // (LINK_INVALID_CONFIG). With a flow already running, open() does nothing.
  void link.updateComplete.then(() => {
    if (current === thisRun && !thisRun.heard) link.open();
  });
}

/** Native code's calls land here: nothing may throw back into it. */
function guarded<A extends unknown[], R>(fn: (...args: A) => R, fallback: R) {
  return (...args: A): R => {
    try {
      return fn(...args);
    } catch (error) {
      console.error('[fiskil-link]', error);
      return fallback;
    }
  };
}

function install(): void {
  // A second copy of this script on the page leaves the first in charge.
  if (window.fiskilLinkWebView) return;
  const api: FiskilLinkWebView = Object.freeze({
    start: guarded((options: unknown) => run(readStartOptions(options)), undefined),
    cancel: guarded(() => {
      const running = current !== undefined && !current.ended;
      current?.link.cancel();
      return running;
    }, false),
  });
  Object.defineProperty(window, 'fiskilLinkWebView', { value: api, enumerable: true });

  const fromFragment = readFragment(location.hash);
  if (fromFragment) run(fromFragment);
  else if (nativeChannels().length === 0) showNotice(...NO_CHANNEL);
  // Loading the same page with a new fragment only changes the fragment.
  window.addEventListener(
    'hashchange',
    guarded(() => {
      const input = readFragment(location.hash);
      if (input) run(input);
    }, undefined),
  );
}

guarded(install, undefined)();
