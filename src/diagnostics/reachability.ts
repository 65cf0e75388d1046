import { policyAdvice, watchPolicy } from './csp.js';

// The origins being asked now, and those the page's policy (`connect-src`)
// blocked: the latter stay, never asked again while the page lives, so the page
// reports at most one violation for each (a flow that starts while its origin
// is being asked is not checked either).
const asked = new Set<string>();

/** Whether a prefetch of `href`, held in `root` while it lasts, loaded. */
function prefetched(href: string, root: Node, signal: AbortSignal): Promise<boolean> {
  const link = document.createElement('link');
  return new Promise<boolean>((settle) => {
    link.rel = 'prefetch';
    link.href = href;
    link.onload = () => settle(true);
    link.onerror = signal.onabort = () => settle(false);
    root.appendChild(link);
  }).finally(() => link.remove());
}

/**
 * Checks a frame of a flow as it loads from `origin` (docs/diagnostics.md):
 * whether the page's CSP blocks it (`frameBlocked`), and whether the server
 * can be reached at all. An engine shows its own error page in the frame when
 * the network fails (Chromium even fires `load` for it) and tells the page
 * nothing, so the server is asked too, for the bare origin, without the
 * session id, so the hosted page is not loaded twice: by a prefetch that
 * `root` holds while it lasts (Chromium), then by a `HEAD`, no-cors.
 *
 * Resolves with why the server could not be reached; with nothing when it
 * answered, when the page's `connect-src` forbade asking (the first time on
 * the page, `connectBlocked` then gets the sentence that says what turns the
 * check on), or when no answer came within `ms`.
 */
export async function checkFrame(
  origin: string,
  root: Node,
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
  const answer = AbortSignal.timeout(ms);
  try {
    // Chromium logs every answered `HEAD` as failed (`net::ERR_ABORTED`), and a
    // `no-cors` `GET` of an HTML page too: there the server is asked first with
    // a prefetch, which ends cleanly and fails only when no answer came (or an
    // error status did, which the `HEAD` then tells apart). Firefox fires
    // `load` for a prefetch that failed, and WebKit neither event: they are
    // asked with the `HEAD` alone. Only Chromium has `navigator.userAgentData`
    // (read here, not on import: Node 20, which imports the element to render
    // on a server, has no `navigator`). After a prefetch with no answer in
    // time, the aborted signal stops the `HEAD` before it is sent.
    if (!('userAgentData' in navigator && (await prefetched(`${origin}/`, root, answer))))
      await fetch(origin, { method: 'HEAD', mode: 'no-cors', signal: answer });
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
