import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { FiskilLink } from '../src/index.js';
import { dialogOf, frameOf, hostedOrigin, hostedUrl, openFlow } from './helpers.js';

// A server that accepts the request and never answers (web-test-runner.config.js).
const stallUrl = `${hostedOrigin}/test/stall`;

// Unique across the engines that share the test server.
const newSessionId = () => `ses_${Math.random().toString(36).slice(2)}`;

function statusOf(el: FiskilLink): Element {
  return el.shadowRoot!.querySelector('[role="status"]')!;
}

function button(el: FiskilLink, name: string): HTMLButtonElement | undefined {
  return [...el.shadowRoot!.querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()) === name,
  );
}

function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function stalledFlow(
  el?: FiskilLink,
  { then = '', loadTimeout = 200 } = {},
): Promise<FiskilLink> {
  el ??= await fixture<FiskilLink>(html`<fiskil-link></fiskil-link>`);
  el.authServer = then ? `${stallUrl}?then=${then}` : stallUrl;
  el.loadTimeout = loadTimeout;
  const id = newSessionId();
  el.sessionId = id;
  await waitUntil(() => button(el, 'Try again'), 'no "Try again" after the load timeout', {
    timeout: 20000,
  });
  // The load timeout can pass before a busy server has seen the first request;
  // a "Try again" then would be the one it stalls.
  if (then) {
    const seen = `/test/stall/seen?sess_id=${encodeURIComponent(id)}`;
    const arrived = async () => ((await (await fetch(seen)).json()) as { seen: boolean }).seen;
    await waitUntil(arrived, 'the stalled request never reached the server', { timeout: 20000 });
  }
  return el;
}

/** Presses a key, or keys held together ("Shift+Tab"). */
async function press(keys: string): Promise<void> {
  if (keys.includes('+')) await executeServerCommand('press-chord', keys.split('+'));
  else await sendKeys({ press: keys });
}

/** Makes the browser report offline (or online again), as it does when the network goes. */
function setOnline(online: boolean): void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

/**
 * Emulates media features through the test runner where the engine's automation
 * protocol can (Chromium over CDP); false where it cannot (Firefox over BiDi and
 * WebKitGTK over classic WebDriver have no such command).
 */
function emulateMedia(features: Record<string, string>): Promise<boolean> {
  return executeServerCommand('emulate-a11y-media', features);
}

/** A declaration block of the element's own stylesheet, inside the `@media` rule for `feature`. */
function ruleIn(
  el: FiskilLink,
  feature: string,
  selector: string,
): CSSStyleDeclaration | undefined {
  for (const sheet of el.shadowRoot!.adoptedStyleSheets) {
    for (const media of sheet.cssRules) {
      if (!(media instanceof CSSMediaRule) || !media.conditionText.includes(feature)) continue;
      for (const rule of media.cssRules) {
        if (rule instanceof CSSStyleRule && rule.selectorText === selector) return rule.style;
      }
    }
  }
  return undefined;
}

