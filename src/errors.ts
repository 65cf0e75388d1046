/**
 * The codes a `link-error` can carry. Fiskil's hosted flow and SDK define all
 * but `LINK_INVALID_CONFIG`, which is this element's own: a bad attribute
 * value, so nothing was loaded.
 */
export const LINK_ERROR_CODES = [
  'LINK_NOT_FOUND',
  'LINK_TIMEOUT',
  'LINK_USER_CANCELLED',
  'LINK_ORIGIN_MISMATCH',
  'LINK_INTERNAL_ERROR',
  'LINK_INVALID_SESSION',
  'AUTH_SESSION_INVALID',
  'AUTH_SESSION_CANCELLED',
  'CONSENT_UPSTREAM_PROCESSING_ERROR',
  'CONSENT_ENDUSER_DENIED',
  'CONSENT_OTP_FAILURE',
  'CONSENT_ENDUSER_INELIGIBLE',
  'CONSENT_TIMEOUT',
  'CONSUMERDATA_PROCESSING_ERROR',
  'LINK_INVALID_CONFIG',
] as const;

export type KnownLinkErrorCode = (typeof LINK_ERROR_CODES)[number];

/** The failure types the hosted flow reports from the institution (`@fiskil/link` exports this name too). */
export type ConsentErrorType =
  | 'CONSENT_UPSTREAM_PROCESSING_ERROR'
  | 'CONSENT_ENDUSER_DENIED'
  | 'CONSENT_OTP_FAILURE'
  | 'CONSENT_ENDUSER_INELIGIBLE'
  | 'CONSENT_TIMEOUT'
  | 'CONSUMERDATA_PROCESSING_ERROR'
  | 'AUTH_SESSION_CANCELLED';

/** A known code, or one the hosted page sent that this version does not know (passed through). */
export type LinkErrorCode = KnownLinkErrorCode | (string & {});

/** What the hosted page said about a failure, in the SDK's snake_case. */
export interface HostedErrorDetails {
  error_id?: string;
  error_type?: string;
  error_description?: string;
  error_uri?: string;
}

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

/** The `detail` of every `link-error`, and the rejection reason of `link()`. */
export class LinkError extends Error {
  override readonly name = 'LinkError';
  readonly code: LinkErrorCode;
  readonly details?: HostedErrorDetails | OriginMismatchDetails;

  constructor(
    code: LinkErrorCode,
    message: string,
    details?: HostedErrorDetails | OriginMismatchDetails,
  ) {
    super(message);
    this.code = code;
    if (details !== undefined) this.details = details;
  }
}
