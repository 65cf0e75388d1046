// <FiskilLink> from fiskil-link/react, on React 19 and React 18.3
// (web-test-runner.config.js runs this file on both), driven by
// fiskil-link/testing's fake hosted page. Among them, the four ways the bare
// tag loses a flow in a React app, each working here: stable handlers on a
// server-rendered then hydrated page, camelCase callbacks, a tag that must be
// registered in the browser, and React 18.3 itself (this whole file).
// This file imports no module that registers the tag but the component's.
import { expect } from '@open-wc/testing';
import { StrictMode, useCallback, useState, type ReactElement, type RefObject } from 'react';
import { renderToString } from 'react-dom/server';
import {
  ConsentEvent,
  FiskilLink as FiskilLinkElement,
  LinkErrorEvent,
} from '../../src/element.js';
import { FiskilLink } from '../../src/react/index.js';
import {
  elementsOnPage,
  fakeForEachTest,
  hydrate,
  mount,
  reactMajor,
  until,
  watchConsole,
} from './render.js';

/** The page of a Next.js app: the outcome shown in `data-testid="outcome"`. */
function Checkout({ sessionId }: { sessionId: string }) {
  const [outcome, setOutcome] = useState('');
  // Stable handlers: the case the bare tag loses after hydration.
  const onConsent = useCallback(
    (event: ConsentEvent) => setOutcome(`Consent ${event.detail.consentID} confirmed`),
    [],
  );
  const onLinkError = useCallback(
    (event: LinkErrorEvent) => setOutcome(`Error ${event.detail.code}`),
    [],
  );
  return (
    <main>
      <FiskilLink sessionId={sessionId} onConsent={onConsent} onLinkError={onLinkError} />
      <p data-testid="outcome">{outcome}</p>
    </main>
  );
}