describe('<fiskil-link> accessibility', () => {
  describe('axe-core finds no violations', () => {
    it('while the hosted page loads', async () => {
      const el = await fixture<FiskilLink>(
        html`<fiskil-link auth-server=${stallUrl}></fiskil-link>`,
      );
      const opened = oneEvent(el, 'link-open');
      el.sessionId = newSessionId();
      await opened;
      expect(statusOf(el).textContent).to.contain('Loading');
      await expect(el).to.be.accessible();
    });

    it('while open, with the hosted page loaded', async () => {
      const el = await openFlow();
      await expect(el).to.be.accessible();
    });

    it('when the hosted page failed to load', async () => {
      const el = await stalledFlow();
      await expect(el).to.be.accessible();
    });

    it('while offline', async () => {
      const el = await openFlow();
      try {
        setOnline(false);
        await el.updateComplete;
        await expect(el).to.be.accessible();
      } finally {
        setOnline(true);
      }
    });
  });

  describe('focus', () => {
    // Closed by the user (Escape) or by the page (cancel()): focus goes back where it was.
    for (const close of ['Escape', 'cancel()'] as const) {
      it(`goes into the dialog on Enter and back to the trigger on ${close}`, async () => {
        const page = await fixture<HTMLDivElement>(
          html`<div>
            <button id="trigger">Connect</button>
            <fiskil-link auth-server=${hostedUrl}></fiskil-link>
          </div>`,
        );
        const trigger = page.querySelector<HTMLButtonElement>('#trigger')!;
        const el = page.querySelector('fiskil-link')!;
        trigger.addEventListener('click', () => (el.sessionId = newSessionId()));
        trigger.focus();
        const opened = oneEvent(el, 'link-open');
        const loaded = oneEvent(el, 'link-load');
        await sendKeys({ press: 'Enter' });
        await opened;
        expect(el.shadowRoot!.activeElement).to.not.equal(null);
        expect(dialogOf(el).contains(el.shadowRoot!.activeElement)).to.equal(true);
        await loaded;
        expect(dialogOf(el).contains(deepActiveElement())).to.equal(true);
        if (close === 'Escape') {
          const closed = oneEvent(el, 'link-close');
          await sendKeys({ press: 'Escape' });
          await closed;
        } else {
          el.cancel();
        }
        expect(document.activeElement).to.equal(trigger);
      });
    }

    it('shows a focus ring on the close control reached with Tab', async () => {
      const el = await openFlow();
      const close = button(el, 'Close')!;
      // Where showModal() puts focus differs (Chromium: the close control; Firefox and
      // WebKit: the dialog, which has autofocus): start from the dialog in every engine.
      dialogOf(el).focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(close);
      expect(close.matches(':focus-visible')).to.equal(true);
      const style = getComputedStyle(close);
      expect(style.outlineStyle).to.equal('solid');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    });

    it('never reaches the page behind with Tab or Shift+Tab', async () => {
      const page = await fixture<HTMLDivElement>(
        html`<div>
          <button id="before">Before</button>
          <fiskil-link auth-server=${hostedUrl}></fiskil-link>
          <a id="after" href="#after">After</a>
        </div>`,
      );
      const el = page.querySelector('fiskil-link')!;
      const loaded = oneEvent(el, 'link-load');
      el.sessionId = newSessionId();
      await loaded;
      const behind = [page.querySelector('#before'), page.querySelector('#after')];
      // Firefox lets Tab past the modal's last stop leave the page for its own
      // toolbar (never the page behind), and no key sent to the page brings focus
      // back: every later test file would then run without the keyboard. There,
      // the keys stay within the modal's stops.
      const keysPressed = navigator.userAgent.includes('Firefox')
        ? ['Tab', 'Tab', 'Shift+Tab']
        : ['Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab'];
      for (const keys of keysPressed) {
        await press(keys);
        expect(behind).to.not.include(document.activeElement, `after ${keys}`);
      }
      expect(dialogOf(el).open).to.equal(true);
    });
  });

  describe('names and announcements', () => {
    it('labels the dialog, titles the iframe and labels the close control', async () => {
      const el = await openFlow();
      expect(dialogOf(el).getAttribute('aria-label')).to.equal('Connect your account');
      expect(frameOf(el)!.title).to.equal('Fiskil: connect your account');
      expect(button(el, 'Close')!.getAttribute('aria-label')).to.equal('Close');
      expect(button(el, 'Close')!.querySelector('svg')!.getAttribute('aria-hidden')).to.equal(
        'true',
      );
    });

    it('shows a loading indicator until the hosted page loads', async () => {
      const el = await fixture<FiskilLink>(
        html`<fiskil-link auth-server=${hostedUrl}></fiskil-link>`,
      );
      const opened = oneEvent(el, 'link-open');
      const loaded = oneEvent(el, 'link-load');
      el.sessionId = newSessionId();
      await opened;
      const status = statusOf(el);
      expect(status.textContent).to.contain('Loading');
      await loaded;
      await el.updateComplete;
      expect(status.textContent!.trim()).to.equal('');
    });

    it('announces loading, then a load failure, in one live region', async () => {
      const el = await fixture<FiskilLink>(
        html`<fiskil-link auth-server=${stallUrl}></fiskil-link>`,
      );
      const opened = oneEvent(el, 'link-open');
      el.loadTimeout = 200;
      el.sessionId = newSessionId();
      await opened;
      const region = statusOf(el);
      expect(region.textContent).to.contain('Loading secure connection');
      await stalledFlow(el);
      expect(statusOf(el)).to.equal(region);
      expect(region.textContent).to.contain('taking too long');
      expect(region.textContent).to.not.contain('Loading');
    });

    it('announces going offline, and clears the notice when back online', async () => {
      const el = await openFlow();
      try {
        setOnline(false);
        await el.updateComplete;
        expect(statusOf(el).textContent).to.contain("You're offline");
        // Over the loaded hosted page, the notice sits low, clear of the page's middle.
        const notice = statusOf(el).firstElementChild!.getBoundingClientRect();
        expect(notice.top).to.be.above(innerHeight / 2);
        setOnline(true);
        await el.updateComplete;
        expect(statusOf(el).textContent!.trim()).to.equal('');
      } finally {
        setOnline(true);
      }
    });
  });

  describe('a hosted page that never loads', () => {
    it('keeps "Loading" until the load timeout, then offers "Try again" and "Close"', async () => {
      const el = await fixture<FiskilLink>(
        html`<fiskil-link auth-server=${stallUrl}></fiskil-link>`,
      );
      const opened = oneEvent(el, 'link-open');
      el.loadTimeout = 300;
      el.sessionId = newSessionId();
      await opened;
      expect(button(el, 'Try again')).to.equal(undefined);
      await stalledFlow(el);
      expect(button(el, 'Close')).to.not.equal(undefined);
      expect(dialogOf(el).contains(button(el, 'Try again')!)).to.equal(true);
    });

    it('"Close" ends the flow with LINK_USER_CANCELLED', async () => {
      const el = await stalledFlow();
      const error = oneEvent(el, 'link-error');
      const closed = oneEvent(el, 'link-close');
      const close = [...el.shadowRoot!.querySelectorAll('.card button')].find(
        (b) => b.textContent!.trim() === 'Close',
      ) as HTMLButtonElement;
      close.click();
      expect((await error).detail.code).to.equal('LINK_USER_CANCELLED');
      await closed;
      expect(dialogOf(el).open).to.equal(false);
    });

    it('"Try again" reloads the iframe, and the flow goes on when it loads', async () => {
      const el = await stalledFlow(undefined, { then: 'load' });
      const stalledFrame = frameOf(el);
      const loaded = oneEvent(el, 'link-load');
      button(el, 'Try again')!.click();
      await el.updateComplete;
      expect(frameOf(el)).to.not.equal(stalledFrame);
      expect(statusOf(el).textContent).to.contain('Loading');
      await loaded;
      await el.updateComplete;
      expect(button(el, 'Try again')).to.equal(undefined);
      expect(statusOf(el).textContent!.trim()).to.equal('');
    });

    it('defaults to 15 seconds, set by the load-timeout attribute', async () => {
      const el = await fixture<FiskilLink>(html`<fiskil-link load-timeout="2500"></fiskil-link>`);
      expect(el.loadTimeout).to.equal(2500);
      expect(document.createElement('fiskil-link').loadTimeout).to.equal(15000);
    });

    it('refuses a load-timeout that is not a positive number', async () => {
      const el = await fixture<FiskilLink>(
        html`<fiskil-link auth-server=${hostedUrl} load-timeout="soon"></fiskil-link>`,
      );
      const error = oneEvent(el, 'link-error');
      el.sessionId = newSessionId();
      const { detail } = await error;
      expect(detail.code).to.equal('LINK_INVALID_CONFIG');
      expect(detail.message).to.contain('load-timeout');
      expect(frameOf(el)).to.equal(null);
    });
  });

  describe('layout', () => {
    // A same-origin page in an iframe of the given size: its top layer, its viewport.
    for (const [name, width, height] of [
      ['at 320 px wide', 320, 568],
      ['at 200% zoom (a 1280 × 800 window is 640 × 400 CSS px)', 640, 400],
    ] as const) {
      it(`keeps the close control and the failure actions usable ${name}`, async () => {
        const container = await fixture<HTMLDivElement>(html`<div></div>`);
        const frame = document.createElement('iframe');
        frame.title = 'small viewport';
        frame.src = '/test/fixtures/viewport.html';
        frame.style.cssText = `width: ${width}px; height: ${height}px; border: 0`;
        const frameLoaded = oneEvent(frame, 'load');
        container.append(frame);
        await frameLoaded;
        const win = frame.contentWindow!;
        await win.customElements.whenDefined('fiskil-link');
        const el = await stalledFlow(frame.contentDocument!.querySelector('fiskil-link')!);
        expect(win.innerWidth).to.equal(width);
        const dialog = dialogOf(el);
        expect(dialog.scrollWidth).to.be.at.most(dialog.clientWidth);
        for (const target of [
          button(el, 'Close')!,
          button(el, 'Try again')!,
          el.shadowRoot!.querySelector('.card')!,
        ]) {
          const box = target.getBoundingClientRect();
          expect(box.left, target.className).to.be.at.least(0);
          expect(box.top).to.be.at.least(0);
          expect(box.right).to.be.at.most(width);
          expect(box.bottom).to.be.at.most(height);
        }
        for (const name of ['Close', 'Try again']) {
          expect(button(el, name)!.getBoundingClientRect().height).to.be.at.least(24);
        }
      });
    }

    it('keeps the close control and its focus ring visible in forced-colours mode', async () => {
      const el = await openFlow();
      const close = button(el, 'Close')!;
      if (await emulateMedia({ 'forced-colors': 'active' })) {
        try {
          expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
          const style = getComputedStyle(close);
          expect(style.borderTopStyle).to.equal('solid');
          expect(parseFloat(style.borderTopWidth)).to.be.at.least(1);
          dialogOf(el).focus();
          await sendKeys({ press: 'Tab' });
          expect(getComputedStyle(close).outlineStyle).to.equal('solid');
        } finally {
          await emulateMedia({});
        }
      } else {
        console.warn(
          "forced colours: not emulable over this engine's WebDriver; checked the CSS rule",
        );
        expect(ruleIn(el, 'forced-colors', '.close')?.borderTopStyle).to.equal('solid');
        expect(ruleIn(el, 'forced-colors', '.close')?.borderTopColor).to.match(/buttontext/i);
        expect(ruleIn(el, 'forced-colors', 'button:focus-visible')?.outlineColor).to.match(
          /highlight/i,
        );
      }
    });

    it('does not animate when the user prefers reduced motion', async () => {
      const el = await fixture<FiskilLink>(
        html`<fiskil-link auth-server=${stallUrl}></fiskil-link>`,
      );
      const opened = oneEvent(el, 'link-open');
      el.sessionId = newSessionId();
      await opened;
      const spinner = el.shadowRoot!.querySelector('.spinner')!;
      expect(getComputedStyle(spinner).animationName).to.equal('spin');
      if (await emulateMedia({ 'prefers-reduced-motion': 'reduce' })) {
        try {
          expect(getComputedStyle(spinner).animationName).to.equal('none');
        } finally {
          await emulateMedia({});
        }
      } else {
        console.warn(
          "reduced motion: not emulable over this engine's WebDriver; checked the CSS rule",
        );
        expect(ruleIn(el, 'prefers-reduced-motion', '.spinner')?.animationName).to.equal('none');
      }
    });
  });
});
