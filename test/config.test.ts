import { expect } from '@open-wc/testing';
import {
  buildAuthUrl,
  DEFAULT_LOAD_TIMEOUT,
  DEFAULT_TIMEOUT,
  isLoopbackHost,
  parseMilliseconds,
  resolveConfig,
} from '../src/config.js';

// Every rule of the element's configuration, as `resolveConfig` applies it to
// what the attributes and properties hold. The element tests keep only a few
// cases that prove a bad value gives one `link-error` and loads nothing.

const base = {
  sessionId: 'ses_1',
  authServer: 'https://auth.fiskil.com',
  allowedOrigin: '',
  timeout: DEFAULT_TIMEOUT,
  loadTimeout: DEFAULT_LOAD_TIMEOUT,
};
type Input = Partial<Record<keyof typeof base, unknown>>;
const long = 'a'.repeat(100_000);

const attributeOf: Record<keyof typeof base, string> = {
  sessionId: 'session-id',
  authServer: 'auth-server',
  allowedOrigin: 'allowed-origin',
  timeout: 'timeout',
  loadTimeout: 'load-timeout',
};

// [what, input, what the message must say besides the attribute's name]
const invalid: Array<[string, Input, RegExp?]> = [
  ['a javascript: auth-server', { authServer: 'javascript:alert(1)' }, /https:/],
  ['javascript: in mixed case, after spaces', { authServer: '   JaVaScRiPt:alert(1)' }],
  ['a data: auth-server', { authServer: 'DATA:text/html,x' }],
  ['plain http on a remote host', { authServer: 'http://example.com' }, /localhost/],
  ['plain http on a remote host, upper case', { authServer: 'HTTP://auth.fiskil.com' }],
  ['http on a private address', { authServer: 'http://192.168.1.1' }],
  ['an unparsable auth-server', { authServer: 'not a url' }, /absolute URL/],
  ['a scheme-relative auth-server', { authServer: '//auth.fiskil.com' }, /absolute URL/],
  ['a bare host', { authServer: 'auth.fiskil.com' }, /absolute URL/],
  ['https with no host', { authServer: 'https://' }],
  ['a port out of range', { authServer: 'https://auth.fiskil.com:99999' }],
  ['credentials', { authServer: 'https://u:p@auth.fiskil.com' }, /credentials/],
  ['a user name only', { authServer: 'https://user@auth.fiskil.com' }, /credentials/],
  ['a password only', { authServer: 'https://:pass@auth.fiskil.com' }, /credentials/],
  ['an encoded slash before an @', { authServer: 'https://auth.fiskil.com%2F@evil.example' }],
  ['http on a public IPv6 address', { authServer: 'http://[2001:db8::1]/' }],
  ['http on an IPv4-mapped IPv6 loopback', { authServer: 'http://[::ffff:7f00:1]/' }],
  ['an unclosed IPv6 literal', { authServer: 'https://[::1' }],
  ['a host named like localhost', { authServer: 'http://localhost.evil.example' }],
  ['localhost.example.com', { authServer: 'http://localhost.example.com' }],
  ['127.0.0.1.example.com', { authServer: 'http://127.0.0.1.example.com' }],
  ['127.0.0.1.nip.io', { authServer: 'http://127.0.0.1.nip.io' }],
  ['a blob: URL', { authServer: 'blob:https://auth.fiskil.com/x' }],
  ['a file: URL', { authServer: 'file:///etc/passwd' }],
  ['ftp', { authServer: 'ftp://auth.fiskil.com' }],
  ['wss', { authServer: 'wss://auth.fiskil.com' }],
  ['a NUL character', { authServer: '\u0000' }],
  ['an overlong path', { authServer: `https://auth.fiskil.com/${long}` }, /at most 2048/],
  ['an overlong host', { authServer: `https://${'a'.repeat(60)}.${long.slice(0, 5000)}.com` }],
  ['a very long bad value', { authServer: `javascript:${long}` }],
  ['an allowed-origin of *', { allowedOrigin: '*' }, /never "\*"/],
  ['an allowed-origin of * with spaces', { allowedOrigin: ' * ' }, /never "\*"/],
  ['a wildcard subdomain', { allowedOrigin: 'https://*.fiskil.com' }, /never "\*"/],
  ['the null origin', { allowedOrigin: 'null' }],
  ['an origin with a path', { allowedOrigin: 'https://auth.fiskil.com/path' }, /origin/],
  ['an origin with a query', { allowedOrigin: 'https://auth.fiskil.com?x' }, /origin/],
  ['an origin with a fragment', { allowedOrigin: 'https://auth.fiskil.com#x' }, /origin/],
  ['a fragment hiding a host', { allowedOrigin: 'https://evil.example#@auth.fiskil.com' }],
  ['an origin with credentials', { allowedOrigin: 'https://u:p@auth.fiskil.com' }],
  ['two origins with a space', { allowedOrigin: 'https://auth.fiskil.com https://evil.example' }],
  ['two origins with a comma', { allowedOrigin: 'https://auth.fiskil.com,https://evil.example' }],
  ['an origin that is not a URL', { allowedOrigin: 'auth.fiskil.com' }],
  ['plain http on a remote origin', { allowedOrigin: 'HTTP://AUTH.FISKIL.COM' }],
  ['http on a public IPv6 origin', { allowedOrigin: 'http://[2001:db8::1]' }],
  ['a javascript: origin', { allowedOrigin: 'javascript:alert(1)' }],
  ['an overlong origin', { allowedOrigin: `https://${long}.com` }],
  ['a zero timeout', { timeout: 0 }, /positive/],
  ['a negative timeout', { timeout: -5 }, /positive/],
  ['minus zero', { timeout: -0 }, /positive/],
  ['NaN', { timeout: NaN }, /positive/],
  ['Infinity', { timeout: Infinity }, /positive/],
  ['a timeout beyond what timers hold', { timeout: 99_999_999_999 }, /at most 2147483647/],
  ['a timeout given as text', { timeout: '5000' }],
  ['a load-timeout of 0', { loadTimeout: 0 }],
  ['a load-timeout of NaN', { loadTimeout: NaN }],
  ['an overlong session id', { sessionId: `ses_${long}` }, /at most 2048/],
];

