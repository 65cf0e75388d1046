import { INVALID_SESSION_CODES } from '../../src/errors.js';
import { REDIRECT_ERROR_TYPES } from '../../src/protocol.js';

// The fuzz's messages: a seeded random source and one generator for each kind of
// message a hostile or broken page could post (test/fuzz.test.ts posts them).

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  readonly #next: () => number;
  constructor(seed: number) {
    this.#next = mulberry32(seed);
  }
  float(): number {
    return this.#next();
  }
  int(n: number): number {
    return Math.floor(this.#next() * n);
  }
  chance(p: number): boolean {
    return this.#next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

const MEGABYTE = 'x'.repeat(1 << 20);
const MEGABYTE_WITH_ERROR = `https://a/?error_type=CONSENT_ENDUSER_DENIED&pad=${MEGABYTE}`;

/** A generated message: `cloneable` ones can really cross `postMessage`. */
export interface Generated {
  data: unknown;
  cloneable: boolean;
}

function randomString(rng: Rng): string {
  const pool = [
    '',
    ' ',
    'a',
    'ses_1',
    'con_1',
    '\u0000',
    '\u202e',
    '💥',
    'null',
    'true',
    '0',
    '<b>',
  ];
  let out = '';
  for (let i = rng.int(4); i >= 0; i--) out += rng.pick(pool);
  return out;
}

function primitive(rng: Rng): Generated {
  const values: unknown[] = [
    undefined,
    null,
    true,
    false,
    0,
    -0,
    NaN,
    Infinity,
    -Infinity,
    Number.MAX_SAFE_INTEGER,
    rng.float() * 1e6 - 5e5,
    2n ** 70n,
    randomString(rng),
    MEGABYTE,
    'isCompleted',
    '{"isCompleted":true,"consentID":"json"}',
  ];
  if (rng.chance(0.2)) return { data: Symbol('s'), cloneable: false };
  return { data: rng.pick(values), cloneable: true };
}

/** Every kind of value a field could wrongly hold (and a few right ones). */
function wrongValue(rng: Rng): Generated {
  const cloneable: unknown[] = [
    undefined,
    null,
    true,
    false,
    0,
    1,
    -1,
    NaN,
    Infinity,
    '',
    '   ',
    1n,
    {},
    [],
    ['con_arr'],
    { consentID: 'nested' },
    new Date(0),
    /re/,
    new Map([['a', 1]]),
    new Uint8Array([1, 2]),
    MEGABYTE,
  ];
  if (rng.chance(0.25)) {
    const uncloneable: unknown[] = [
      Symbol('id'),
      () => 'con_fn',
      { toString: () => 'con_tostring' },
      new String('con_boxed'),
      document.body,
    ];
    return { data: rng.pick(uncloneable), cloneable: false };
  }
  return { data: rng.pick(cloneable), cloneable: true };
}

const REDIRECTS: unknown[] = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(document.domain)',
  ' javascript:alert(1)',
  'javascript:/*CONSENT_ENDUSER_DENIED*/alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'not a url',
  'http://[',
  '%%%',
  '',
  '/done',
  '//evil.example/',
  'https://a/cancel?error_type=CONSENT_ENDUSER_DENIED&error=access_denied',
  'https://a/?error_type=NOT_A_KNOWN_TYPE&x=CONSENT_TIMEOUT',
  'CONSENT_OTP_FAILURE',
  MEGABYTE_WITH_ERROR,
  MEGABYTE,
  42,
  null,
  {},
  ['javascript:alert(1)'],
];

function deep(rng: Rng): Generated {
  const depth = 1 + rng.int(3000);
  let node: Record<string, unknown> = { isCompleted: true, consentID: 'con_deep' };
  for (let i = 0; i < depth; i++)
    node = { a: node, isCompleted: rng.chance(0.1) ? true : undefined };
  return { data: node, cloneable: depth < 500 };
}

function cyclic(rng: Rng): Generated {
  const node: Record<string, unknown> = { isCompleted: rng.pick([true, false, 'true']) };
  node.self = node;
  node.consentID = rng.chance(0.5) ? node : rng.pick(['con_cycle', '']);
  node.error = rng.chance(0.3) ? node : undefined;
  const list: unknown[] = [node];
  list.push(list);
  return { data: rng.chance(0.5) ? node : list, cloneable: true };
}

function arrayOf(rng: Rng): Generated {
  const items: unknown[] = [];
  for (let i = rng.int(6); i > 0; i--) items.push(primitive(rng).data);
  if (rng.chance(0.5)) items.push({ isCompleted: true, consentID: 'con_in_array' });
  const data = rng.chance(0.3)
    ? Object.assign([true, 'con'], { isCompleted: true, consentID: 'con_array_props' })
    : items;
  return { data, cloneable: !items.some((v) => typeof v === 'symbol') };
}

function prototypeKeys(rng: Rng): Generated {
  const json = rng.pick([
    '{"__proto__":{"isCompleted":true,"consentID":"con_proto","polluted":1}}',
    '{"constructor":{"prototype":{"isCompleted":true,"consentID":"con_ctor","polluted":1}}}',
    '{"prototype":{"isCompleted":true,"consentID":"con_prototype"},"isCompleted":false}',
    '{"__proto__":{"__proto__":{"polluted":1}},"isCompleted":true}',
    '{"isCompleted":true,"consentID":"con_own","__proto__":{"consentID":"con_inherited","polluted":1}}',
    '{"hasOwnProperty":"x","isCompleted":true,"consentID":"con_hasown"}',
  ]);
  if (rng.chance(0.2)) {
    // Inherited, not own: must not count.
    const proto = { isCompleted: true, consentID: 'con_inherited' };
    return { data: Object.create(proto), cloneable: false };
  }
  if (rng.chance(0.2)) {
    const bare = Object.assign(Object.create(null), {
      isCompleted: true,
      consentID: 'con_nullproto',
    });
    return { data: bare, cloneable: true };
  }
  return { data: JSON.parse(json), cloneable: true };
}

function completed(rng: Rng): Generated {
  const consentID = wrongValue(rng);
  const data: Record<string, unknown> = { isCompleted: true, consentID: consentID.data };
  if (rng.chance(0.4)) data.redirectURL = rng.pick(REDIRECTS);
  return { data, cloneable: consentID.cloneable };
}

function redirect(rng: Rng): Generated {
  const data: Record<string, unknown> = {
    isCompleted: rng.pick([true, false, undefined, 1, 'true']),
    redirectURL: rng.pick(REDIRECTS),
  };
  if (rng.chance(0.5)) data.consentID = rng.pick(['con_redirect', '', 7]);
  return { data, cloneable: true };
}

function errorFields(rng: Rng): Generated {
  const data: Record<string, unknown> = {};
  if (rng.chance(0.8)) data.isCompleted = rng.pick([false, true, 0, null, 'false']);
  let cloneable = true;
  for (const key of ['error', 'errorID', 'errorType', 'errorDescription', 'errorURI']) {
    if (rng.chance(0.5)) {
      const value = wrongValue(rng);
      data[key] = value.data;
      cloneable &&= value.cloneable;
    }
  }
  return { data, cloneable };
}

function exotic(rng: Rng): Generated {
  const kind = rng.int(6);
  if (kind === 0) {
    const data = {};
    Object.defineProperty(data, 'isCompleted', {
      enumerable: true,
      get() {
        throw new Error('getter');
      },
    });
    return { data, cloneable: false };
  }
  if (kind === 1) {
    const data = new Proxy(
      {},
      {
        has() {
          throw new Error('trap');
        },
        getOwnPropertyDescriptor() {
          throw new Error('trap');
        },
        get() {
          throw new Error('trap');
        },
      },
    );
    return { data, cloneable: false };
  }
  if (kind === 2) {
    const { proxy, revoke } = Proxy.revocable({ isCompleted: true, consentID: 'con_revoked' }, {});
    revoke();
    return { data: proxy, cloneable: false };
  }
  if (kind === 3) return { data: new Error('boom'), cloneable: true };
  if (kind === 4) return { data: new Blob(['{"isCompleted":true}']), cloneable: true };
  return { data: new ArrayBuffer(8), cloneable: true };
}

function valid(rng: Rng): Generated {
  const kind = rng.int(5);
  if (kind === 0)
    return { data: { isCompleted: true, consentID: `con_${rng.int(1e6)}` }, cloneable: true };
  if (kind === 1) {
    return {
      data: {
        isCompleted: true,
        consentID: 'con_r',
        redirectURL: rng.pick(REDIRECTS.slice(0, 12)),
      },
      cloneable: true,
    };
  }
  if (kind === 2) {
    return {
      data: {
        isCompleted: false,
        error: 'E',
        errorType: rng.pick(['CONSENT_TIMEOUT', ...INVALID_SESSION_CODES]),
      },
      cloneable: true,
    };
  }
  if (kind === 3) return { data: { error: randomString(rng) }, cloneable: true };
  return {
    data: {
      isCompleted: true,
      redirectURL: `https://a/?error_type=${rng.pick(REDIRECT_ERROR_TYPES)}`,
    },
    cloneable: true,
  };
}

const GENERATORS: Array<[weight: number, make: (rng: Rng) => Generated]> = [
  [14, primitive],
  [6, deep],
  [6, cyclic],
  [8, arrayOf],
  [10, prototypeKeys],
  [18, completed],
  [12, redirect],
  [14, errorFields],
  [8, exotic],
  [4, valid],
];
const TOTAL_WEIGHT = GENERATORS.reduce((sum, [w]) => sum + w, 0);

/** One message of a random kind, the kinds weighted as GENERATORS says. */
export function generate(rng: Rng): Generated {
  let roll = rng.int(TOTAL_WEIGHT);
  for (const [weight, make] of GENERATORS) {
    if (roll < weight) return make(rng);
    roll -= weight;
  }
  throw new Error('unreachable');
}
