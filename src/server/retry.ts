// When a failed call is worth trying again, and after how long. Only the token
// and reads are ever retried (a create that timed out may have happened).

/** A server asking for longer than this is not waited for: the error says how long it asked. */
export const LONGEST_WAIT_S = 30;
const FIRST_BACKOFF_MS = 200;

/** `Retry-After` as seconds (a number of seconds, or an HTTP date), or undefined. */
export function readRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** Whether an answer with `status` may be asked again (too many requests, or the server failed). */
export const isRetryableStatus = (status: number): boolean => status === 429 || status >= 500;

/**
 * The wait before retry number `retry` (0 for the first), in ms, or null for
 * "do not retry": the server's `Retry-After` when it sent one, else a doubling backoff.
 */
export function retryDelayMs(retryAfterS: number | undefined, retry: number): number | null {
  if (retryAfterS !== undefined) return retryAfterS > LONGEST_WAIT_S ? null : retryAfterS * 1000;
  return FIRST_BACKOFF_MS * 2 ** retry;
}
