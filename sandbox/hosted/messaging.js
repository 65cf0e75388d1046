// @ts-check
// Posting the flow's one outcome to the page that embeds it, and to no other origin.

const config = JSON.parse(document.getElementById('sandbox-config')?.textContent ?? '{}');
export const embedded = window.parent !== window;

/**
 * The origin of the page that embeds us, which is the only one we post to.
 * Chromium and WebKit expose it as `location.ancestorOrigins`; elsewhere the
 * referrer (at least an origin under the default referrer policy) stands in.
 * When the sandbox is configured with app origins (`--app-origin`), only those count.
 * @returns {string | undefined}
 */
export function parentOrigin() {
  /** @type {string[]} */
  const allowed = config.app_origins ?? [];
  /** @type {string | undefined} */
  let candidate = location.ancestorOrigins?.[0];
  if (!candidate && document.referrer) {
    try {
      candidate = new URL(document.referrer).origin;
    } catch {
      candidate = undefined;
    }
  }
  if (candidate === 'null') candidate = undefined;
  if (allowed.length === 0) return candidate;
  if (candidate) return allowed.includes(candidate) ? candidate : undefined;
  return allowed.length === 1 ? allowed[0] : undefined;
}

let reported = false;
/** Posts the flow's one outcome to the embedding page. @param {object} message */
export function report(message) {
  if (reported || !embedded) return;
  reported = true;
  const origin = parentOrigin();
  if (!origin) {
    console.error(
      'fiskil sandbox: cannot tell the embedding page’s origin; not reporting',
      message,
    );
    return;
  }
  window.parent.postMessage(message, origin);
}
