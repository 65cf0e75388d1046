// <FiskilLink> from fiskil-link/react, on React 19 and React 18.3
// (web-test-runner.config.js runs this file on both), driven by
// fiskil-link/testing's fake hosted page. Among them, the four ways the bare
// tag loses a flow in a React app, each working here: stable handlers on a
// server-rendered then hydrated page, camelCase callbacks, a tag that must be
// registered in the browser, and React 18.3 itself (this whole file).
// This file imports no module that registers the tag but the component's.
import { expect, waitUntil } from '@open-wc/testing';
import { useCallback, useState, type RefObject } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import {
  ConsentEvent,
  FiskilLink as FiskilLinkElement,
  LinkErrorEvent,
} from '../../src/element.js';
import { FiskilLink } from '../../src/react/index.js';
import { fakeFiskilLink, type FakeFiskilLink } from '../../src/testing/index.js';
import { elementsOnPage, mount, reactMajor, unmountAll, watchConsole } from './render.js';

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

const outcomeOf = (container: HTMLElement) =>
  container.querySelector('[data-testid="outcome"]')!.textContent;

describe(`<FiskilLink> on React ${reactMajor}`, () => {
  let fiskil: FakeFiskilLink;
  beforeEach(() => {
    fiskil = fakeFiskilLink();
  });
  afterEach(() => {
    unmountAll();
    fiskil.restore();
  });

  it('registers <fiskil-link> in the browser when imported (a tag the server rendered is upgraded)', () => {
    expect(customElements.get('fiskil-link')).to.equal(FiskilLinkElement);
  });

  it('calls onConsent (camelCase) with the typed consent event', async () => {
    const events: Event[] = [];
    mount(<FiskilLink sessionId="ses_1" onConsent={(event) => events.push(event)} />);
    const flow = await fiskil.nextFlow();
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
    const flow = await fiskil.nextFlow();
    await waitUntil(() => seen.includes('link-load'), 'the page never loaded');
    flow.fail('CONSENT_ENDUSER_DENIED');
    expect(seen).to.deep.equal([
      'link-open',
      'link-load',
      'link-error CONSENT_ENDUSER_DENIED',
      'link-close',
    ]);
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
    expect(fiskil.flows).to.have.length(0);
    await waitUntil(() => fiskil.flows.length === 1, 'the flow did not preload');
    expect(fiskil.flows[0]!.shown).to.equal(false);
    ref.current!.open();
    const flow = await fiskil.nextFlow();
    ref.current!.cancel();
    expect(errors).to.deep.equal(['LINK_USER_CANCELLED']);
    expect(flow.ended).to.equal(true);
  });

  it('calls the handler of the latest render', async () => {
    const seen: string[] = [];
    const root = mount(<FiskilLink sessionId="ses_1" onConsent={() => seen.push('first')} />);
    root.render(<FiskilLink sessionId="ses_1" onConsent={(e) => seen.push(e.detail.consentID)} />);
    const flow = await fiskil.nextFlow();
    flow.complete({ consentID: 'con_2' });
    expect(seen).to.deep.equal(['con_2']);
    expect(fiskil.flows).to.have.length(1);
  });

  it('replaces the flow when sessionId changes, and removes it silently on unmount', async () => {
    const seen: string[] = [];
    const root = mount(<FiskilLink sessionId="ses_1" onLinkError={(e) => seen.push(e.type)} />);
    const first = await fiskil.nextFlow();
    root.render(<FiskilLink sessionId="ses_2" onLinkError={(e) => seen.push(e.type)} />);
    await waitUntil(() => first.ended, 'the first flow was not replaced');
    const second = await fiskil.nextFlow();
    expect(second.sessionId).to.equal('ses_2');
    root.unmount();
    expect(second.ended).to.equal(true);
    expect(elementsOnPage()).to.have.length(0);
    expect(seen).to.deep.equal([]);
  });

  it('hydrates server HTML holding the tag without a warning, and its stable handlers get the outcome', async () => {
    // Rendered as a server would (react-dom/server), then hydrated as a browser would.
    const server = watchConsole();
    const html = renderToString(<Checkout sessionId="ses_ssr" />);
    // @lit/react's browser build, imported here for the server render too, uses
    // useLayoutEffect, which React 18's server renderer reports; on a real server
    // @lit/react's Node build has none (test/node/ssr-import.test.js renders there).
    const serverMessages = server
      .stop()
      .filter((message) => !/useLayoutEffect does nothing on the server/.test(message));
    expect(serverMessages).to.deep.equal([]);
    expect(html).to.match(/^<main><fiskil-link[^>]*><\/fiskil-link>/);

    const container = document.body.appendChild(document.createElement('div'));
    container.innerHTML = html;
    const serverTag = container.querySelector('fiskil-link');
    const browser = watchConsole();
    const root = hydrateRoot(container, <Checkout sessionId="ses_ssr" />);
    try {
      const flow = await fiskil.nextFlow();
      expect(flow.element).to.equal(serverTag);
      expect(flow.sessionId).to.equal('ses_ssr');
      flow.complete({ consentID: 'con_ssr' });
      await waitUntil(
        () => outcomeOf(container) === 'Consent con_ssr confirmed',
        `the outcome never reached the page: "${outcomeOf(container)}"`,
      );
      expect(browser.stop()).to.deep.equal([]);
    } finally {
      browser.stop();
      root.unmount();
      container.remove();
    }
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
    const container = document.body.appendChild(document.createElement('div'));
    const server = watchConsole();
    container.innerHTML = renderToString(<Later />);
    server.stop();
    const browser = watchConsole();
    const root = hydrateRoot(container, <Later />);
    try {
      // A click before hydration has finished is replayed by React once it has.
      container.querySelector('button')!.click();
      const flow = await fiskil.nextFlow();
      flow.cancel();
      await waitUntil(
        () => outcomeOf(container) === 'Error AUTH_SESSION_CANCELLED',
        `the outcome never reached the page: "${outcomeOf(container)}"`,
      );
      expect(browser.stop()).to.deep.equal([]);
    } finally {
      browser.stop();
      root.unmount();
      container.remove();
    }
  });
});
