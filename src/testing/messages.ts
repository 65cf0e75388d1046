// The messages the fake hosted page posts, in the forms Fiskil's page sends
// them (docs/protocol.md, section 5): the redirect-URL form for the consent
// failures at the institution, the flat form for the others. The descriptions
// are the offline sandbox's, so that a fake outcome and the sandbox's give the
// same `detail` (test/testing/contract.test.ts compares them).

const DOCS_ERRORS = 'https://docs.fiskil.com/docs/errors';

/** The consent failures Fiskil reports in a redirect URL, with that URL's `error` parameter. */
const REDIRECTED: Readonly<Record<string, string>> = {
  CONSENT_ENDUSER_DENIED: 'access_denied',
  CONSENT_OTP_FAILURE: 'access_denied',
  CONSENT_ENDUSER_INELIGIBLE: 'access_denied',
  CONSENT_TIMEOUT: 'temporarily_unavailable',
  CONSENT_UPSTREAM_PROCESSING_ERROR: 'server_error',
};

/** What the hosted page says of each failure when the test gives no description. */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  CONSENT_ENDUSER_DENIED: 'End-user denied consent',
  CONSENT_OTP_FAILURE: 'One-time password verification failed.',
  CONSENT_ENDUSER_INELIGIBLE: 'The end user is not eligible to share data from this institution.',
  CONSENT_TIMEOUT: 'The consent process at the institution timed out.',
  CONSENT_UPSTREAM_PROCESSING_ERROR: 'The institution is unavailable. Try again later.',
  CONSUMERDATA_PROCESSING_ERROR: 'The consumer data could not be processed.',
  AUTH_SESSION_CANCELLED: 'The end user cancelled the flow.',
  LINK_INVALID_SESSION: 'Invalid/terminal session (expired)',
  AUTH_SESSION_INVALID: 'Invalid/terminal session (expired)',
};

/** A made-up id in the hosted page's style (`err_…`, `arr_…`). */
export function madeUpId(prefix: string, hexDigits: number): string {
  let hex = '';
  while (hex.length < hexDigits) hex += Math.floor(Math.random() * 16).toString(16);
  return `${prefix}_${hex}`;
}

/** Success: `{ isCompleted: true, consentID, redirectURL }`. */
export function successMessage(consentID: string, redirectURL: string | undefined) {
  return redirectURL === undefined
    ? { isCompleted: true, consentID }
    : { isCompleted: true, consentID, redirectURL };
}

/** The redirect URL of a successful flow when the test gives none, on the hosted page's origin. */
export function completeURL(origin: string, consentID: string): string {
  const url = new URL('/complete', origin);
  url.searchParams.set('consent_id', consentID);
  return url.href;
}

/**
 * A failure, in the form Fiskil's page sends for its code: a known `CONSENT_*`
 * code in the redirect-URL form (on `origin`'s cancel page), any other flat.
 * An unknown `CONSENT_*` code goes flat too: the element reads the redirect
 * form only for the types it knows, and would ignore it.
 */
export function failureMessage(code: string, description: string | undefined, origin: string) {
  const text = description ?? DESCRIPTIONS[code] ?? `The hosted flow failed (${code}).`;
  const errorID = madeUpId('err', 16);
  const errorURI = `${DOCS_ERRORS}#${code}`;
  const error = Object.hasOwn(REDIRECTED, code) ? REDIRECTED[code] : undefined;
  if (error === undefined) {
    return {
      isCompleted: false,
      error: code,
      errorType: code,
      errorID,
      errorDescription: text,
      errorURI,
    };
  }
  const url = new URL('/cancel', origin);
  url.searchParams.set('error', error);
  url.searchParams.set('error_description', text);
  url.searchParams.set('error_id', errorID);
  url.searchParams.set('error_type', code);
  url.searchParams.set('error_uri', errorURI);
  return { isCompleted: true, redirectURL: url.href };
}
