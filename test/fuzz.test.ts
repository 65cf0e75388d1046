import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { FiskilLink } from '../src/index.js';
import { INVALID_SESSION_CODES } from '../src/errors.js';
import { nextOutcome, selfBarrier } from './fuzz/barriers.js';
import { generate, Rng } from './fuzz/generators.js';
import { expectedOutcome, type Outcome, recordOutcomes, snapshot } from './fuzz/oracle.js';
import {
  askFixture,
  frameOf,
  hostedLocation,
  hostedOrigin,
  hostedPost,
  hostedUrl,
  messageEvent,
} from './helpers.js';
import { watchPage } from './watch-page.js';

// A seeded fuzz of the message guard (its messages: test/fuzz/generators.ts; what the
// element must do with each: test/fuzz/oracle.ts). The seed is printed; replay a run with
// FUZZ_SEED=<seed> npm run test:element (served by web-test-runner.config.js).
// `npm test` runs a short round (seconds, on any machine); `npm run test:soak`
// (FUZZ_SOAK=1) runs the long one, 13,000 messages, as its own step in CI.
const SIZES = {
  short: { synthetic: 1_200, fromFrame: 60, fromOthers: 40 },
  soak: { synthetic: 12_000, fromFrame: 600, fromOthers: 400 },
};

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
    await askFixture(otherWindow);
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
