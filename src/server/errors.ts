// The one error the client throws for a failed call: what failed, how, and
// nothing that could carry a credential into a log.

/** Codes the client sets itself when Fiskil gave none. Fiskil's own codes pass through. */
export type FiskilClientErrorCode = 'timeout' | 'network_error' | 'invalid_response' | 'http_error';

export interface FiskilApiErrorInit {
  /** The call, as `METHOD /path` (no query string: it may hold an email address). */
  call: string;
  /** The HTTP status; 0 when no answer came (a timeout, a network failure). */
  status: number;
  code: string;
  /** Fiskil's own sentence about the failure, if it sent one (credentials removed). */
  detail?: string;
  /** Fiskil's error id (`id` in its error body), to quote to Fiskil's support. */
  requestId?: string;
  /** Seconds the server asked the client to wait (`Retry-After`). */
  retryAfter?: number;
  /** What went wrong underneath, as text only (credentials removed). */
  cause?: string;
}

/**
 * A call to Fiskil's API that failed. `message` reads `POST /v1/auth/session:
 * 400 invalid_institution_id`. It holds no request, response or header, so
 * neither a token nor the client secret can reach a log through it.
 */
export class FiskilApiError extends Error {
  override readonly name = 'FiskilApiError';
  readonly call: string;
  readonly status: number;
  /** Fiskil's error name (`end_user_already_exists`, `invalid_institution_id`, `unauthorized`, …) or a {@link FiskilClientErrorCode}. */
  readonly code: FiskilClientErrorCode | (string & {});
  readonly detail: string | undefined;
  readonly requestId: string | undefined;
  readonly retryAfter: number | undefined;

  constructor(init: FiskilApiErrorInit) {
    const what = init.status ? `${init.status} ${init.code}` : init.code;
    super(
      `${init.call}: ${what}${init.status ? '' : init.detail ? ` (${init.detail})` : ''}`,
      init.cause === undefined ? undefined : { cause: init.cause },
    );
    this.call = init.call;
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.requestId = init.requestId;
    this.retryAfter = init.retryAfter;
  }
}

/** `text` with every occurrence of each secret replaced. */
export function redact(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  return out;
}
