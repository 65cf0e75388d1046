// @ts-check
// Cursor paging as Fiskil's Data API does it: `page[size]` (default 100, at most 1000),
// `page[after]` / `page[before]` with a cursor from `links.next` / `links.prev`.
import { ApiError } from './http.js';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

/**
 * One page of `items` under `key`, with links to the pages either side (null at the ends).
 * A record's `fiskil_id` is its cursor.
 * @template {{ fiskil_id: string }} T
 * @param {URL} url the request's URL (its other parameters carry into the links)
 * @param {string} publicUrl the sandbox's base URL
 * @param {T[]} items
 * @param {string} key the plural key, e.g. "transactions"
 */
export function page(url, publicUrl, items, key) {
  const raw = url.searchParams.get('page[size]');
  const size = raw === null ? DEFAULT_PAGE_SIZE : Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE)
    throw new ApiError(
      400,
      'invalid_request',
      `"page[size]" must be a whole number from 1 to ${MAX_PAGE_SIZE}.`,
    );
  const after = url.searchParams.get('page[after]');
  const before = url.searchParams.get('page[before]');
  if (after !== null && before !== null)
    throw new ApiError(400, 'invalid_request', 'Send "page[after]" or "page[before]", not both.');
  const cursor = after ?? before;
  const at = cursor === null ? -1 : items.findIndex((i) => i.fiskil_id === cursor);
  if (cursor !== null && at < 0)
    throw new ApiError(
      400,
      'invalid_request',
      `"page[${after !== null ? 'after' : 'before'}]" is not a cursor of this list: follow links.next or links.prev.`,
    );
  const start = before !== null ? Math.max(0, at - size) : after !== null ? at + 1 : 0;
  const end = before !== null ? at : Math.min(items.length, start + size);
  const slice = items.slice(start, end);
  /** @param {'after' | 'before'} dir @param {string} id */
  const link = (dir, id) => {
    const u = new URL(url.pathname + url.search, publicUrl);
    u.searchParams.delete('page[after]');
    u.searchParams.delete('page[before]');
    u.searchParams.set(`page[${dir}]`, id);
    return u.href;
  };
  return {
    [key]: slice,
    links: {
      next:
        end < items.length && slice.length
          ? link('after', slice[slice.length - 1].fiskil_id)
          : null,
      prev: start > 0 && slice.length ? link('before', slice[0].fiskil_id) : null,
    },
  };
}
