import type { HostedErrorDetails } from './errors.js';

/**
 * A message from Fiskil's hosted page, as PROTOCOL.md ("Messages from the
 * hosted page") defines them. Everything that narrows `unknown` lives here.
 */
export type ProviderMessage =
  | { kind: 'success'; consentID: string; redirectURL?: string }
  | { kind: 'failure'; code: string; message: string; details?: HostedErrorDetails };

/** Consent error types the SDK looks for inside a `redirectURL` (PROTOCOL.md rule 2). */
export const REDIRECT_ERROR_TYPES = [
  'CONSENT_UPSTREAM_PROCESSING_ERROR',
  'CONSENT_ENDUSER_DENIED',
  'CONSENT_OTP_FAILURE',
  'CONSENT_ENDUSER_INELIGIBLE',
  'CONSENT_TIMEOUT',
  'AUTH_SESSION_CANCELLED',
  'CONSUMERDATA_PROCESSING_ERROR',
] as const;

const FLAT_ERROR_FIELDS = [
  'error',
  'errorID',
  'errorType',
  'errorDescription',
  'errorURI',
] as const;

// Read own data only: a key inherited from a polluted Object.prototype is not
// something the hosted page said.
function own(data: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(data, key)
    ? (data as Record<string, unknown>)[key]
    : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function flatFailure(data: object): ProviderMessage | null {
  if (!FLAT_ERROR_FIELDS.some((key) => text(own(data, key)) !== undefined)) return null;
  const errorType = text(own(data, 'errorType'));
  const code = errorType ?? 'LINK_INTERNAL_ERROR';
  const description = text(own(data, 'errorDescription'));
  return {
    kind: 'failure',
    code,
    message: text(own(data, 'error')) ?? description ?? code,
    details: {
      error_id: text(own(data, 'errorID')),
      error_type: errorType,
      error_description: description,
      error_uri: text(own(data, 'errorURI')),
    },
  };
}

function redirectFailure(redirectURL: string): ProviderMessage | null {
  const mentioned = REDIRECT_ERROR_TYPES.find((type) => redirectURL.includes(type));
  if (!mentioned) return null;
  let query: URLSearchParams;
  try {
    // The base only lets a relative redirect be read; it is never loaded.
    query = new URL(redirectURL, 'https://redirect.invalid/').searchParams;
  } catch {
    return {
      kind: 'failure',
      code: 'LINK_INTERNAL_ERROR',
      message: 'The hosted page reported a failure in a redirect URL that could not be read',
    };
  }
  const param = (name: string) => text(query.get(name));
  const code = param('error_type') ?? mentioned;
  return {
    kind: 'failure',
    code,
    message: param('error') ?? param('error_description') ?? code,
    details: {
      error_id: param('error_id'),
      error_type: param('error_type'),
      error_description: param('error_description'),
      error_uri: param('error_uri'),
    },
  };
}

/**
 * Turns `event.data` into a protocol message, or `null` when it is not one
 * (other widgets, extensions and dev servers post messages too). The rules are
 * tried in PROTOCOL.md's order; the first that matches wins.
 */
export function parseProviderMessage(data: unknown): ProviderMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  try {
    const hasIsCompleted = Object.prototype.hasOwnProperty.call(data, 'isCompleted');
    const isCompleted = own(data, 'isCompleted');

    if (hasIsCompleted && isCompleted === false) {
      const failure = flatFailure(data);
      if (failure) return failure;
    }

    const redirectURL = own(data, 'redirectURL');
    if (hasIsCompleted && typeof redirectURL === 'string') {
      const failure = redirectFailure(redirectURL);
      if (failure) return failure;
    }

    const consentID = text(own(data, 'consentID'));
    if (isCompleted === true && consentID !== undefined) {
      return typeof redirectURL === 'string'
        ? { kind: 'success', consentID, redirectURL }
        : { kind: 'success', consentID };
    }

    const error = own(data, 'error');
    if (typeof error === 'string') {
      return { kind: 'failure', code: 'LINK_INTERNAL_ERROR', message: error || 'Unknown error' };
    }
    return null;
  } catch {
    // A getter that throws or a revoked proxy (only possible from same-realm
    // code, never across postMessage) is not a protocol message.
    return null;
  }
}
