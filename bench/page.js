// The in-page half of `npm run bench` (bench/measure-runtime.mjs drives it). Loaded by
// the bench page (bench/servers.mjs) after dist/fiskil-link.js has defined <fiskil-link>.
// Every wait here is for an event; nothing sleeps.

const { hosted, hostedSlow } = JSON.parse(
  /** @type {HTMLElement} */ (document.getElementById('config')).textContent ?? '',
);

performance.setResourceTimingBufferSize(100_000);

function once(target, type) {
  return new Promise((resolve) => target.addEventListener(type, resolve, { once: true }));
}

/** The resource timing entry of the iframe navigation whose URL ends with `sess_id=<id>`. */
function requestOf(id) {
  const match = (entry) => entry.name.endsWith(`sess_id=${id}`);
  const found = performance.getEntriesByType('resource').find(match);
  if (found) return Promise.resolve(found);
  return new Promise((resolve) => {
    const observer = new PerformanceObserver((list) => {
      const entry = list.getEntries().find(match);
      if (!entry) return;
      observer.disconnect();
      resolve(entry);
    });
    observer.observe({ type: 'resource' });
  });
}

/** performance.now() just after the next frame has been painted. */
function afterNextPaint() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(0);
    });
  });
}

function element(attrs) {
  const el = document.createElement('fiskil-link');
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  document.body.append(el);
  return el;
}

let runs = 0;
const nextId = (kind) => `${kind}_${++runs}_${Math.random().toString(36).slice(2)}`;

/** From setting `sessionId` to the iframe's request start, for the element and for a bare iframe. */
async function openOverhead(count) {
  const el = element({ 'auth-server': hosted });
  await el.updateComplete;
  const elementRun = async () => {
    const id = nextId('el');
    const loaded = once(el, 'link-load');
    const start = performance.now();
    el.sessionId = id;
    await loaded;
    const entry = await requestOf(id);
    el.cancel();
    return entry.startTime - start;
  };
  const bareRun = async () => {
    const id = nextId('bare');
    const url = new URL(hosted);
    url.searchParams.set('sess_id', id);
    const start = performance.now();
    const frame = document.createElement('iframe');
    frame.src = url.href;
    const loaded = once(frame, 'load');
    document.body.append(frame);
    await loaded;
    const entry = await requestOf(id);
    frame.remove();
    return entry.startTime - start;
  };
  const element_ = [];
  const bare = [];
  // Warm both paths (JIT, connection), then alternate so drift hits both alike.
  await elementRun();
  await bareRun();
  for (let i = 0; i < count; i++) {
    element_.push(await elementRun());
    bare.push(await bareRun());
    performance.clearResourceTimings();
  }
  el.remove();
  return { element: element_, bare };
}

/** From `open()` to the first painted frame with the loaded hosted page shown, with and without preload. */
async function clickToVisible(count) {
  const preloaded = element({ 'auth-server': hostedSlow, preload: '' });
  const plain = element({ 'auth-server': hostedSlow });
  await Promise.all([preloaded.updateComplete, plain.updateComplete]);
  const withPreload = [];
  const without = [];
  for (let i = 0; i < count; i++) {
    {
      const loaded = once(preloaded, 'link-load');
      preloaded.sessionId = nextId('pre');
      await loaded;
      const opened = once(preloaded, 'link-open');
      const start = performance.now();
      preloaded.open();
      await opened;
      withPreload.push((await afterNextPaint()) - start);
      preloaded.cancel();
    }
    {
      // Without preload the click sets the session id, which shows the flow at once.
      const opened = once(plain, 'link-open');
      const loaded = once(plain, 'link-load');
      const start = performance.now();
      plain.sessionId = nextId('plain');
      plain.open();
      await Promise.all([opened, loaded]);
      without.push((await afterNextPaint()) - start);
      plain.cancel();
    }
  }
  preloaded.remove();
  plain.remove();
  return { preload: withPreload, without };
}

/** `cycles` rounds of open() then cancel(); returns when the last has closed. */
async function churn(cycles) {
  const w = /** @type {any} */ (window);
  const el = w.churnElement ?? (w.churnElement = element({ 'auth-server': hosted }));
  el.sessionId = 'ses_churn';
  await el.updateComplete;
  if (el.shadowRoot.querySelector('dialog').open) el.cancel();
  for (let i = 0; i < cycles; i++) {
    const opened = once(el, 'link-open');
    el.open();
    await opened;
    const closed = once(el, 'link-close');
    el.cancel();
    await closed;
  }
  performance.clearResourceTimings();
  return {
    iframes:
      document.querySelectorAll('iframe').length +
      [...document.querySelectorAll('fiskil-link')].reduce(
        (sum, link) => sum + (link.shadowRoot?.querySelectorAll('iframe').length ?? 0),
        0,
      ),
  };
}

/**
 * Time to dispatch `count` messages from another window: with a flow open, with
 * none, and with only an empty listener (the floor for any listener at all).
 */
async function foreignMessages(count, rounds) {
  const other = document.createElement('iframe');
  other.srcdoc = '<!doctype html><title>other window</title>';
  const otherLoaded = once(other, 'load');
  document.body.append(other);
  await otherLoaded;
  const source = other.contentWindow;
  // A valid outcome, so a guard that looked at data before source would act on it.
  const data = { isCompleted: true, consentID: 'con_foreign' };
  // One event, dispatched again and again: allocation and GC would add noise
  // larger than what is measured.
  const message = new MessageEvent('message', { data, origin: 'https://other.example', source });
  const blast = () => {
    const start = performance.now();
    for (let i = 0; i < count; i++) window.dispatchEvent(message);
    return performance.now() - start;
  };
  // The control: the same sight (a modal dialog over a loaded hosted page)
  // without the element, so the difference is the element's listener alone.
  const control = document.createElement('dialog');
  const controlFrame = document.createElement('iframe');
  controlFrame.src = hosted;
  const controlLoaded = once(controlFrame, 'load');
  control.append(controlFrame);
  document.body.append(control);
  await controlLoaded;
  const el = element({ 'auth-server': hosted });
  const open = [];
  const closed = [];
  const noop = [];
  const nothing = () => {};
  // run.mjs starts Chromium with --expose-gc: each blast starts with a clean heap.
  const measure = (into) => {
    globalThis.gc?.();
    into.push(blast());
  };
  blast();
  for (let i = 0; i < rounds; i++) {
    control.showModal();
    await afterNextPaint();
    measure(closed);
    window.addEventListener('message', nothing);
    measure(noop);
    window.removeEventListener('message', nothing);
    control.close();
    const loaded = once(el, 'link-load');
    el.sessionId = nextId('foreign');
    await loaded;
    await afterNextPaint();
    let outcome = false;
    const taken = () => (outcome = true);
    el.addEventListener('consent', taken);
    measure(open);
    el.removeEventListener('consent', taken);
    if (outcome) throw new Error('a foreign message was taken as the outcome');
    el.cancel();
  }
  control.remove();
  el.remove();
  other.remove();
  return { open, closed, noop };
}

Object.assign(window, { bench: { openOverhead, clickToVisible, churn, foreignMessages } });
Object.assign(window, { benchReady: true });
