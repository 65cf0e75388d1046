// What the React entry's tests share: a root to render into, the React
// version under test, and the console React and the hook write to.
import { waitUntil } from '@open-wc/testing';
import { version } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, hydrateRoot, type Root } from 'react-dom/client';
import type { ReactNode } from 'react';
import { fakeFiskilLink, type FakeFiskilLink } from '../../src/testing/index.js';
import '../lit-warnings.js';

/** The major version this page runs: 18 in the react-18 group (its page says so), else 19. */
export const expectedMajor =
  document.querySelector<HTMLMetaElement>('meta[name="react-major"]')?.content ?? '19';
export const reactMajor = version.split('.')[0];

/** A root in a fresh container; `render` commits synchronously. */
export interface Mounted {
  container: HTMLElement;
  render(ui: ReactNode): void;
  unmount(): void;
}

// What each test leaves behind, undone after it (see fakeForEachTest).
const cleanUps: (() => void)[] = [];

function handleOf(container: HTMLElement, root: Root): Mounted {
  const handle: Mounted = {
    container,
    render: (next) => flushSync(() => root.render(next)),
    unmount: () => {
      if (!container.isConnected) return;
      root.unmount();
      container.remove();
    },
  };
  cleanUps.push(handle.unmount);
  return handle;
}

export function mount(ui: ReactNode): Mounted {
  const container = document.body.appendChild(document.createElement('div'));
  const handle = handleOf(container, createRoot(container));
  handle.render(ui);
  return handle;
}

/** `html` (a server's rendering of `ui`) put on the page, then hydrated with `ui`. */
export function hydrate(html: string, ui: ReactNode): Mounted {
  const container = document.body.appendChild(document.createElement('div'));
  container.innerHTML = html;
  return handleOf(container, hydrateRoot(container, ui));
}

/**
 * Installs fiskil-link/testing's fake hosted page before each test of the
 * suite, and after each restores it and unmounts what the test mounted.
 * Returns the fake of the test running.
 */
export function fakeForEachTest(): () => FakeFiskilLink {
  let fiskil: FakeFiskilLink;
  beforeEach(() => {
    fiskil = fakeFiskilLink();
  });
  afterEach(() => {
    for (const undo of cleanUps.splice(0).reverse()) undo();
    fiskil.restore();
  });
  return () => fiskil;
}

/**
 * Waits for `predicate` to hold. Generous: on a busy machine a frame can take
 * seconds to load; a condition that never holds still fails, naming `message`.
 */
export const until = (predicate: () => unknown, message: string) =>
  waitUntil(predicate, message, { timeout: 20000 });

/** Every `<fiskil-link>` on the page. */
export const elementsOnPage = () => [...document.querySelectorAll('fiskil-link')];

/**
 * Records the console's errors and warnings from now on instead of printing
 * them (a test asserts on them, and its failure shows them); `stop()` puts the
 * console back and returns them.
 */
export function watchConsole(): { stop: () => string[] } {
  const messages: string[] = [];
  const { error, warn } = console;
  const record = (...args: unknown[]) => void messages.push(args.map(String).join(' '));
  console.error = record;
  console.warn = record;
  const stop = () => {
    Object.assign(console, { error, warn });
    return messages;
  };
  cleanUps.push(stop);
  return { stop };
}
