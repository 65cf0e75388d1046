import { expect } from '@open-wc/testing';
import { parseProviderMessage, type ProviderMessage } from '../src/protocol.js';
import { buildAuthUrl, resolveConfig } from '../src/config.js';

const denied =
  'https://auth.fiskil.com/cancel?error=access_denied&error_description=End-user+denied+consent' +
  '&error_id=err_ce4c&error_type=CONSENT_ENDUSER_DENIED' +
  '&error_uri=https%3A%2F%2Fdata.docs.fiskil.dev%2Ferrors%23CONSENT_ENDUSER_DENIED';

const cases: Array<[string, unknown, ProviderMessage | null]> = [
  // rule 3: success
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
  // rule 1: flat failure
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
    'a flat failure with no errorType',
    { isCompleted: false, errorID: 'err_9' },
    {
      kind: 'failure',
      code: 'LINK_INTERNAL_ERROR',
      message: 'LINK_INTERNAL_ERROR',
      details: {
        error_id: 'err_9',
        error_type: undefined,
        error_description: undefined,
        error_uri: undefined,
      },
    },
  ],
  [
    'a flat failure whose error field comes first even with a consentID',
    { isCompleted: false, consentID: 'c', error: 'boom', errorType: 'CONSENT_TIMEOUT' },
    {
      kind: 'failure',
      code: 'CONSENT_TIMEOUT',
      message: 'boom',
      details: {
        error_id: undefined,
        error_type: 'CONSENT_TIMEOUT',
        error_description: undefined,
        error_uri: undefined,
      },
    },
  ],
  // rule 2: redirect form
  [
    'a redirect-URL failure',
    { isCompleted: true, redirectURL: denied },
    {
      kind: 'failure',
      code: 'CONSENT_ENDUSER_DENIED',
      message: 'access_denied',
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
      message: 'access_denied',
      details: {
        error_id: 'err_ce4c',
        error_type: 'CONSENT_ENDUSER_DENIED',
        error_description: 'End-user denied consent',
        error_uri: 'https://data.docs.fiskil.dev/errors#CONSENT_ENDUSER_DENIED',
      },
    },
  ],
  [
    'a relative redirect-URL failure',
    {
      isCompleted: false,
      redirectURL: '/cancel?error_type=AUTH_SESSION_CANCELLED&error=cancelled',
    },
    {
      kind: 'failure',
      code: 'AUTH_SESSION_CANCELLED',
      message: 'cancelled',
      details: {
        error_id: undefined,
        error_type: 'AUTH_SESSION_CANCELLED',
        error_description: undefined,
        error_uri: undefined,
      },
    },
  ],
  [
    'CONSUMERDATA_PROCESSING_ERROR in a redirect URL',
    { isCompleted: true, redirectURL: 'https://x/?error_type=CONSUMERDATA_PROCESSING_ERROR' },
    {
      kind: 'failure',
      code: 'CONSUMERDATA_PROCESSING_ERROR',
      message: 'CONSUMERDATA_PROCESSING_ERROR',
      details: {
        error_id: undefined,
        error_type: 'CONSUMERDATA_PROCESSING_ERROR',
        error_description: undefined,
        error_uri: undefined,
      },
    },
  ],
  [
    'a redirect URL that cannot be read',
    { isCompleted: true, redirectURL: 'http://[bad/CONSENT_TIMEOUT' },
    {
      kind: 'failure',
      code: 'LINK_INTERNAL_ERROR',
      message: 'The hosted page reported a failure in a redirect URL that could not be read',
    },
  ],
  [
    'a redirect URL that names the type only in its path',
    { isCompleted: true, redirectURL: 'https://x/CONSENT_TIMEOUT' },
    {
      kind: 'failure',
      code: 'CONSENT_TIMEOUT',
      message: 'CONSENT_TIMEOUT',
      details: {
        error_id: undefined,
        error_type: undefined,
        error_description: undefined,
        error_uri: undefined,
      },
    },
  ],
  // rule 4: bare error
  [
    'a bare error',
    { error: 'Some error' },
    { kind: 'failure', code: 'LINK_INTERNAL_ERROR', message: 'Some error' },
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

describe('buildAuthUrl', () => {
  it('adds sess_id to a bare origin', () => {
    expect(buildAuthUrl(new URL('https://auth.fiskil.com'), 'ses_1')).to.equal(
      'https://auth.fiskil.com/?sess_id=ses_1',
    );
  });
  it('keeps an existing path, query and fragment', () => {
    expect(buildAuthUrl(new URL('https://a.example/flow/?x=1#top'), 'a&b')).to.equal(
      'https://a.example/flow/?x=1&sess_id=a%26b#top',
    );
  });
  it('replaces a sess_id the auth server already had', () => {
    expect(buildAuthUrl(new URL('https://a.example/?sess_id=old'), 'new')).to.equal(
      'https://a.example/?sess_id=new',
    );
  });
});

describe('resolveConfig', () => {
  const ok = { authServer: '', allowedOrigin: '', timeout: 1000 };
  it('defaults to auth.fiskil.com and its origin', () => {
    const config = resolveConfig(ok);
    expect(config.ok && config.authServer.href).to.equal('https://auth.fiskil.com/');
    expect(config.ok && config.allowedOrigin).to.equal('https://auth.fiskil.com');
  });
  it('trims whitespace and lowercases schemes and hosts', () => {
    const config = resolveConfig({
      ...ok,
      authServer: '  HTTPS://Auth.Example  ',
      allowedOrigin: ' https://AUTH.example ',
    });
    expect(config.ok && config.authServer.origin).to.equal('https://auth.example');
    expect(config.ok && config.allowedOrigin).to.equal('https://auth.example');
  });
  it('accepts an IPv6 loopback over http', () => {
    expect(resolveConfig({ ...ok, authServer: 'http://[::1]:4010' }).ok).to.equal(true);
  });
  for (const [name, input] of [
    ['http on a private address', { authServer: 'http://192.168.1.1' }],
    ['http on a host named like localhost', { authServer: 'http://localhost.evil.com' }],
    ['ftp', { authServer: 'ftp://auth.fiskil.com' }],
    ['a very long bad value', { authServer: `javascript:${'a'.repeat(10000)}` }],
    ['an origin with a query', { allowedOrigin: 'https://a.example?x' }],
    ['an origin with a fragment', { allowedOrigin: 'https://a.example#x' }],
    ['an origin with credentials', { allowedOrigin: 'https://u@a.example' }],
    ['the null origin', { allowedOrigin: 'null' }],
    ['Infinity', { timeout: Infinity }],
    ['NaN', { timeout: NaN }],
  ] as const) {
    it(`rejects ${name} with a message of bounded length`, () => {
      const config = resolveConfig({ ...ok, ...input });
      expect(config.ok).to.equal(false);
      expect(!config.ok && config.message.length).to.be.below(400);
    });
  }
});