describe(`<FiskilLink> on React ${reactMajor}`, () => {
  const fiskil = fakeForEachTest();

  it('registers <fiskil-link> in the browser when imported (a tag the server rendered is upgraded)', () => {
    expect(customElements.get('fiskil-link')).to.equal(FiskilLinkElement);
  });

  it('calls onConsent (camelCase) with the typed consent event', async () => {
    const events: Event[] = [];
    mount(<FiskilLink sessionId="ses_1" onConsent={(event) => events.push(event)} />);
    const flow = await fiskil().nextFlow();
    flow.complete({ consentID: 'con_1' });
    expect(events).to.have.length(1);
    expect(events[0]).to.be.instanceOf(ConsentEvent);
    expect((events[0] as ConsentEvent).detail.consentID).to.equal('con_1');
  });

  it('calls onLinkOpen, onLinkLoad, onLinkError and onLinkClose in the flow’s order', async () => {
    const seen: string[] = [];
    mount(
      <FiskilLink
        sessionId="ses_1"
        onLinkOpen={(e) => seen.push(e.type)}
        onLinkLoad={(e) => seen.push(e.type)}
        onLinkError={(e) => seen.push(`${e.type} ${e.detail.code}`)}
        onLinkClose={(e) => seen.push(e.type)}
      />,
    );
    const flow = await fiskil().nextFlow();
    await until(() => seen.includes('link-load'), 'the page never loaded');
    flow.fail('CONSENT_ENDUSER_DENIED');
    expect(seen).to.deep.equal([
      'link-open',
      'link-load',
      'link-error CONSENT_ENDUSER_DENIED',
      'link-close',
    ]);
  });

  it('asks onLinkCloseRequest before a user’s close: refused, the flow stays; with confirmClose, the question shows', async () => {
    const reasons: string[] = [];
    let refuse = true;
    let loaded = false;
    const { container } = mount(
      <FiskilLink
        sessionId="ses_1"
        confirmClose
        onLinkLoad={() => (loaded = true)}
        onLinkCloseRequest={(event) => {
          reasons.push(event.detail.reason);
          if (refuse) event.preventDefault();
        }}
      />,
    );
    expect(container.querySelector('fiskil-link')!.confirmClose).to.equal(true);
    const flow = await fiskil().nextFlow();
    // The question is asked only once the hosted page has loaded.
    await until(() => loaded, 'the page never loaded');
    flow.requestClose('escape');
    expect(reasons).to.deep.equal(['escape']);
    expect(flow.ended).to.equal(false);
    expect(flow.confirming).to.equal(false);
    refuse = false;
    flow.requestClose('close-button');
    expect(reasons).to.deep.equal(['escape', 'close-button']);
    expect(flow.confirming).to.equal(true);
    flow.keepGoing();
    expect(flow.ended).to.equal(false);
  });

  it('sets the element’s properties as properties, objects and false included (never attributes)', () => {
    const strings = { close: 'Fermer' };
    const { container } = mount(
      <FiskilLink
        sessionId="ses_1"
        authServer="https://auth.example"
        timeout={1234}
        preload
        debug={false}
        strings={strings}
      />,
    );
    const el = container.querySelector('fiskil-link')!;
    expect(el.strings).to.equal(strings);
    expect(el.timeout).to.equal(1234);
    expect(el.authServer).to.equal('https://auth.example');
    expect(el.preload).to.equal(true);
    expect(el.debug).to.equal(false);
    expect(el.getAttributeNames()).to.deep.equal([]);
  });

  it('gives the element through ref: open() shows a preloaded flow, cancel() ends it', async () => {
    const ref: RefObject<FiskilLinkElement | null> = { current: null };
    const errors: string[] = [];
    mount(
      <FiskilLink
        ref={ref}
        sessionId="ses_1"
        preload
        onLinkError={(e) => errors.push(e.detail.code)}
      />,
    );
    expect(ref.current).to.be.instanceOf(FiskilLinkElement);
    expect(fiskil().flows).to.have.length(0);
    await until(() => fiskil().flows.length === 1, 'the flow did not preload');
    expect(fiskil().flows[0]!.shown).to.equal(false);
    ref.current!.open();
    const flow = await fiskil().nextFlow();
    ref.current!.cancel();
    expect(errors).to.deep.equal(['LINK_USER_CANCELLED']);
    expect(flow.ended).to.equal(true);
  });

  it('under StrictMode, keeps one element and calls the handler once per outcome', async () => {
    const seen: string[] = [];
    mount(
      <StrictMode>
        <FiskilLink sessionId="ses_strict" onConsent={(e) => seen.push(e.detail.consentID)} />
      </StrictMode>,
    );
    const flow = await fiskil().nextFlow();
    expect(elementsOnPage()).to.deep.equal([flow.element]);
    flow.complete({ consentID: 'con_strict' });
    expect(seen).to.deep.equal(['con_strict']);
  });

  it('calls the handler of the latest render', async () => {
    const seen: string[] = [];
    const root = mount(<FiskilLink sessionId="ses_1" onConsent={() => seen.push('first')} />);
    root.render(<FiskilLink sessionId="ses_1" onConsent={(e) => seen.push(e.detail.consentID)} />);
    const flow = await fiskil().nextFlow();
    flow.complete({ consentID: 'con_2' });
    expect(seen).to.deep.equal(['con_2']);
    expect(fiskil().flows).to.have.length(1);
  });

  it('replaces the flow when sessionId changes, and removes it silently on unmount', async () => {
    const seen: string[] = [];
    const root = mount(<FiskilLink sessionId="ses_1" onLinkError={(e) => seen.push(e.type)} />);
    const first = await fiskil().nextFlow();
    root.render(<FiskilLink sessionId="ses_2" onLinkError={(e) => seen.push(e.type)} />);
    await until(() => first.ended, 'the first flow was not replaced');
    const second = await fiskil().nextFlow();
    expect(second.sessionId).to.equal('ses_2');
    root.unmount();
    expect(second.ended).to.equal(true);
    expect(elementsOnPage()).to.have.length(0);
    expect(seen).to.deep.equal([]);
  });

  it('hydrates server HTML holding the tag without a warning, and its stable handlers get the outcome', async () => {
    const page = serverRendered(<Checkout sessionId="ses_ssr" />);
    expect(page.html).to.match(/^<main><fiskil-link[^>]*><\/fiskil-link>/);
    const serverTag = page.container.querySelector('fiskil-link');
    const flow = await fiskil().nextFlow();
    expect(flow.element).to.equal(serverTag);
    expect(flow.sessionId).to.equal('ses_ssr');
    flow.complete({ consentID: 'con_ssr' });
    await page.shows('Consent con_ssr confirmed');
  });

  it('on a hydrated page, stable handlers also get a flow whose session id arrives later', async () => {
    function Later() {
      const [sessionId, setSessionId] = useState('');
      const [outcome, setOutcome] = useState('');
      const onLinkError = useCallback(
        (event: LinkErrorEvent) => setOutcome(`Error ${event.detail.code}`),
        [],
      );
      return (
        <main>
          <button onClick={() => setSessionId('ses_later')}>Connect your bank</button>
          <FiskilLink sessionId={sessionId} onLinkError={onLinkError} />
          <p data-testid="outcome">{outcome}</p>
        </main>
      );
    }
    const page = serverRendered(<Later />);
    // A click before hydration has finished is replayed by React once it has.
    page.container.querySelector('button')!.click();
    const flow = await fiskil().nextFlow();
    flow.cancel();
    await page.shows('Error AUTH_SESSION_CANCELLED');
  });
});

/**
 * `ui` rendered as a server would (react-dom/server), then hydrated as a
 * browser would; neither may log anything. `shows(text)` waits for the outcome
 * the page shows, then checks the browser's console.
 */
function serverRendered(ui: ReactElement) {
  const server = watchConsole();
  const html = renderToString(ui);
  // @lit/react's browser build, imported here for the server render too, uses
  // useLayoutEffect, which React 18's server renderer reports; on a real server
  // @lit/react's Node build has none (test/node/ssr-import.test.js renders there).
  const logged = server
    .stop()
    .filter((message) => !/useLayoutEffect does nothing on the server/.test(message));
  expect(logged, 'the server render logged').to.deep.equal([]);
  const browser = watchConsole();
  const { container } = hydrate(html, ui);
  const outcome = () => container.querySelector('[data-testid="outcome"]')!.textContent;
  return {
    html,
    container,
    async shows(text: string) {
      await until(() => outcome() === text, `the page never showed "${text}": "${outcome()}"`);
      expect(browser.stop(), 'the browser logged').to.deep.equal([]);
    },
  };
}
