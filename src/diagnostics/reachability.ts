import { watchPolicy } from './csp.js';

/**
 * Checks a frame of a flow as it loads from `origin` (docs/diagnostics.md):
 * whether the page's CSP blocks it (`frameBlocked`), and whether the server
 * can be reached at all. An engine shows its own error page in the frame when
 * the network fails (Chromium even fires `load` for it) and tells the page
 * nothing, so the server is asked too: a `HEAD` of the bare origin, no-cors,
 * without the session id, so the hosted page is not loaded twice.
 *
 * Resolves with why the server could not be reached; with nothing when it
 * answered, when the page's `connect-src` forbade asking, or when no answer
 * came within `ms`.
 */
export async function checkFrame(
  origin: string,
  ms: number,
  signal: AbortSignal,
  frameBlocked: (message: string) => void,
): Promise<string | void> {
  const checkBlocked = watchPolicy(origin, signal, frameBlocked);
  // Asked a task later, once the frame is on the page: sent ahead of the
  // frame's own request, the check delayed it by a millisecond or more (`npm run bench`).
  await new Promise((queued) => setTimeout(queued));
  if (signal.aborted) return;
  try {
    await fetch(origin, { method: 'HEAD', mode: 'no-cors', signal: AbortSignal.timeout(ms) });
  } catch (error) {
    // A network failure and a connect-src block both reject with a TypeError;
    // the block's violation event comes a few milliseconds after.
    if (!(error instanceof TypeError)) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (!checkBlocked()) return `${origin} could not be reached (${error.message})`;
  }
}
