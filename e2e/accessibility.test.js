// @ts-check
// Accessibility end to end: the whole sandbox journey with the keyboard alone
// (Tab, Shift+Tab, Enter, Space, Escape), and axe-core on every hosted page it
// passes through, inside the element's cross-origin iframe, on each engine
// engines/index.js picks (Chromium, Firefox ESR, WebKitGTK).
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { startAll } from '../demo/start.js';
import { launchEngine, pickEngines } from '../engines/index.js';
import { Unsupported, waitUntil } from '../engines/page/engine.js';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

// Generous: several engineers share two cores, and WebDriver is a round trip per step.
const T = { timeout: 120_000 };

/** @type {Awaited<ReturnType<typeof startAll>>} */
let app;

before(async () => {
  app = await startAll({ sandboxPort: 0, demoPort: 0, quiet: true });
});
after(async () => {
  await app?.close();
});

/** In a page: what has keyboard focus there, through shadow roots, and its accessible name, roughly. */
function describeFocus() {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  if (!el) return { tag: '', name: '', checked: null, inDialog: false };
  // Visible text without aria-hidden parts, as an accessible name from content.
  /** @returns {string} */
  const text = (/** @type {Node} */ node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    if (/** @type {Element} */ (node).getAttribute?.('aria-hidden') === 'true') return '';
    return [...node.childNodes].map(text).join(' ');
  };
  const labels = /** @type {HTMLInputElement} */ (el).labels;
  const name = el.getAttribute('aria-label') ?? text(labels?.length ? labels[0] : el);
  const checked = el instanceof HTMLInputElement ? el.checked : null;
  const inDialog = Boolean(el.closest('dialog'));
  return { tag: el.tagName, name: name.replace(/\s+/g, ' ').trim(), checked, inDialog };
}

