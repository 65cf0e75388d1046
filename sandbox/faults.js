// @ts-check
// Faults on demand, so a client's handling of them can be shown rather than assumed:
// the next N calls to an API route answer an error status (429 with Retry-After, 500,
// …) or answer late. Set with the `faults` option, `--fault`, `POST /sandbox/faults`
// or `sandbox.faults.add()`; each is used up by the calls it answers.
import { ApiError } from './http.js';

/**
 * @typedef {{ method: string; path: string; status?: number; retryAfter?: number; delayMs?: number; count?: number }} FaultSpec
 * @typedef {{ id: number; method: string; path: string; status: number | undefined; retryAfter: number | undefined; delayMs: number | undefined; remaining: number }} Fault
 */

/** What a slow fault waits by default: longer than a client's usual 10 s timeout. */
export const DEFAULT_DELAY_MS = 12_000;
const METHODS = ['GET', 'POST', 'DELETE', '*'];
const ERROR_NAMES = /** @type {Record<number, string>} */ ({
  429: 'rate_limited',
  500: 'internal_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
});

/** @param {string} why */
const bad = (why) => new ApiError(400, 'invalid_request', `A fault ${why}.`);

/** @param {unknown} v */
const wholeNumber = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/**
 * A checked fault. Throws ApiError 400 naming what is wrong.
 * @param {FaultSpec} spec @param {number} [id] @returns {Fault}
 */
export function checkFault(spec, id = 0) {
  const method = String(spec.method ?? '').toUpperCase();
  if (!METHODS.includes(method)) throw bad(`needs "method": one of ${METHODS.join(', ')}`);
  if (typeof spec.path !== 'string' || !spec.path.startsWith('/v1/'))
    throw bad('needs "path": an API path such as /v1/consent (a trailing * matches any rest)');
  if (
    spec.status !== undefined &&
    !(wholeNumber(spec.status) && spec.status >= 400 && spec.status <= 599)
  )
    throw bad('"status" must be 400 to 599');
  if (spec.retryAfter !== undefined && !wholeNumber(spec.retryAfter))
    throw bad('"retry_after" must be a whole number of seconds');
  if (spec.delayMs !== undefined && !wholeNumber(spec.delayMs))
    throw bad('"delay_ms" must be a whole number of milliseconds');
  if (spec.status === undefined && spec.delayMs === undefined)
    throw bad('needs "status" (an error to answer) or "delay_ms" (an answer made late)');
  const count = spec.count ?? 1;
  if (!(wholeNumber(count) && count >= 1 && count <= 1000)) throw bad('"count" must be 1 to 1000');
  return {
    id,
    method,
    path: spec.path,
    status: spec.status,
    retryAfter: spec.status === 429 ? (spec.retryAfter ?? 1) : spec.retryAfter,
    delayMs: spec.delayMs,
    remaining: count,
  };
}

/**
 * A fault as the CLI takes it: `<METHOD> <path> <what>[x<count>]`, where what is a
 * status (`429` answers Retry-After: 1; `429:5` answers 5), or `slow` (12 s) or
 * `slow:<ms>`. E.g. `POST /v1/token 500x2`, `GET /v1/consent slow:3000`.
 * @param {string} text @returns {FaultSpec}
 */
export function parseFault(text) {
  const m = /^\s*(\S+)\s+(\/\S+)\s+(?:(\d{3})(?::(\d+))?|slow(?::(\d+))?)(?:x(\d+))?\s*$/i.exec(
    text,
  );
  if (!m)
    throw new TypeError(
      `"${text}" is not <METHOD> <path> <status>[:<retry-after>] or <METHOD> <path> slow[:<ms>], then x<count>`,
    );
  const [, method, path, status, retryAfter, delay, count] = m;
  /** @type {FaultSpec} */
  const spec = { method: method.toUpperCase(), path };
  if (status) spec.status = Number(status);
  else spec.delayMs = delay ? Number(delay) : DEFAULT_DELAY_MS;
  if (retryAfter) spec.retryAfter = Number(retryAfter);
  if (count) spec.count = Number(count);
  try {
    checkFault(spec);
  } catch (e) {
    throw new TypeError(e instanceof Error ? e.message : String(e), { cause: e });
  }
  return spec;
}

/** @param {Fault} f */
const view = (f) => ({
  id: f.id,
  method: f.method,
  path: f.path,
  status: f.status ?? null,
  retry_after: f.retryAfter ?? null,
  delay_ms: f.delayMs ?? null,
  remaining: f.remaining,
});

/** @param {Fault} f @param {string} method @param {string} pathname */
const matches = (f, method, pathname) =>
  (f.method === '*' || f.method === method) &&
  (f.path.endsWith('*') ? pathname.startsWith(f.path.slice(0, -1)) : pathname === f.path);

/** @param {FaultSpec[]} [initial] */
export function createFaults(initial = []) {
  /** @type {Fault[]} */
  const active = [];
  let nextId = 1;

  const faults = {
    /** Adds a fault (checked: a 400 ApiError names what is wrong); its view. @param {FaultSpec} spec */
    add(spec) {
      const f = checkFault(spec, nextId++);
      active.push(f);
      return view(f);
    },
    /** The faults not yet used up. */
    list: () => active.map(view),
    /** Removes every fault; how many there were. */
    clear() {
      const n = active.length;
      active.length = 0;
      return n;
    },
    /**
     * Applies the first fault that matches this request, using it up once: waits its
     * delay (cut short if the client goes away), then throws its error status.
     * Resolves true when the client left while it waited (nothing to answer).
     * @param {string} method @param {string} pathname @param {import('node:http').ServerResponse} res
     */
    async apply(method, pathname, res) {
      const f = active.find((x) => matches(x, method, pathname));
      if (!f) return false;
      f.remaining -= 1;
      if (f.remaining === 0) active.splice(active.indexOf(f), 1);
      if (f.delayMs) {
        await new Promise((resolve) => {
          const timer = setTimeout(resolve, f.delayMs);
          res.once('close', () => {
            clearTimeout(timer);
            resolve(undefined);
          });
        });
        if (res.destroyed || res.writableEnded) return true;
      }
      if (f.status === undefined) return false;
      if (f.retryAfter !== undefined) res.setHeader('retry-after', String(f.retryAfter));
      throw new ApiError(
        f.status,
        ERROR_NAMES[f.status] ?? 'sandbox_fault',
        `A fault set on the sandbox (${f.method} ${f.path}, ${f.remaining} more to come).`,
      );
    },
  };
  for (const spec of initial) faults.add(spec);
  return faults;
}
