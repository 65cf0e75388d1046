// What the React entry's tests share: a root to render into, the React
// version under test, and the console React and the hook write to.
import { version } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { ReactNode } from 'react';
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

const mounted: Mounted[] = [];

export function mount(ui: ReactNode): Mounted {
  const container = document.body.appendChild(document.createElement('div'));
  const root: Root = createRoot(container);
  const handle: Mounted = {
    container,
    render: (next) => flushSync(() => root.render(next)),
    unmount: () => {
      root.unmount();
      container.remove();
    },
  };
  handle.render(ui);
  mounted.push(handle);
  return handle;
}

/** Unmounts what a test left mounted (a test that unmounts itself is not unmounted twice). */
export function unmountAll(): void {
  for (const handle of mounted.splice(0)) if (handle.container.isConnected) handle.unmount();
}

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
  return {
    stop: () => {
      console.error = error;
      console.warn = warn;
      return messages;
    },
  };
}
