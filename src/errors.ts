import { ownValue } from './own-value.js';
import type { HostedErrorDetails, REDIRECT_ERROR_TYPES } from './protocol.js';

// Declared with the protocol that carries it; public from here, with the error that holds it.
export type { HostedErrorDetails };

/**
 * The sentence an end user is shown for each code (`LinkError.displayMessage`),
 * in English; `strings.errors` replaces any of them. The keys are the codes a
 * `link-error` can carry: Fiskil's hosted flow and SDK define all but
 * `LINK_INVALID_CONFIG`, which is this element's own (a bad attribute value, so
 * nothing was loaded). docs/protocol.md says what each code means.
 */
const ERROR_SENTENCES = {
  LINK_NOT_FOUND: 'The connection could not be started on this page.',
  LINK_TIMEOUT: 'The connection timed out. Please try again.',
  LINK_USER_CANCELLED: 'The connection was closed before it finished.',
  LINK_ORIGIN_MISMATCH: 'The connection could not be verified, so it was stopped.',
  LINK_INTERNAL_ERROR: 'Something went wrong. Please try again.',
  LINK_INVALID_SESSION: 'This link has expired or was already used. Please start again.',
  AUTH_SESSION_INVALID: 'This link has expired or was already used. Please start again.',
  AUTH_SESSION_CANCELLED: 'You left before connecting your account.',
  CONSENT_UPSTREAM_PROCESSING_ERROR:
    'Your institution is not responding right now. Please try again later.',
  CONSENT_ENDUSER_DENIED: 'You chose not to share your data.',
  CONSENT_OTP_FAILURE: 'The one-time code could not be checked. Please try again.',
  CONSENT_ENDUSER_INELIGIBLE: 'This account cannot share its data.',
  CONSENT_TIMEOUT: 'Your institution took too long to answer. Please try again.',
  CONSUMERDATA_PROCESSING_ERROR: 'Your data could not be processed. Please try again.',
  LINK_INVALID_CONFIG: 'This page could not start the connection. Please contact its owner.',
} as const;

export type KnownLinkErrorCode = keyof typeof ERROR_SENTENCES;

/** Every code this version knows, in the order of the README's table. */
export const LINK_ERROR_CODES = Object.keys(ERROR_SENTENCES) as readonly KnownLinkErrorCode[];

/** The failure types the hosted flow reports from the institution (`@fiskil/link` exports this name too). */
export type ConsentErrorType = (typeof REDIRECT_ERROR_TYPES)[number];

/** A known code, or one the hosted page sent that this version does not know (passed through). */
export type LinkErrorCode = KnownLinkErrorCode | (string & {});

/** Which origin a `LINK_ORIGIN_MISMATCH` message came from, and which was allowed. */
export interface OriginMismatchDetails {
  expectedOrigin: string;
  receivedOrigin: string;
}

/** Codes after which the hosted page explains the problem, so the modal stays open. */
export const INVALID_SESSION_CODES: readonly string[] = [
  'LINK_INVALID_SESSION',
  'AUTH_SESSION_INVALID',
];

// Only these need the integrator to change something before a new flow can
// succeed; any other code, an unknown one included, is worth another try.
const FINAL_CODES: readonly string[] = [
  'LINK_INVALID_CONFIG',
  'LINK_ORIGIN_MISMATCH',
  'LINK_NOT_FOUND',
  'CONSENT_ENDUSER_INELIGIBLE',
];

/** Sentences by code; only own keys count, so a code such as `constructor` finds nothing. */
export type ErrorSentences = Partial<Record<LinkErrorCode, string>>;

function sentence(sentences: unknown, code: string): string | undefined {
  const value = ownValue(sentences, code);
  return typeof value === 'string' && value ? value : undefined;
}

/** The `detail` of every `link-error`, and the rejection reason of `link()`. */
export class LinkError extends Error {
  override readonly name = 'LinkError';
  readonly code: LinkErrorCode;
  readonly details?: HostedErrorDetails | OriginMismatchDetails;
  /** One sentence for the end user, never technical: show it as it is. */
  readonly displayMessage: string;
  /** A new flow with a fresh session id can succeed without the integrator changing anything. */
  readonly retryable: boolean;

  constructor(
    code: LinkErrorCode,
    message: string,
    details?: HostedErrorDetails | OriginMismatchDetails,
    sentences?: ErrorSentences,
  ) {
    super(message);
    this.code = code;
    if (details !== undefined) this.details = details;
    this.displayMessage =
      sentence(sentences, code) ??
      sentence(ERROR_SENTENCES, code) ??
      sentence(sentences, 'LINK_INTERNAL_ERROR') ??
      ERROR_SENTENCES.LINK_INTERNAL_ERROR;
    this.retryable = !FINAL_CODES.includes(code);
  }
}
