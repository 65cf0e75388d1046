import { expect } from '@open-wc/testing';
import { parseProviderMessage, type ProviderMessage } from '../src/protocol.js';

const denied =
  'https://auth.fiskil.com/cancel?error=access_denied&error_description=End-user+denied+consent' +
  '&error_id=err_ce4c&error_type=CONSENT_ENDUSER_DENIED' +
  '&error_uri=https%3A%2F%2Fdata.docs.fiskil.dev%2Ferrors%23CONSENT_ENDUSER_DENIED';

const none = {
  error_id: undefined,
  error_type: undefined,
  error_description: undefined,
  error_uri: undefined,
};

// One row per form of docs/protocol.md. `message` and `details` are what
// @fiskil/link 0.1.10 gives for the same message (its parser, read side by side).
const cases: Array<[string, unknown, ProviderMessage | null]> = [
  // success
  [
    'a success',
    { isCompleted: true, consentID: '123', redirectURL: '/done' },
    { kind: 'success', consentID: '123', redirectURL: '/done' },
  ],
  [
    'a success without redirect',
    { isCompleted: true, consentID: 'c' },
    { kind: 'success', consentID: 'c' },
  ],
  // flat failure: message = error, else "internal error"
  [
    'a flat failure',
    {
      isCompleted: false,
      error: 'LINK_INVALID_SESSION',
      errorType: 'LINK_INVALID_SESSION',
      errorID: 'err_123',
      errorDescription: 'Invalid/terminal session',
      errorURI: 'https://docs/errors#LINK_INVALID_SESSION',
    },
    {
      kind: 'failure',
      code: 'LINK_INVALID_SESSION',
      message: 'LINK_INVALID_SESSION',
      details: {
        error_id: 'err_123',
        error_type: 'LINK_INVALID_SESSION',
        error_description: 'Invalid/terminal session',
        error_uri: 'https://docs/errors#LINK_INVALID_SESSION',
      },
    },
  ],
  [
    'a flat failure with no error and no errorType',
    { isCompleted: false, errorID: 'err_9', errorDescription: 'why' },
    {
      kind: 'failure',
      code: 'LINK_INTERNAL_ERROR',
      message: 'internal error',
      details: { ...none, error_id: 'err_9', error_description: 'why' },
    },
  ],
  [
    'a flat failure whose error field comes first even with a consentID',
    { isCompleted: false, consentID: 'c', error: 'boom', errorType: 'CONSENT_TIMEOUT' },
    {
      kind: 'failure',
      code: 'CONSENT_TIMEOUT',
      message: 'boom',
      details: { ...none, error_type: 'CONSENT_TIMEOUT' },
    },
  ],
  // redirect form: message = error_type, else error, else "Unknown error"
  [
    "the SDK's own redirect-URL example",
    { isCompleted: true, redirectURL: denied },
    {
      kind: 'failure',
      code: 'CONSENT_ENDUSER_DENIED',
      message: 'CONSENT_ENDUSER_DENIED',
      details: {
        error_id: 'err_ce4c',
        error_type: 'CONSENT_ENDUSER_DENIED',
        error_description: 'End-user denied consent',
        error_uri: 'https://data.docs.fiskil.dev/errors#CONSENT_ENDUSER_DENIED',
      },
    },
  ],
  [
    'a redirect-URL failure that wins over a consentID',
    { isCompleted: true, consentID: 'c', redirectURL: denied },
    {
      kind: 'failure',
      code: 'CONSENT_ENDUSER_DENIED',
      message: 'CONSENT_ENDUSER_DENIED',
      details: {
        error_id: 'err_ce4c',
        error_type: 'CONSENT_ENDUSER_DENIED',
        error_description: 'End-user denied consent',
        error_uri: 'https://data.docs.fiskil.dev/errors#CONSENT_ENDUSER_DENIED',
      },
    },
  ],
  [
    'a redirect URL with error but no error_type',
    { isCompleted: false, redirectURL: 'https://x/cb?error=server_error&state=CONSENT_TIMEOUT' },
    { kind: 'failure', code: 'LINK_INTERNAL_ERROR', message: 'server_error', details: none },
  ],
  [
    'a redirect URL with only an error_id',
    { isCompleted: true, redirectURL: 'https://x/CONSENT_OTP_FAILURE?error_id=e1' },
    {
      kind: 'failure',
      code: 'LINK_INTERNAL_ERROR',
      message: 'Unknown error',
      details: { ...none, error_id: 'e1' },
    },
  ],
  [
    'a percent-encoded redirect URL',
    { isCompleted: true, redirectURL: encodeURIComponent(denied) },
    {
      kind: 'failure',
      code: 'CONSENT_ENDUSER_DENIED',
      message: 'CONSENT_ENDUSER_DENIED',
      details: {
        error_id: 'err_ce4c',
        error_type: 'CONSENT_ENDUSER_DENIED',
        error_description: 'End-user denied consent',
        error_uri: 'https://data.docs.fiskil.dev/errors#CONSENT_ENDUSER_DENIED',
      },
    },
  ],
  [
    'a relative redirect URL (cannot be read as a URL, as in the SDK)',
    {
      isCompleted: false,
      redirectURL: '/cancel?error_type=AUTH_SESSION_CANCELLED&error=cancelled',
    },
    {
      kind: 'failure',
      code: 'LINK_INTERNAL_ERROR',
      message: 'AUTH_SESSION_CANCELLED',
      details: none,
    },
  ],
  [
    'CONSUMERDATA_PROCESSING_ERROR in a redirect URL',
    { isCompleted: true, redirectURL: 'https://x/?error_type=CONSUMERDATA_PROCESSING_ERROR' },
    {
      kind: 'failure',
      code: 'CONSUMERDATA_PROCESSING_ERROR',
      message: 'CONSUMERDATA_PROCESSING_ERROR',
      details: { ...none, error_type: 'CONSUMERDATA_PROCESSING_ERROR' },
    },
  ],
  [
    'a redirect URL that cannot be read',
    { isCompleted: true, redirectURL: 'http://[bad/CONSENT_TIMEOUT' },
    { kind: 'failure', code: 'LINK_INTERNAL_ERROR', message: 'CONSENT_TIMEOUT', details: none },
  ],
  [
    'a redirect URL that names the type only in its path',
    { isCompleted: true, redirectURL: 'https://x/CONSENT_TIMEOUT' },
    { kind: 'failure', code: 'LINK_INTERNAL_ERROR', message: 'CONSENT_TIMEOUT', details: none },
  ],
  [
    'a redirect URL naming two types: the leftmost is the one named',
    { isCompleted: true, redirectURL: 'https://x/CONSENT_TIMEOUT/CONSENT_OTP_FAILURE' },
    { kind: 'failure', code: 'LINK_INTERNAL_ERROR', message: 'CONSENT_TIMEOUT', details: none },
  ],
  // bare error: LINK_INTERNAL_ERROR, details with all four keys (SDK code reads err.details.error_id)
  [
    'a bare error',
    { error: 'Some error' },
    { kind: 'failure', code: 'LINK_INTERNAL_ERROR', message: 'Some error', details: none },
  ],
  [
    'an empty bare error',
    { error: '' },
    { kind: 'failure', code: 'LINK_INTERNAL_ERROR', message: '', details: none },
  ],
  // not protocol messages
  ['null', null, null],
  ['undefined', undefined, null],
  ['a string', 'isCompleted', null],
  ['a number', 1, null],
  ['an array', [1, 2], null],
  ['an empty object', {}, null],
  ['a completion with no consentID', { isCompleted: true }, null],
  ['a failure with no error field', { isCompleted: false }, null],
  ['a numeric consentID', { isCompleted: true, consentID: 123 }, null],
  ['an object consentID', { isCompleted: true, consentID: { id: 'x' } }, null],
  ['an empty consentID', { isCompleted: true, consentID: '' }, null],
  ['a true consentID', { isCompleted: true, consentID: true }, null],
  ["isCompleted 'true' as a string", { isCompleted: 'true', consentID: 'c' }, null],
  [
    'a redirect URL with no error type',
    { isCompleted: true, redirectURL: 'https://x/?error=x' },
    null,
  ],
  ['a non-string error', { error: 42 }, null],
  [
    'error fields of wrong types',
    { isCompleted: false, error: 1, errorType: {}, errorID: [] },
    null,
  ],
  ['a redirect form without isCompleted', { redirectURL: denied }, null],
  ['a dev-server message', { type: 'webpackHotUpdate', data: 'abc' }, null],
];

describe('parseProviderMessage', () => {
  for (const [name, data, expected] of cases) {
    it(`reads ${name}`, () => {
      expect(parseProviderMessage(data)).to.deep.equal(expected);
    });
  }

  it('ignores keys inherited from a polluted prototype', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.isCompleted = true;
    proto.consentID = 'polluted';
    try {
      expect(parseProviderMessage({})).to.equal(null);
    } finally {
      delete proto.isCompleted;
      delete proto.consentID;
    }
  });

  it('treats an object whose getters throw as no message', () => {
    const hostile = Object.defineProperty({ isCompleted: true }, 'consentID', {
      enumerable: true,
      get() {
        throw new Error('gotcha');
      },
    });
    expect(parseProviderMessage(hostile)).to.equal(null);
  });

  it('reads an own __proto__ key as data, not as a prototype', () => {
    const data = JSON.parse('{"__proto__": {"isCompleted": true, "consentID": "x"}}');
    expect(parseProviderMessage(data)).to.equal(null);
  });
});