const hostile: Array<[string, unknown]> = [
  ['a Symbol', Symbol('x')],
  ['a function', () => 'https://auth.fiskil.com'],
  [
    'an object whose toString throws',
    {
      toString: () => {
        throw new Error('gotcha');
      },
    },
  ],
  ['an object with no prototype', Object.create(null)],
  [
    'a revoked proxy',
    (() => {
      const p = Proxy.revocable({}, {});
      p.revoke();
      return p.proxy;
    })(),
  ],
];
for (const key of Object.keys(attributeOf) as (keyof typeof base)[]) {
  for (const [name, value] of hostile) invalid.push([`${key} set to ${name}`, { [key]: value }]);
}

describe('resolveConfig', () => {
  describe('refuses', () => {
    for (const [name, input, says] of invalid) {
      it(`${name}, naming the attribute in a message short enough to read`, () => {
        const config = resolveConfig({ ...base, ...input });
        expect(config.ok).to.equal(false);
        if (config.ok) return;
        const attribute = attributeOf[Object.keys(input)[0] as keyof typeof base];
        expect(config.message).to.contain(attribute);
        if (says) expect(config.message).to.match(says);
        expect(config.message.length).to.be.below(400);
      });
    }
  });

  describe('accepts and normalises', () => {
    const valid: Array<[string, Input, Partial<Record<string, unknown>>]> = [
      [
        'the defaults',
        { authServer: '' },
        { authServer: 'https://auth.fiskil.com/', allowedOrigin: 'https://auth.fiskil.com' },
      ],
      [
        'no auth-server at all',
        { authServer: undefined },
        { authServer: 'https://auth.fiskil.com/' },
      ],
      [
        'spaces and upper case',
        { authServer: '  HTTPS://Auth.Example/flow  \n', allowedOrigin: ' https://AUTH.example/ ' },
        { authServer: 'https://auth.example/flow', allowedOrigin: 'https://auth.example' },
      ],
      ['a trimmed session id', { sessionId: '  ses_t \n' }, { sessionId: 'ses_t' }],
      ['a numeric session id', { sessionId: 42 }, { sessionId: '42' }],
      ['a timeout in exponent form', { timeout: 1e4 }, { timeout: 10_000 }],
      ['the longest timeout timers hold', { timeout: 2_147_483_647 }, { timeout: 2_147_483_647 }],
      [
        'an allowed-origin of its own',
        { allowedOrigin: 'https://other.example' },
        { allowedOrigin: 'https://other.example' },
      ],
    ];
    for (const [name, input, expected] of valid) {
      it(name, () => {
        const config = resolveConfig({ ...base, ...input });
        expect(config.ok, !config.ok ? config.message : '').to.equal(true);
        if (!config.ok) return;
        for (const [key, value] of Object.entries(expected)) {
          const got = (config as Record<string, unknown>)[key];
          expect(got instanceof URL ? got.href : got, key).to.equal(value);
        }
      });
    }
  });

  describe('plain http: on loopback hosts only, for auth-server and allowed-origin alike', () => {
    const hosts: Array<[string, boolean]> = [
      ['http://localhost:4010', true],
      ['http://LOCALHOST', true],
      ['http://app.localhost:8080', true],
      ['http://a.b.localhost', true],
      ['http://127.0.0.1:4010', true],
      ['http://127.0.0.2:4010', true],
      ['http://127.255.255.254', true],
      ['http://127.1', true],
      ['http://[::1]:4010', true],
      ['http://[0:0:0:0:0:0:0:1]', true],
      ['http://localhost.example.com', false],
      ['http://127.0.0.1.example.com', false],
      ['http://128.0.0.1', false],
      ['http://10.0.0.1', false],
      ['http://[::2]', false],
      ['http://localhostx', false],
      ['http://example.com', false],
    ];
    for (const [url, allowed] of hosts) {
      it(`${allowed ? 'accepts' : 'refuses'} ${url}`, () => {
        expect(resolveConfig({ ...base, authServer: url }).ok, 'auth-server').to.equal(allowed);
        expect(resolveConfig({ ...base, allowedOrigin: url }).ok, 'allowed-origin').to.equal(
          allowed,
        );
      });
    }
    it('reads hosts as URL normalises them', () => {
      expect(isLoopbackHost(new URL('http://127.1').hostname)).to.equal(true);
      expect(isLoopbackHost('127.0.0.1.example.com')).to.equal(false);
    });
  });
});

describe('parseMilliseconds (the timeout and load-timeout attributes)', () => {
  const rows: Array<[string | null, number]> = [
    [null, 123],
    ['5000', 5000],
    [' 5000 ', 5000],
    ['1e4', 10_000],
    ['', NaN],
    [' ', NaN],
    ['soon', NaN],
    ['5000ms', NaN],
    ['5_000', NaN],
    ['NaN', NaN],
  ];
  for (const [text, expected] of rows) {
    it(`reads ${JSON.stringify(text)} as ${expected}`, () => {
      expect(parseMilliseconds(text, 123)).to.deep.equal(expected);
    });
  }
  it('gives values resolveConfig refuses for text that is not a number', () => {
    for (const text of ['', 'soon', '-0', '1e400', 'Infinity']) {
      const timeout = parseMilliseconds(text, 1);
      expect(resolveConfig({ ...base, timeout }).ok, text).to.equal(false);
    }
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
