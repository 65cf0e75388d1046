import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { FiskilLink, LinkCloseRequestEvent } from '../src/index.js';
import { dialogOf, frameOf, hostedOrigin, hostedPost, hostedUrl, openFlow } from './helpers.js';

// A server that accepts the request and never answers (web-test-runner.config.js).
const stallUrl = `${hostedOrigin}/test/stall`;
const newSessionId = () => `ses_${Math.random().toString(36).slice(2)}`;

const EVENTS = ['link-close-request', 'link-error', 'link-close', 'consent'];

/** The element's events in order, a close request with its reason (`link-close-request:escape`). */
function record(el: FiskilLink): string[] {
  const seen: string[] = [];
  for (const name of EVENTS) {
    el.addEventListener(name, (event) => {
      const { reason } = (event as LinkCloseRequestEvent).detail ?? {};
      seen.push(name == 'link-close-request' ? `${name}:${reason}` : name);
    });
  }
  return seen;
}

function closeControl(el: FiskilLink): HTMLButtonElement {
  return el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="close"]')!;
}

function panelOf(el: FiskilLink): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>('[part="confirm"]');
}

function answer(el: FiskilLink, name: string): HTMLButtonElement {
  const found = [...panelOf(el)!.querySelectorAll('button')].find(
    (b) => b.textContent!.trim() === name,
  );
  expect(found, `the panel's "${name}" button`).to.not.equal(undefined);
  return found!;
}

/** Refuses every close request the element asks. */
function refuse(el: FiskilLink): void {
  el.addEventListener('link-close-request', (event) => event.preventDefault());
}

/** A flow on the fixture (or `authServer`) with `confirm-close`, its hosted page loaded. */
async function confirmingFlow(authServer = hostedUrl): Promise<FiskilLink> {
  const el = await fixture<FiskilLink>(
    html`<fiskil-link confirm-close auth-server=${authServer}></fiskil-link>`,
  );
  const loaded = oneEvent(el, 'link-load');
  el.sessionId = newSessionId();
  await loaded;
  return el;
}

// Firefox ESR driven over WebDriver BiDi never finishes a key press whose handler
// moves focus into a cross-origin frame (the test hangs; the same move on a click
// passes below). There the keyboard test's hosted page is a same-origin copy of
// the fixture: the element does the same for either.
const keyboardHostedUrl = navigator.userAgent.includes('Firefox')
  ? `${location.origin}/test/fixtures/hosted.html`
  : hostedUrl;

/** Presses Escape with focus on the element's own close control (the hosted page keeps its keys). */
async function escapeFromCloseControl(el: FiskilLink): Promise<void> {
  closeControl(el).focus();
  await sendKeys({ press: 'Escape' });
}

/** The flow is still on screen with the same document: nothing ended, nothing reloaded. */
async function expectUntouched(el: FiskilLink, frame: HTMLIFrameElement): Promise<void> {
  await aTimeout(0);
  expect(dialogOf(el).open, 'the modal is open').to.equal(true);
  expect(frameOf(el), 'the same iframe').to.equal(frame);
  // The flow goes on: the hosted page's outcome still reaches the page.
  const consent = oneEvent(el, 'consent');
  hostedPost(el, { isCompleted: true, consentID: 'arr_after' });
  expect((await consent).detail.consentID).to.equal('arr_after');
}