/** In the hosted page: the names of the headings a user can see, through shadow roots. */
function visibleHeadings() {
  /** @type {Element[]} */
  const found = [];
  const walk = (/** @type {Document | ShadowRoot} */ root) => {
    for (const el of root.querySelectorAll('*')) {
      if (/^H[1-6]$/.test(el.tagName) || el.getAttribute('role') === 'heading') found.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return found
    .filter((el) => el.getClientRects().length > 0 && !el.closest('[aria-hidden="true"]'))
    .map((el) =>
      (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
}

/** In the hosted page: axe-core's WCAG 2.x A and AA (and best-practice) violations. */
async function axeViolations() {
  const axe = /** @type {any} */ (window).axe;
  const { violations } = await axe.run(document, {
    runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
  });
  return violations.map(
    (/** @type {any} */ v) =>
      `${v.id}: ${v.nodes.map((/** @type {any} */ n) => n.target).join(', ')}`,
  );
}

/** Like getByRole's name: a string matches case-insensitively anywhere, a RegExp as it says. */
function nameMatches(/** @type {string | RegExp} */ wanted, /** @type {string} */ name) {
  return typeof wanted === 'string'
    ? name.toLowerCase().includes(wanted.toLowerCase())
    : wanted.test(name);
}

/** The keyboard journeys and axe checks, on one engine. */
function journeysOn(/** @type {string} */ name) {
  /** @type {import('../engines/page/engine.js').Engine} */
  let engine;

  /** What has keyboard focus, in the page or in the hosted page. */
  async function focused() {
    const top = await engine.evaluate(describeFocus);
    if (top.tag !== 'IFRAME') return { where: 'page', ...top };
    return { where: 'hosted', ...(await engine.evaluateHosted(describeFocus)) };
  }

  /** Presses Tab (or Shift+Tab) until `name` has focus; fails after 40 presses. */
  async function tabTo(
    /** @type {RegExp} */ name,
    /** @type {import('../engines/page/engine.js').Key} */ key = 'Tab',
  ) {
    for (let i = 0; i < 40; i++) {
      await engine.press(key);
      if (name.test((await focused()).name)) return;
    }
    assert.fail(`${key} never reached ${name}; focus is on ${JSON.stringify(await focused())}`);
  }

  /** Waits for the hosted page's heading, then runs axe-core on it. */
  async function hostedStep(/** @type {string | RegExp} */ heading) {
    /** @type {string[]} */
    let seen = [];
    await waitUntil(async () => {
      seen = await engine.evaluateHosted(visibleHeadings);
      return seen.some((h) => nameMatches(heading, h));
    }, `the hosted page's heading ${heading}`).catch((e) => {
      throw new Error(`${e.message}; headings seen: ${JSON.stringify(seen)}`);
    });
    if (!(await engine.evaluateHosted(() => 'axe' in window)))
      await engine.runScriptInHosted(axeSource);
    const violations = await engine.evaluateHosted(axeViolations);
    assert.deepEqual(violations, [], `axe-core on the hosted page "${heading}"`);
  }

  /** The first `consent` or `link-error` the demo page received. */
  async function outcome() {
    const event = await waitUntil(
      () =>
        engine.evaluate(() =>
          /** @type {any} */ (window).fiskilDemo.events.find(
            (/** @type {any} */ e) => e.type === 'consent' || e.type === 'link-error',
          ),
        ),
      'a consent or link-error event',
    );
    return /** @type {{ type: string; detail: any }} */ (event);
  }

  async function connectWithKeyboard() {
    await tabTo(/^Connect your bank$/);
    await engine.press('Enter');
    await hostedStep('Select your institution');
  }

  describe(`on ${name}`, () => {
    before(
      async () => {
        engine = await launchEngine(name, { hostedOrigin: app.sandboxUrl });
      },
      { timeout: 180_000 },
    );
    after(async () => {
      await engine?.close();
    });
    beforeEach(async () => {
      await fetch(`${app.demoUrl}/api/reset`, { method: 'POST' });
      await engine.goto(app.demoUrl);
    });

    describe('keyboard only, through the sandbox journey', () => {
      it(
        'Tab, Shift+Tab, Enter and Space take the user from "Connect your bank" to a consent',
        T,
        async () => {
          await connectWithKeyboard();

          await tabTo(/^Sandbox Bank$/);
          await engine.press('Enter');
          await hostedStep('Log in to Sandbox Bank');
          await tabTo(/^Username$/);
          await engine.type('user_good');
          await engine.press('Tab');
          assert.equal((await focused()).name, 'Password');
          await engine.type('pass_good');
          await engine.press('Shift+Tab');
          assert.equal((await focused()).name, 'Username', 'Shift+Tab goes back a field');
          await engine.press('Tab');
          await engine.press('Enter');

          await hostedStep('Enter your one-time code');
          await tabTo(/^One-time code$/);
          await engine.type('123456');
          await engine.press('Enter');

          await hostedStep('Select accounts to share');
          await tabTo(/Low Rate Card/);
          await engine.press('Space');
          assert.equal((await focused()).checked, false, 'Space unticks the focused account');
          await tabTo(/^Continue$/);
          await engine.press('Enter');

          await hostedStep('Confirm what you share');
          await tabTo(/^Share data$/);
          await engine.press('Space');

          const got = await outcome();
          assert.equal(got.type, 'consent');
          assert.match(got.detail.consentID, /^arr_/);
          await waitUntil(
            () =>
              engine.evaluate(
                () => /** @type {any} */ (window).fiskilDemo.events.at(-1)?.type === 'link-close',
              ),
            'link-close',
          );
          const back = await focused();
          assert.equal(back.where, 'page');
          assert.equal(back.name, 'Connect your bank', 'focus is back on the trigger');
        },
      );

      it(
        'Shift+Tab leaves the hosted page for the close control, and Escape cancels',
        T,
        async () => {
          await connectWithKeyboard();
          await tabTo(/^Sandbox Bank$/);
          await tabTo(/^Close$/, 'Shift+Tab');
          assert.equal((await focused()).where, 'page');
          await engine.press('Escape');
          const got = await outcome();
          assert.equal(got.type, 'link-error');
          assert.equal(got.detail.code, 'LINK_USER_CANCELLED');
          const back = await focused();
          assert.equal(back.name, 'Connect your bank', 'focus is back on the trigger');
        },
      );

      it(
        'one Shift+Tab from the hosted page’s first control reaches the close control',
        T,
        async () => {
          // Escape cannot leave the hosted page (another origin keeps its keys):
          // this is the way out a keyboard user has, so it must be one key away.
          await connectWithKeyboard();
          await tabTo(/^Close$/, 'Shift+Tab');
          // Forward Tab enters the hosted page at its first control. Under load
          // Chromium once put the first Tab from Close on the page's body, so Tab
          // goes on (a bounded number of times) until focus is in the hosted page.
          let first = await focused();
          for (let i = 0; i < 10 && first.where !== 'hosted'; i++) {
            await engine.press('Tab');
            first = await focused();
          }
          assert.equal(first.where, 'hosted', `Tab from Close: ${JSON.stringify(first)}`);
          await engine.press('Shift+Tab');
          const back = await focused();
          assert.deepEqual(
            { where: back.where, name: back.name, inDialog: back.inDialog },
            { where: 'page', name: 'Close', inDialog: true },
            `Shift+Tab from the hosted page's first control (${first.tag} "${first.name}")`,
          );
        },
      );

      it('the close control, reached with Shift+Tab, cancels with Enter too', T, async () => {
        await connectWithKeyboard();
        await tabTo(/^Close$/, 'Shift+Tab');
        await engine.press('Enter');
        assert.equal((await outcome()).detail.code, 'LINK_USER_CANCELLED');
      });
    });

    describe('focus stays in the open flow', () => {
      it('Tab and Shift+Tab never reach the page behind the modal', T, async () => {
        await connectWithKeyboard();
        /** @type {Set<string>} */
        const visited = new Set();
        for (const key of /** @type {const} */ (['Tab', 'Shift+Tab'])) {
          for (let i = 0; i < 20; i++) {
            await engine.press(key);
            const at = await focused();
            // BODY: nothing in the page has focus (it is on the browser's own controls).
            const allowed = at.where === 'hosted' || at.inDialog || at.tag === 'BODY';
            assert.ok(allowed, `${key} reached ${JSON.stringify(at)}, behind the modal`);
            visited.add(at.where === 'hosted' ? 'hosted page' : at.name || at.tag);
          }
        }
        assert.ok(visited.has('hosted page'), `Tab reached the hosted page: ${[...visited]}`);
        assert.ok(visited.has('Close'), `Tab reached the close control: ${[...visited]}`);
      });
    });

    describe('forced colours', () => {
      it('axe-core finds nothing on the first hosted page', T, async (t) => {
        try {
          await engine.emulateForcedColors(true);
        } catch (e) {
          if (!(e instanceof Unsupported)) throw e;
          t.todo(`NOT RUN on ${name}: ${e.message}`);
          return;
        }
        try {
          await connectWithKeyboard();
          const active = await engine.evaluateHosted(
            () => matchMedia('(forced-colors: active)').matches,
          );
          assert.equal(active, true, 'the hosted page is in forced colours');
        } finally {
          await engine.emulateForcedColors(false);
        }
      });
    });

    describe('axe-core on the hosted pages outside the happy path', () => {
      it('a session that cannot be used', T, async () => {
        await engine.evaluate((authServer) => {
          const el = /** @type {any} */ (document.querySelector('fiskil-link'));
          el.authServer = authServer;
          el.sessionId = 'ses_unknown';
        }, app.sandboxUrl);
        await hostedStep(/can’t be used/);
      });
    });
  });
}

const { run, notRun } = pickEngines();
for (const { name, why } of notRun) {
  console.log(`NOT RUN on ${name}: ${why}`);
  it(`on ${name}`, { skip: `NOT RUN on ${name}: ${why}` }, () => {});
}
for (const name of run) journeysOn(name);
