// One call to Fiskil's API: the bearer token, a timeout on each attempt, the
// retries a call allows, one fresh token after a 401, and errors that name the
// call and carry no credential.
import { FiskilApiError, redact } from './errors.js';
import { isRetryableStatus, readRetryAfter, retryDelayMs } from './retry.js';
import type { TokenCache } from './token.js';

export interface Call {
  method: 'GET' | 'POST' | 'DELETE';
  /** The path, ids already encoded; it names the call in errors. */
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  /** Retry 429 and 5xx: only for requests that change nothing (the token and reads). */
  retries: boolean;
}

export interface TransportOptions {
  baseUrl: string;
  fetch: typeof fetch;
  timeoutMs: number;
  maxRetries: number;
  /** Strings that must never appear in an error: the client secret and the tokens. */
  secrets: () => Iterable<string>;
  sleep?: (ms: number) => Promise<void>;
}

interface Answer {
  status: number;
  retryAfter: number | undefined;
  text: string;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createTransport(o: TransportOptions) {
  const sleep = o.sleep ?? sleepFor;
  // Called as a plain function: Workers' and browsers' fetch refuse a `this` other than the global.
  const send = o.fetch;
  const base = o.baseUrl.replace(/\/+$/, '');

  /** One attempt, the answer read in full within the timeout. */
  async function attempt(call: Call, name: string, token: string | undefined): Promise<Answer> {
    const url = new URL(base + call.path);
    for (const [key, value] of Object.entries(call.query ?? {}))
      if (value !== undefined) url.searchParams.set(key, value);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const signal = AbortSignal.timeout(o.timeoutMs);
    try {
      const response = await send(url.href, {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal,
      });
      const text = await response.text();
      return {
        status: response.status,
        retryAfter: readRetryAfter(response.headers.get('retry-after')),
        text,
      };
    } catch (error) {
      if (signal.aborted)
        throw new FiskilApiError({
          call: name,
          status: 0,
          code: 'timeout',
          detail: `no answer within ${o.timeoutMs} ms`,
        });
      const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new FiskilApiError({
        call: name,
        status: 0,
        code: 'network_error',
        detail: redact(why, o.secrets()),
        cause: redact(why, o.secrets()),
      });
    }
  }

  function parse(text: string, name: string, status: number): unknown {
    if (text.trim() === '') return undefined;
    try {
      return JSON.parse(text);
    } catch {
      throw new FiskilApiError({
        call: name,
        status,
        code: 'invalid_response',
        detail: 'the answer is not JSON',
      });
    }
  }

  function failure(answer: Answer, name: string): FiskilApiError {
    let body: Record<string, unknown> = {};
    try {
      const parsed: unknown = JSON.parse(answer.text);
      if (typeof parsed === 'object' && parsed !== null) body = parsed as Record<string, unknown>;
    } catch {
      // Not Fiskil's JSON error (a proxy's page, say): the status says enough.
    }
    const text = (key: string) =>
      typeof body[key] === 'string' ? (body[key] as string) : undefined;
    const code = text('name') ?? text('code') ?? text('error') ?? 'http_error';
    const detail = text('message') ?? text('error_description');
    return new FiskilApiError({
      call: name,
      status: answer.status,
      code: redact(code, o.secrets()),
      detail: detail === undefined ? undefined : redact(detail, o.secrets()),
      requestId: text('id'),
      retryAfter: answer.retryAfter,
    });
  }

  /**
   * Sends `call` (with a token from `tokens`, unless it is the token request
   * itself) and resolves with its parsed JSON answer.
   */
  async function request(call: Call, tokens?: TokenCache): Promise<unknown> {
    const name = `${call.method} ${call.path}`;
    let refreshed = false;
    for (let retry = 0; ;) {
      const token = tokens ? await tokens.get() : undefined;
      const answer = await attempt(call, name, token);
      if (answer.status >= 200 && answer.status < 300)
        return parse(answer.text, name, answer.status);
      // A refused token changed nothing on the server, so even a create is sent again, once.
      if (answer.status === 401 && tokens && token && !refreshed) {
        tokens.drop(token);
        refreshed = true;
        continue;
      }
      const error = failure(answer, name);
      const delay =
        call.retries && retry < o.maxRetries && isRetryableStatus(answer.status)
          ? retryDelayMs(answer.retryAfter, retry)
          : null;
      if (delay === null) throw error;
      retry += 1;
      await sleep(delay);
    }
  }

  return { request };
}

export type Transport = ReturnType<typeof createTransport>;
