import { ownValue } from './own-value.js';

/** What the hosted page said about a failure, in the SDK's snake_case. */
export interface HostedErrorDetails {
  error_id?: string;
  error_type?: string;
  error_description?: string;
  error_uri?: string;
}

/** What a completed flow hands back: the `consent` event's `detail`, and what link() resolves with. */
export interface ConsentDetail {
  /** The consent (arrangement) the user granted; read it with `GET /v1/consent`, on your backend. */
  consentID: string;
  /** Where the hosted flow would have redirected, when it said. */
  redirectURL?: string;
}

/**
 * A message from Fiskil's hosted page, as docs/protocol.md describes them.
 * Everything that narrows `unknown` lives here; `message` and `details` are
 * what `@fiskil/link` gives for the same message, so code written for it reads
 * the same values.
 */
export type ProviderMessage =
  | ({ kind: 'success' } & ConsentDetail)
  | { kind: 'failure'; code: string; message: string; details: HostedErrorDetails };

/** Consent error types looked for inside a `redirectURL` (docs/protocol.md, the redirect form). */
export const REDIRECT_ERROR_TYPES = [
  'CONSENT_UPSTREAM_PROCESSING_ERROR',
  'CONSENT_ENDUSER_DENIED',
  'CONSENT_OTP_FAILURE',
  'CONSENT_ENDUSER_INELIGIBLE',
  'CONSENT_TIMEOUT',
  'AUTH_SESSION_CANCELLED',
  'CONSUMERDATA_PROCESSING_ERROR',
] as const;

// The leftmost mention wins, as in the SDK.
const REDIRECT_ERROR = new RegExp(REDIRECT_ERROR_TYPES.join('|'));

function failure(
  type: string | undefined,
  message: string,
  [error_id, error_description, error_uri]: (string | undefined)[] = [],
): ProviderMessage {
  return {
    kind: 'failure',
    code: type || 'LINK_INTERNAL_ERROR',
    message,
    details: { error_id, error_type: type, error_description, error_uri },
  };
}

// An absolute URL, or a percent-encoded one; a relative URL cannot be read, as in the SDK.
function redirectQuery(redirectURL: string): URLSearchParams | undefined {
  let url = redirectURL;
  if (!/^[a-z][a-z\d+.-]*:/i.test(url)) {
    try {
      url = decodeURIComponent(url);
    } catch {
      // not encoded after all
    }
  }
  try {
    return new URL(url).searchParams;
  } catch {
    return undefined;
  }
}

/**
 * Turns `event.data` into a protocol message, or `null` when it is not one
 * (other widgets, extensions and dev servers post messages too). The forms are
 * tried in docs/protocol.md's order; the first that matches wins.
 */
export function parseProviderMessage(data: unknown): ProviderMessage | null {
  if (typeof data != 'object' || data === null) return null;
  const read = (key: string): string | undefined => {
    const value = ownValue(data, key);
    return typeof value == 'string' ? value : undefined;
  };
  try {
    if (Object.hasOwn(data, 'isCompleted')) {
      const isCompleted = (data as { isCompleted: unknown }).isCompleted;
      const error = read('error');
      const type = read('errorType');
      const fields = [read('errorID'), read('errorDescription'), read('errorURI')];
      if (isCompleted === false && (error || type || fields.some(Boolean))) {
        return failure(type, error ?? 'internal error', fields);
      }

      const redirectURL = read('redirectURL');
      const mentioned = redirectURL?.match(REDIRECT_ERROR)?.[0];
      if (mentioned) {
        const query = redirectQuery(redirectURL!);
        const param = (name: string) => query?.get(name) ?? undefined;
        const urlType = param('error_type');
        const urlFields = [param('error_id'), param('error_description'), param('error_uri')];
        const urlError = param('error');
        if (urlType || urlError || urlFields.some(Boolean)) {
          return failure(urlType, urlType || urlError || 'Unknown error', urlFields);
        }
        return failure(undefined, mentioned);
      }

      const consentID = read('consentID');
      if (isCompleted === true && consentID) {
        return redirectURL === undefined
          ? { kind: 'success', consentID }
          : { kind: 'success', consentID, redirectURL };
      }
    }
    const error = read('error');
    return error === undefined ? null : failure(undefined, error);
  } catch {
    // A getter that throws or a revoked proxy (only possible from same-realm
    // code, never across postMessage) is not a protocol message.
    return null;
  }
}
