// @ts-check
// The messages the hosted page posts to its parent when the flow ends, in the two
// forms Fiskil's page uses (docs/protocol.md, "Messages from the hosted page").
import { rid } from './http.js';

const DOCS_ERRORS = 'https://docs.fiskil.com/docs/errors';

/**
 * A failure as the hosted flow decides it, before it becomes a message.
 * @typedef {{ form: 'flat'; type: string; description: string }
 *   | { form: 'redirect'; error: string; type: string; description: string }} Failure
 */

/** Flat form: session and cancel failures. @param {string} type @param {string} description */
export const flatFailure = (type, description) => ({
  isCompleted: false,
  error: type,
  errorType: type,
  errorID: rid('err', 8),
  errorDescription: description,
  errorURI: `${DOCS_ERRORS}#${type}`,
});

/**
 * Redirect-URL form: consent failures, on the session's cancel_uri.
 * @param {string} cancelUri @param {string} error @param {string} type @param {string} description
 */
export function redirectFailure(cancelUri, error, type, description) {
  const u = new URL(cancelUri);
  u.searchParams.set('error', error);
  u.searchParams.set('error_description', description);
  u.searchParams.set('error_id', rid('err', 8));
  u.searchParams.set('error_type', type);
  u.searchParams.set('error_uri', `${DOCS_ERRORS}#${type}`);
  return { isCompleted: true, redirectURL: u.href };
}

/** @param {Failure} f @param {string} cancelUri */
export const failureMessage = (f, cancelUri) =>
  f.form === 'flat'
    ? flatFailure(f.type, f.description)
    : redirectFailure(cancelUri, f.error, f.type, f.description);

/** @param {string} consentId @param {string} redirectUri */
export function successMessage(consentId, redirectUri) {
  const done = new URL(redirectUri);
  done.searchParams.set('consent_id', consentId);
  return { isCompleted: true, consentID: consentId, redirectURL: done.href };
}

/** What the hosted page says for each reason a session cannot be used. */
export const INVALID_SESSION = Object.freeze({
  unknown:
    'This link is not valid. It may have been mistyped. Ask the app you came from to start again.',
  expired: 'This link has expired. Ask the app you came from to start again.',
  used: 'This link has already been used. Ask the app you came from to start again.',
});
