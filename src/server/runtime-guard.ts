// This entry holds a client secret. A bundler that pulls it into a page would
// ship that secret to every visitor, so in a browser page it refuses to load.

interface MaybeServerGlobals {
  document?: unknown;
  process?: { versions?: { node?: string } };
  Deno?: unknown;
  Bun?: unknown;
}

/** True where a page's `document` exists and no server runtime does (Node, Deno, Bun). */
export function isBrowserPage(
  scope: MaybeServerGlobals = globalThis as MaybeServerGlobals,
): boolean {
  if (typeof scope.document !== 'object' || scope.document === null) return false;
  // jsdom and happy-dom test suites run in Node with a `document`: those are servers.
  const server =
    typeof scope.process?.versions?.node === 'string' ||
    scope.Deno !== undefined ||
    scope.Bun !== undefined;
  return !server;
}

export const BROWSER_REFUSAL =
  'fiskil-link/server holds your Fiskil client secret and runs only on a server (Node, Deno, Bun, Workers, Next.js route handlers); it was loaded in a browser page. Import it from server code only.';

/** Throws in a browser page; nothing elsewhere. */
export function assertServerRuntime(): void {
  if (isBrowserPage()) throw new Error(BROWSER_REFUSAL);
}
