import { policyAdvice, watchPolicy } from './csp.js';

// The origins being asked now, and those the page's policy (`connect-src`)
// blocked: the latter stay, never asked again while the page lives, so the page
// reports at most one violation for each (a flow that starts while its origin
// is being asked is not checked either).
const asked = new Set<string>();

/**
 * Checks a frame of a flow as it loads from `origin` (docs/diagnostics.md):
 * whether the page's CSP blocks it (`frameBlocked`), and whether the server
 * can be reached at all. An engine shows its own error page in the frame when
 * the network fails (Chromium even fires `load` for it) and tells the page
 * nothing, so the server is asked too: a `HEAD` of the bare origin, no-cors,
 * without the session id, so the hosted page is not loaded twice.
 *
 * Resolves with why the server could not be reached; with nothing when it
 * answered, when the page's `connect-src` forbade asking (the first time on
 * the page, `connectBlocked` then gets the sentence that says what turns the
 * check on), or when no answer came within `ms`.
 */
export async function checkFrame(
  origin: string,
  ms: number,
  signal: AbortSignal,
  frameBlocked: (message: string) => void,
  connectBlocked: (message: string) => void,
): Promise<string | void> {
  const checkBlocked = watchPolicy(origin, signal, frameBlocked);
  // Asked a task later, once the frame is on the page: sent ahead of the
  // frame's own request, the check delayed it by a millisecond or more (`npm run bench`).
  await new Promise((queued) => setTimeout(queued));
  if (signal.aborted || asked.has(origin)) return;
  asked.add(origin);
  let why;
  try {
    await fetch(origin, { method: 'HEAD', mode: 'no-cors', signal: AbortSignal.timeout(ms) });
  } catch (error) {
    // A network failure and a connect-src block both reject with a TypeError;
    // the block's violation event comes a few milliseconds after.
    if (error instanceof TypeError) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      if (checkBlocked())
        return connectBlocked(
          `${policyAdvice('connect-src', origin)} to check that it can be reached`,
        );
      why = `${origin} could not be reached (${error.message})`;
    }
  }
  asked.delete(origin);
  return why;
}