describe('<fiskil-link> close request', () => {
  it('asks the page before the close control closes the flow, then closes', async () => {
    const el = await openFlow(newSessionId());
    const events = record(el);
    let request: LinkCloseRequestEvent | undefined;
    el.addEventListener('link-close-request', (event) => (request = event));
    closeControl(el).click();
    expect(events).to.deep.equal(['link-close-request:close-button', 'link-error', 'link-close']);
    expect(request!.cancelable, 'cancelable').to.equal(true);
    expect(request!.bubbles && request!.composed, 'bubbles, composed').to.equal(true);
    expect(dialogOf(el).open).to.equal(false);
  });

  it('asks with reason "escape" before Escape closes the flow', async () => {
    const el = await openFlow(newSessionId());
    const events = record(el);
    const closed = oneEvent(el, 'link-close');
    await escapeFromCloseControl(el);
    await closed;
    expect(events).to.deep.equal(['link-close-request:escape', 'link-error', 'link-close']);
  });

  it('keeps the flow open and untouched when the page prevents the close control', async () => {
    const el = await openFlow(newSessionId());
    const frame = frameOf(el)!;
    refuse(el);
    const events = record(el);
    closeControl(el).click();
    expect(events).to.deep.equal(['link-close-request:close-button']);
    await expectUntouched(el, frame);
  });

  // After an Escape with no user activation since, Chromium would close the
  // dialog without letting the page refuse: a second refused Escape must hold too.
  it('keeps the flow open when the page prevents Escape, twice in a row', async () => {
    const el = await openFlow(newSessionId());
    const frame = frameOf(el)!;
    refuse(el);
    const events = record(el);
    await escapeFromCloseControl(el);
    await sendKeys({ press: 'Escape' });
    expect(events).to.deep.equal(['link-close-request:escape', 'link-close-request:escape']);
    await expectUntouched(el, frame);
  });

  it('does not ask for cancel(), the page’s own decision', async () => {
    const el = await openFlow(newSessionId());
    refuse(el);
    const events = record(el);
    el.cancel();
    expect(events).to.deep.equal(['link-error', 'link-close']);
  });

  it('does not ask once the flow has its outcome (an invalid session lingers)', async () => {
    const el = await openFlow(newSessionId());
    refuse(el);
    const error = oneEvent(el, 'link-error');
    hostedPost(el, {
      isCompleted: false,
      error: 'LINK_INVALID_SESSION',
      errorType: 'LINK_INVALID_SESSION',
      errorID: 'err_123',
      errorDescription: 'Invalid/terminal session',
    });
    expect((await error).detail.code).to.equal('LINK_INVALID_SESSION');
    expect(dialogOf(el).open, 'it lingers').to.equal(true);
    const events = record(el);
    closeControl(el).click();
    expect(events).to.deep.equal(['link-close']);
    expect(dialogOf(el).open).to.equal(false);
  });

  it('asks before the load-failure notice’s Close closes the flow', async () => {
    const el = await fixture<FiskilLink>(html`<fiskil-link></fiskil-link>`);
    el.authServer = stallUrl;
    el.loadTimeout = 200;
    el.sessionId = newSessionId();
    const notice = () =>
      [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.card button')].find(
        (b) => b.textContent === 'Close',
      );
    await waitUntil(notice, 'no "Close" after the load timeout', { timeout: 20000 });
    const events = record(el);
    notice()!.click();
    expect(events).to.deep.equal(['link-close-request:close-button', 'link-error', 'link-close']);
  });
});

