import type { FiskilLink } from '../../src/index.js';

// Points the fuzz waits for, so that it never waits for time: an outcome, or a
// task after everything before it (test/fuzz.test.ts).

/** Resolves with the element's next outcome event. */
export function nextOutcome(el: FiskilLink) {
  const listeners = new AbortController();
  const promise = new Promise<void>((resolve) => {
    for (const name of ['consent', 'link-error'] as const) {
      el.addEventListener(name, () => resolve(), { signal: listeners.signal });
    }
  }).finally(() => listeners.abort());
  return { promise, stop: () => listeners.abort() };
}

/** A task after everything this page posted to itself before. */
export function selfBarrier(): Promise<void> {
  return new Promise((resolve) => {
    const token = `barrier-${Math.random()}`;
    const onMessage = (event: MessageEvent) => {
      if (event.source === window && event.data === token) {
        window.removeEventListener('message', onMessage);
        resolve();
      }
    };
    window.addEventListener('message', onMessage);
    window.postMessage(token, location.origin);
  });
}
