// Origins this module (or an earlier copy of it, or the page itself) has a
// preconnect for; a Set so that connecting many elements stays O(1) each.
const done = new Set<string>();

/**
 * Adds one `<link rel="preconnect">` per origin per page, so the browser opens
 * the connection to the hosted flow before the iframe asks for it.
 * https://html.spec.whatwg.org/multipage/links.html#link-type-preconnect
 */
export function preconnect(origin: string): void {
  const head = document.head;
  if (done.has(origin) || !head) return;
  done.add(origin);
  // Once per origin: a link another copy of this bundle, or the page, already has.
  for (const existing of head.querySelectorAll<HTMLLinkElement>('link[rel~="preconnect" i]')) {
    if (existing.href === `${origin}/`) return;
  }
  const link = document.createElement('link');
  link.rel = 'preconnect';
  link.href = origin;
  head.append(link);
}