describe('<fiskil-link confirm-close>', () => {
  it('is set by the attribute', async () => {
    const el = await fixture<FiskilLink>(html`<fiskil-link confirm-close></fiskil-link>`);
    expect(el.confirmClose).to.equal(true);
  });

  it('asks nothing before the hosted page has loaded: it closes at once, after the request', async () => {
    const el = await fixture<FiskilLink>(
      html`<fiskil-link confirm-close auth-server=${stallUrl}></fiskil-link>`,
    );
    const opened = oneEvent(el, 'link-open');
    el.sessionId = newSessionId();
    await opened;
    const events = record(el);
    closeControl(el).click();
    expect(panelOf(el)).to.equal(null);
    expect(events).to.deep.equal(['link-close-request:close-button', 'link-error', 'link-close']);
  });

  it('shows its question after the request, with focus on "Keep going" and the flow inert', async () => {
    const el = await confirmingFlow();
    const events = record(el);
    closeControl(el).click();
    expect(events).to.deep.equal(['link-close-request:close-button']);
    const panel = panelOf(el)!;
    expect(panel.getAttribute('role')).to.equal('alertdialog');
    expect(panel.getAttribute('aria-modal')).to.equal('true');
    const labelledBy = el.shadowRoot!.getElementById(panel.getAttribute('aria-labelledby')!)!;
    expect(labelledBy.textContent).to.equal('Leave without connecting?');
    expect(panel.contains(labelledBy)).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(answer(el, 'Keep going'));
    expect(frameOf(el)!.inert, 'the frame is inert').to.equal(true);
    expect(closeControl(el).inert, 'the close control is inert').to.equal(true);
    expect(dialogOf(el).open).to.equal(true);
  });

  it('shows no question when the page prevents the request', async () => {
    const el = await confirmingFlow();
    const frame = frameOf(el)!;
    refuse(el);
    closeControl(el).click();
    expect(panelOf(el)).to.equal(null);
    await expectUntouched(el, frame);
  });

  it('by keyboard: Enter asks, Escape keeps going with focus back on the frame, Leave cancels', async () => {
    const el = await confirmingFlow(keyboardHostedUrl);
    const frame = frameOf(el)!;
    const events = record(el);
    closeControl(el).focus();
    await sendKeys({ press: 'Enter' });
    expect(el.shadowRoot!.activeElement).to.equal(answer(el, 'Keep going'));

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(panelOf(el), 'the question is gone').to.equal(null);
    expect(el.shadowRoot!.activeElement, 'focus is back on the frame').to.equal(frame);
    expect(frame.inert || closeControl(el).inert, 'nothing left inert').to.equal(false);
    expect(dialogOf(el).open).to.equal(true);
    expect(events).to.deep.equal(['link-close-request:close-button']);

    // Asked again, from the close control: focus is in the hosted page now, and
    // moving it out by script right before a key press is not what a user does
    // (under load WebKit sent that Escape to the hosted page). Tab to "Leave", press it.
    closeControl(el).click();
    expect(el.shadowRoot!.activeElement).to.equal(answer(el, 'Keep going'));
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(answer(el, 'Leave'));
    const error = oneEvent(el, 'link-error');
    await sendKeys({ press: 'Enter' });
    expect((await error).detail.code).to.equal('LINK_USER_CANCELLED');
    expect(events).to.deep.equal([
      'link-close-request:close-button',
      'link-close-request:close-button',
      'link-error',
      'link-close',
    ]);
    expect(dialogOf(el).open).to.equal(false);
    await el.updateComplete;
    expect(panelOf(el)).to.equal(null);
  });

  it('asks on Escape too, with focus on "Keep going"', async () => {
    const el = await confirmingFlow();
    const events = record(el);
    await escapeFromCloseControl(el);
    expect(events).to.deep.equal(['link-close-request:escape']);
    expect(el.shadowRoot!.activeElement).to.equal(answer(el, 'Keep going'));
    expect(dialogOf(el).open).to.equal(true);
  });

  it('"Keep going" keeps the flow open and untouched', async () => {
    const el = await confirmingFlow();
    const frame = frameOf(el)!;
    closeControl(el).click();
    const events = record(el);
    answer(el, 'Keep going').click();
    expect(panelOf(el)).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(frame);
    expect(events).to.deep.equal([]);
    await expectUntouched(el, frame);
  });

  // Past its last answer, Tab leaves the page for the browser's own controls (Firefox):
  // never for the flow behind, which is inert while it asks.
  it('moves between its answers with Tab and Shift+Tab, the flow behind inert', async () => {
    const el = await confirmingFlow();
    closeControl(el).click();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(answer(el, 'Leave'));
    await executeServerCommand('press-chord', ['Shift', 'Tab']);
    expect(el.shadowRoot!.activeElement).to.equal(answer(el, 'Keep going'));
    expect(frameOf(el)!.inert && closeControl(el).inert).to.equal(true);
    expect(panelOf(el)).to.not.equal(null);
  });

  it('goes away when the flow ends while it asks', async () => {
    const el = await confirmingFlow();
    closeControl(el).click();
    const consent = oneEvent(el, 'consent');
    hostedPost(el, { isCompleted: true, consentID: 'arr_while_asking' });
    await consent;
    await el.updateComplete;
    expect(panelOf(el)).to.equal(null);
    expect(closeControl(el).inert).to.equal(false);
  });

  it('speaks the page’s words', async () => {
    const el = await confirmingFlow();
    el.strings = {
      leavePrompt: 'Partir sans connecter ?',
      keepGoing: 'Continuer',
      leave: 'Partir',
    };
    closeControl(el).click();
    await el.updateComplete;
    expect(panelOf(el)!.querySelector('#leave-prompt')!.textContent).to.equal(
      'Partir sans connecter ?',
    );
    expect(answer(el, 'Continuer')).to.equal(el.shadowRoot!.activeElement);
    const error = oneEvent(el, 'link-error');
    answer(el, 'Partir').click();
    expect((await error).detail.code).to.equal('LINK_USER_CANCELLED');
  });

  it('is accessible: axe-core finds no violations while it asks', async () => {
    const el = await confirmingFlow();
    closeControl(el).click();
    await expect(el).to.be.accessible();
  });

  describe('right to left', () => {
    async function answersOrder(setup: (el: FiskilLink) => void) {
      const el = await fixture<FiskilLink>(
        html`<fiskil-link confirm-close auth-server=${hostedUrl}></fiskil-link>`,
      );
      setup(el);
      const loaded = oneEvent(el, 'link-load');
      el.sessionId = newSessionId();
      await loaded;
      closeControl(el).click();
      const stay = answer(el, 'Keep going').getBoundingClientRect();
      const leave = answer(el, 'Leave').getBoundingClientRect();
      const direction = getComputedStyle(panelOf(el)!).direction;
      const card = panelOf(el)!.firstElementChild!.getBoundingClientRect();
      el.cancel();
      expect(card.left + card.width / 2, 'the question is centred').to.be.closeTo(
        innerWidth / 2,
        2,
      );
      return { direction, stayFirst: stay.left < leave.left };
    }

    it('reads left to right on a left-to-right page', async () => {
      expect(await answersOrder(() => {})).to.deep.equal({ direction: 'ltr', stayFirst: true });
    });

    it('reads right to left, its answers mirrored, on a dir="rtl" page', async () => {
      document.documentElement.dir = 'rtl';
      try {
        expect(await answersOrder(() => {})).to.deep.equal({ direction: 'rtl', stayFirst: false });
      } finally {
        document.documentElement.removeAttribute('dir');
      }
    });

    it('reads right to left when the element itself is dir="rtl"', async () => {
      expect(await answersOrder((el) => (el.dir = 'rtl'))).to.deep.equal({
        direction: 'rtl',
        stayFirst: false,
      });
    });
  });
});
