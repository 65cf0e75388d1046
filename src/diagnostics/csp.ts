/** What to add to the page's policy, and where. */
export const policyAdvice = (directive: string, origin: string) =>
  `The page's Content-Security-Policy (${directive}) does not allow ${origin}: add it to ${directive}`;

/**
 * Reads what the page's Content-Security-Policy does to a flow from its
 * `securitypolicyviolation` events (docs/diagnostics.md). Only an enforced
 * policy blocking `origin` counts: an image, another frame or a report-only
 * policy changes nothing.
 *
 * Calls `frameBlocked` with the sentence for `LINK_INVALID_CONFIG` when the
 * flow's frame is blocked; the function it returns says whether the
 * reachability check was (`connect-src`).
 */
export function watchPolicy(
  origin: string,
  signal: AbortSignal,
  frameBlocked: (message: string) => void,
): () => boolean {
  let connect = false;
  addEventListener(
    'securitypolicyviolation',
    ({ blockedURI, effectiveDirective, disposition, originalPolicy }) => {
      // Engines name a cross-origin frame by its origin alone, a fetch by its URL.
      if (disposition != 'enforce' || !`${blockedURI}/`.startsWith(`${origin}/`)) return;
      connect ||= effectiveDirective == 'connect-src';
      // Every engine says frame-src here, whichever directive the policy used.
      if (effectiveDirective == 'frame-src') {
        const directive =
          ['frame-src', 'child-src'].find((name) => originalPolicy.includes(name)) ?? 'default-src';
        frameBlocked(`${policyAdvice(directive, origin)}.`);
      }
    },
    { signal },
  );
  return () => connect;
}
