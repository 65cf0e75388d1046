import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { FiskilLink } from '../src/index.js';
import { INVALID_SESSION_CODES } from '../src/errors.js';
import { parseProviderMessage, REDIRECT_ERROR_TYPES } from '../src/protocol.js';
import {
  frameOf,
  hostedLocation,
  hostedOrigin,
  hostedPost,
  hostedUrl,
  messageEvent,
} from './helpers.js';
import { watchPage } from './watch-page.js';

// A seeded fuzz of the message guard. The seed is printed; replay a run with
// FUZZ_SEED=<seed> npm run test:element (served by web-test-runner.config.js).
// `npm test` runs a short round (seconds, on any machine); `npm run test:soak`
// (FUZZ_SOAK=1) runs the long one, 13,000 messages, as its own step in CI.
const SIZES = {
  short: { synthetic: 1_200, fromFrame: 60, fromOthers: 40 },
  soak: { synthetic: 12_000, fromFrame: 600, fromOthers: 400 },
};

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

class Rng {
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
interface Generated {
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

function generate(rng: Rng): Generated {
  let roll = rng.int(TOTAL_WEIGHT);
  for (const [weight, make] of GENERATORS) {
    if (roll < weight) return make(rng);
    roll -= weight;
  }
  throw new Error('unreachable');
}

/**
 * The definition of a success, written apart from src/protocol.ts: an own
 * `isCompleted` that is exactly `true`, an own non-empty string `consentID`,
 * and no consent error type in a string `redirectURL` (docs/protocol.md, the redirect form).
 */
function isValidSuccess(data: unknown): boolean {
  if (typeof data !== 'object' || data === null) return false;
  const ownValue = (key: string) => {
    try {
      const d = Object.getOwnPropertyDescriptor(data, key);
      return d && 'value' in d ? d.value : undefined;
    } catch {
      return undefined; // a revoked or hostile proxy says nothing
    }
  };
  const redirectURL = ownValue('redirectURL');
  return (
    ownValue('isCompleted') === true &&
    typeof ownValue('consentID') === 'string' &&
    ownValue('consentID') !== '' &&
    !(typeof redirectURL === 'string' && REDIRECT_ERROR_TYPES.some((t) => redirectURL.includes(t)))
  );
}

function safeParse(data: unknown) {
  try {
    return parseProviderMessage(data);
  } catch {
    return null;
  }
}

type Outcome =
  { type: 'consent'; consentID: string; redirectURL?: string } | { type: 'error'; code: string };

function recordOutcomes(el: FiskilLink): Outcome[] {
  const outcomes: Outcome[] = [];
  el.addEventListener('consent', (e) =>
    outcomes.push({
      type: 'consent',
      consentID: e.detail.consentID,
      redirectURL: e.detail.redirectURL,
    }),
  );
  el.addEventListener('link-error', (e) => outcomes.push({ type: 'error', code: e.detail.code }));
  return outcomes;
}

/** What the element must do with a message from its own frame, or null when it must ignore it. */
function expectedOutcome(data: unknown, origin: string): Outcome | null {
  const parsed = safeParse(data);
  if (!parsed) {
    expect(isValidSuccess(data), 'a valid success that the parser refused').to.equal(false);
    return null;
  }
  if (origin !== hostedOrigin) return { type: 'error', code: 'LINK_ORIGIN_MISMATCH' };
  if (parsed.kind === 'failure') return { type: 'error', code: parsed.code };
  expect(
    isValidSuccess(data),
    'the parser accepted something that is not a valid success',
  ).to.equal(true);
  return { type: 'consent', consentID: parsed.consentID, redirectURL: parsed.redirectURL };
}

function snapshot(target: object): string {
  return Reflect.ownKeys(target)
    .map((key) => {
      const d = Object.getOwnPropertyDescriptor(target, key)!;
      return `${String(key)}:${typeof d.value}:${String(d.get)}:${String(d.set)}:${d.enumerable}`;
    })
    .join('|');
}

async function seed(): Promise<number> {
  const response = await fetch('/__fuzz-seed');
  return Number(await response.text());
}

/** The run's size, from web-test-runner.config.js (FUZZ_SOAK=1 for the long one). */
async function size(): Promise<(typeof SIZES)['short']> {
  const response = await fetch('/__fuzz-soak');
  return (await response.text()) === '1' ? SIZES.soak : SIZES.short;
}

describe('fuzzing the message guard', () => {
  it('holds for random messages from its frame and from other windows', async function () {
    const fuzzSeed = await seed();
    const sizes = await size();
    const {
      synthetic: SYNTHETIC,
      fromFrame: REAL_FROM_FRAME,
      fromOthers: REAL_FROM_OTHERS,
    } = sizes;
    // The short round takes seconds; the soak, minutes on a busy machine. A hang still fails.
    this.timeout(sizes === SIZES.soak ? 900_000 : 120_000);
    console.log(
      `fuzz seed ${fuzzSeed}, ${SYNTHETIC + REAL_FROM_FRAME + REAL_FROM_OTHERS} messages: replay with FUZZ_SEED=${fuzzSeed} npm run ${sizes === SIZES.soak ? 'test:soak' : 'test:element'}`,
    );
    const rng = new Rng(fuzzSeed);
    const page = watchPage();
    const prototypes = [Object.prototype, Array.prototype, Function.prototype];
    const before = prototypes.map(snapshot);

    // Another cross-origin window on the page, as another widget would be.
    const other = document.createElement('iframe');
    const otherLoaded = new Promise((resolve) =>
      other.addEventListener('load', resolve, { once: true }),
    );
    other.src = `${hostedUrl}?other=1`;
    document.body.append(other);
    await otherLoaded;
    const otherWindow = other.contentWindow!;
    const { port1 } = new MessageChannel();

    // Synthetic messages need no hosted page: a cheap same-origin one spares
    // Chromium a new process for each of the many flows.
    const el = await fixture<FiskilLink>(
      html`<fiskil-link
        auth-server=${`${location.origin}/__fuzz-seed`}
        allowed-origin=${hostedOrigin}
      ></fiskil-link>`,
    );
    const outcomes = recordOutcomes(el);
    const stale: Window[] = [];
    let flows = 0;
    let consents = 0;
    let posted = 0;

    const startFlow = async (waitForLoad: boolean) => {
      const loaded = waitForLoad ? oneEvent(el, 'link-load') : null;
      el.sessionId = `ses_fuzz_${flows}`;
      await el.updateComplete;
      if (loaded) await loaded;
      flows++;
      return frameOf(el)!.contentWindow!;
    };
    /** Ends the flow after an outcome; an invalid session keeps its modal until cancelled. */
    const afterOutcome = (frame: Window, outcome: Outcome) => {
      if (outcome.type === 'error' && INVALID_SESSION_CODES.includes(outcome.code)) {
        const count = outcomes.length;
        el.cancel();
        expect(outcomes.length, 'a second outcome after an invalid session').to.equal(count);
      }
      if (outcome.type === 'consent') consents++;
      stale.push(frame);
    };
    const check = (got: Outcome[], want: Outcome | null, what: string) => {
      expect(got, what).to.deep.equal(want ? [want] : []);
    };

    // 1. Synthetic messages, in batches posted within one task: the element's
    // frame (right and wrong origins) and other windows (any origin).
    let frame = await startFlow(false);
    const origins = [
      hostedOrigin,
      hostedOrigin,
      hostedOrigin.toUpperCase(),
      `${hostedOrigin}/`,
      hostedOrigin.replace('localhost', '127.0.0.1'),
      location.origin,
      'null',
      '',
      'https://evil.example',
    ];
    while (posted < SYNTHETIC) {
      const batch: Array<{ data: unknown; origin: string; source: MessageEventSource | null }> = [];
      for (let i = 1 + rng.int(3); i > 0; i--) {
        const fromFrame = rng.chance(0.5);
        const source: MessageEventSource | null = fromFrame
          ? frame
          : rng.pick<MessageEventSource | null>([
              null,
              window,
              otherWindow,
              port1,
              stale.at(-1) ?? null,
            ]);
        batch.push({ data: generate(rng).data, origin: rng.pick(origins), source });
      }
      let want: Outcome | null = null;
      for (const m of batch) {
        if (m.source !== frame) continue;
        want = expectedOutcome(m.data, m.origin);
        if (want) break;
      }
      const start = outcomes.length;
      for (const m of batch) window.dispatchEvent(messageEvent(m as MessageEventInit));
      posted += batch.length;
      check(outcomes.slice(start), want, `synthetic batch after ${posted} messages`);
      if (want) {
        afterOutcome(frame, want);
        frame = await startFlow(false);
      }
    }

    // 2. Real postMessage from the element's own cross-origin frame (structured
    // clones of the cloneable kinds).
    el.cancel();
    el.authServer = hostedUrl;
    frame = await startFlow(true);
    let real = 0;
    while (real < REAL_FROM_FRAME) {
      const batch: unknown[] = [];
      for (let i = 1 + rng.int(60); i > 0; i--) {
        const made = generate(rng);
        if (made.cloneable) batch.push(made.data);
      }
      let want: Outcome | null = null;
      for (const data of batch) {
        // What arrives is a structured clone: judge a local one.
        want = expectedOutcome(structuredClone(data), hostedOrigin);
        if (want) break;
      }
      const start = outcomes.length;
      const outcome = nextOutcome(el);
      for (const data of batch) hostedPost(el, data);
      real += batch.length;
      if (want) {
        await outcome.promise;
        // The rest of the batch has been posted by now; give it a task to be (not) counted.
        await selfBarrier();
        check(outcomes.slice(start), want, `real batch from the frame after ${real} messages`);
        afterOutcome(frame, want);
        frame = await startFlow(true);
      } else {
        await hostedLocation(el); // a round trip: every message of the batch has been handled
        outcome.stop();
        check(outcomes.slice(start), null, `real batch from the frame after ${real} messages`);
      }
    }
    posted += real;

    // 3. Real postMessage from other windows: another cross-origin frame and this page itself.
    let fromOthers = 0;
    const start = outcomes.length;
    while (fromOthers < REAL_FROM_OTHERS) {
      const made = generate(rng);
      if (!made.cloneable) continue;
      if (rng.chance(0.5))
        otherWindow.postMessage({ fixture: 'post', data: made.data }, hostedOrigin);
      else window.postMessage(made.data, location.origin);
      fromOthers++;
    }
    posted += fromOthers;
    await roundTrip(otherWindow);
    await selfBarrier();
    check(outcomes.slice(start), null, 'real messages from other windows');
    other.remove();

    el.cancel();
    console.log(
      `fuzz: ${posted} messages (${SYNTHETIC} synthetic, ${real} real from the frame, ${fromOthers} real from other windows), ${flows} flows, ${consents} consents`,
    );
    expect(posted).to.be.at.least(SYNTHETIC + REAL_FROM_FRAME + REAL_FROM_OTHERS);
    expect(prototypes.map(snapshot)).to.deep.equal(before);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(({} as Record<string, unknown>).isCompleted).to.equal(undefined);
    await page.expectClean();
  });
});

/** Resolves with the element's next outcome event. */
function nextOutcome(el: FiskilLink) {
  const listeners = new AbortController();
  const promise = new Promise<void>((resolve) => {
    for (const name of ['consent', 'link-error'] as const) {
      el.addEventListener(name, () => resolve(), { signal: listeners.signal });
    }
  }).finally(() => listeners.abort());
  return { promise, stop: () => listeners.abort() };
}

/** A task after everything this page posted to itself before. */
function selfBarrier(): Promise<void> {
  return new Promise((resolve) => {
    const token = `barrier-${Math.random()}`;
    const onMessage = (event: MessageEvent) => {
      if (event.source === window && event.data === token) {
        window.removeEventListener('message', onMessage);
        resolve();
      }
    };
    window.addEventListener('message', onMessage);
    window.postMessage(token, location.origin);
  });
}

/** Resolves once the fixture in `target` has answered: its earlier posts have all arrived. */
function roundTrip(target: Window): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (event.source === target && event.data?.fixture === 'whoami') {
        window.removeEventListener('message', onMessage);
        resolve();
      }
    };
    window.addEventListener('message', onMessage);
    target.postMessage({ fixture: 'whoami' }, hostedOrigin);
  });
}
