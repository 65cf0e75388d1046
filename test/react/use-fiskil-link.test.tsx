// useFiskilLink(), on React 19 and React 18.3 (web-test-runner.config.js runs
// this file on both), driven by fiskil-link/testing's fake hosted page.
import { expect, waitUntil } from '@open-wc/testing';
import { StrictMode, useEffect } from 'react';
import { useFiskilLink, type UseFiskilLinkResult } from '../../src/react/index.js';
import type { UseFiskilLinkOptions } from '../../src/react/index.js';
import { fakeFiskilLink, type FakeFiskilLink } from '../../src/testing/index.js';
import { hostedOrigin } from '../helpers.js';
import {
  elementsOnPage,
  expectedMajor,
  mount,
  reactMajor,
  unmountAll,
  watchConsole,
} from './render.js';

type Props = Omit<UseFiskilLinkOptions, 'onConsent'> & {
  log: string[];
  probe: { current?: UseFiskilLinkResult };
  onConsent?: UseFiskilLinkOptions['onConsent'];
};

/** A page with the hook: what it returns is in `probe`, what it was told is in `log`. */
function Checkout({ log, probe, ...options }: Props) {
  const result = useFiskilLink({
    onConsent: (detail) => log.push(`consent ${detail.consentID}`),
    onError: (error) => log.push(`error ${error.code}`),
    onClose: () => log.push('close'),
    ...options,
  });
  probe.current = result;
  return (
    <p data-ready={String(result.ready)}>{result.error ? `Error ${result.error.code}` : ''}</p>
  );
}

function setup(options: Partial<Props> = {}, { strict = false } = {}) {
  const log: string[] = [];
  const probe: Props['probe'] = {};
  const props = { sessionId: 'ses_1', log, probe, ...options };
  const ui = (p: Props) =>
    strict ? <StrictMode>{<Checkout {...p} />}</StrictMode> : <Checkout {...p} />;
  const root = mount(ui(props));
  return {
    log,
    hook: () => probe.current!,
    text: () => root.container.textContent,
    rerender: (changes: Partial<Props>) => root.render(ui({ ...props, ...changes })),
    unmount: () => root.unmount(),
    ready: () => waitUntil(() => probe.current?.ready, 'the hook never became ready'),
  };
}

describe(`useFiskilLink() on React ${reactMajor}`, () => {
  let fiskil: FakeFiskilLink;
  beforeEach(() => {
    fiskil = fakeFiskilLink();
  });
  afterEach(() => {
    unmountAll();
    fiskil.restore();
  });

  it('runs on the React version its group names', () => {
    expect(reactMajor).to.equal(expectedMajor);
  });

  it('preloads one hidden flow, ready once it has loaded, and open() shows it: the consent reaches onConsent, then onClose', async () => {
    const page = setup();
    expect(page.hook().ready).to.equal(false);
    await page.ready();
    expect(elementsOnPage()).to.have.length(1);
    expect(fiskil.flows).to.have.length(1);
    expect(fiskil.flows[0]!.shown).to.equal(false);

    page.hook().open();
    const flow = await fiskil.nextFlow();
    expect(flow.sessionId).to.equal('ses_1');
    expect(flow.element).to.equal(elementsOnPage()[0]);
    flow.complete({ consentID: 'con_1' });
    expect(page.log).to.deep.equal(['consent con_1', 'close']);
    await waitUntil(() => !page.hook().ready, 'ready stayed true after the flow ended');
    expect(page.hook().error).to.equal(null);
  });

  // Each way a flow fails reaches onError as a LinkError, and `error` holds it.
  const failures: [string, (flow: Awaited<ReturnType<FakeFiskilLink['nextFlow']>>) => void][] = [
    ['CONSENT_ENDUSER_DENIED', (flow) => flow.fail('CONSENT_ENDUSER_DENIED')],
    ['CONSENT_OTP_FAILURE', (flow) => flow.fail('CONSENT_OTP_FAILURE')],
    ['LINK_INTERNAL_ERROR', (flow) => flow.fail('LINK_INTERNAL_ERROR')],
    ['AUTH_SESSION_CANCELLED', (flow) => flow.cancel()],
    [
      'LINK_ORIGIN_MISMATCH',
      (flow) =>
        flow.post({ isCompleted: true, consentID: 'c' }, { origin: 'https://evil.example' }),
    ],
  ];
  for (const [code, fail] of failures) {
    it(`reports ${code} through onError and error, then onClose`, async () => {
      const page = setup();
      await page.ready();
      page.hook().open();
      fail(await fiskil.nextFlow());
      expect(page.log).to.deep.equal([`error ${code}`, 'close']);
      await waitUntil(() => page.text() === `Error ${code}`, `error is not ${code}`);
      expect(page.hook().error!.name).to.equal('LinkError');
      expect(page.hook().ready).to.equal(false);
    });
  }

  it('reports LINK_INVALID_SESSION and keeps the modal up until cancel(), as the element does', async () => {
    const page = setup();
    await page.ready();
    page.hook().open();
    const flow = await fiskil.nextFlow();
    flow.expireSession();
    expect(page.log).to.deep.equal(['error LINK_INVALID_SESSION']);
    page.hook().cancel();
    expect(page.log).to.deep.equal(['error LINK_INVALID_SESSION', 'close']);
  });

  it('reports LINK_TIMEOUT when the user runs out of time', async () => {
    const page = setup({ timeout: 50 });
    await page.ready();
    page.hook().open();
    await fiskil.nextFlow();
    await waitUntil(() => page.log.length === 2, 'the flow did not time out');
    expect(page.log).to.deep.equal(['error LINK_TIMEOUT', 'close']);
  });

  it('reports a configuration the element refuses (LINK_INVALID_CONFIG) while preloading: never ready, with an error saying why', async () => {
    const page = setup({ authServer: 'http://example.com' });
    await waitUntil(() => page.log.length > 0, 'nothing was reported');
    expect(page.log).to.deep.equal(['error LINK_INVALID_CONFIG']);
    expect(page.hook().error!.message).to.match(/auth-server/);
    expect(page.hook().ready).to.equal(false);
    expect(fiskil.flows).to.have.length(0);
  });

  it('cancel() ends the flow shown with LINK_USER_CANCELLED, then onClose', async () => {
    const page = setup();
    await page.ready();
    page.hook().open();
    const flow = await fiskil.nextFlow();
    page.hook().cancel();
    expect(page.log).to.deep.equal(['error LINK_USER_CANCELLED', 'close']);
    expect(flow.ended).to.equal(true);
  });

  it('cancel() leaves a hidden preload alone: nothing is reported and it stays ready', async () => {
    const page = setup();
    await page.ready();
    page.hook().cancel();
    expect(page.log).to.deep.equal([]);
    expect(page.hook().ready).to.equal(true);
    expect(fiskil.flows[0]!.ended).to.equal(false);
  });

  it('open() with no sessionId sets error to LINK_INVALID_CONFIG and says why in the console', async () => {
    const page = setup({ sessionId: null });
    const watched = watchConsole();
    page.hook().open();
    const messages = watched.stop();
    expect(page.log).to.deep.equal(['error LINK_INVALID_CONFIG']);
    expect(messages).to.have.length(1);
    expect(messages[0]).to.match(/open\(\) was called with no sessionId/);
    await waitUntil(() => page.text() === 'Error LINK_INVALID_CONFIG', 'error was not set');
    expect(page.hook().error!.message).to.match(/no sessionId/);
    expect(fiskil.flows).to.have.length(0);
  });

  it('waits for a sessionId given later (null until the backend answers), then preloads it', async () => {
    const page = setup({ sessionId: null });
    expect(elementsOnPage()).to.have.length(1);
    expect(fiskil.flows).to.have.length(0);
    page.rerender({ sessionId: 'ses_late' });
    await page.ready();
    expect(fiskil.flows.map((flow) => flow.sessionId)).to.deep.equal(['ses_late']);
  });

  it('open() before ready shows the flow with its loading state', async () => {
    // The stalling server never answers, and the fake page is not in its way.
    fiskil.restore();
    const page = setup({ authServer: `${hostedOrigin}/test/stall` });
    page.hook().open();
    const el = elementsOnPage()[0]!;
    await waitUntil(() => el.shadowRoot?.querySelector('dialog')?.open, 'the flow was not shown');
    const loading = el.shadowRoot!.querySelector<HTMLElement>('[part="loading"]')!;
    expect(getComputedStyle(loading).display).to.not.equal('none');
    expect(page.hook().ready).to.equal(false);
    page.hook().cancel();
    expect(page.log).to.deep.equal(['error LINK_USER_CANCELLED', 'close']);
  });

  it('replaces the flow when sessionId changes: the old one ends silently, the new one preloads in the same element', async () => {
    const page = setup();
    await page.ready();
    const [element] = elementsOnPage();
    page.rerender({ sessionId: 'ses_2' });
    await waitUntil(() => fiskil.flows[1]?.sessionId === 'ses_2', 'no flow for the new session');
    await page.ready();
    expect(elementsOnPage()).to.deep.equal([element]);
    expect(fiskil.flows.map((flow) => [flow.sessionId, flow.ended])).to.deep.equal([
      ['ses_1', true],
      ['ses_2', false],
    ]);
    page.hook().open();
    const flow = await fiskil.nextFlow();
    expect(flow.sessionId).to.equal('ses_2');
    flow.complete({ consentID: 'con_2' });
    expect(page.log).to.deep.equal(['consent con_2', 'close']);
  });

  it('unmounted mid-flow, removes its element and ends the flow silently', async () => {
    const page = setup();
    await page.ready();
    page.hook().open();
    const flow = await fiskil.nextFlow();
    page.unmount();
    expect(elementsOnPage()).to.have.length(0);
    expect(flow.ended).to.equal(true);
    expect(() => flow.complete()).to.throw(/ended/);
    expect(page.log).to.deep.equal([]);
  });

  it('under StrictMode, keeps one element and reports one outcome per flow', async () => {
    const page = setup({}, { strict: true });
    await page.ready();
    expect(elementsOnPage()).to.have.length(1);
    page.hook().open();
    const flow = await fiskil.nextFlow();
    expect(fiskil.flows.filter((f) => !f.ended)).to.deep.equal([flow]);
    flow.complete({ consentID: 'con_strict' });
    expect(page.log).to.deep.equal(['consent con_strict', 'close']);
  });

  it('calls the callbacks of the latest render, without remounting anything', async () => {
    const page = setup({ onConsent: () => page.log.push('first') });
    await page.ready();
    const [element] = elementsOnPage();
    page.rerender({ onConsent: (detail) => page.log.push(`second ${detail.consentID}`) });
    page.hook().open();
    const flow = await fiskil.nextFlow();
    flow.complete({ consentID: 'con_3' });
    expect(page.log).to.deep.equal(['second con_3', 'close']);
    expect(elementsOnPage()).to.deep.equal([element]);
    expect(fiskil.flows).to.have.length(1);
  });

  it('keeps open and cancel the same functions across renders (safe in effect dependencies)', async () => {
    const page = setup();
    const { open, cancel } = page.hook();
    page.rerender({ sessionId: 'ses_4' });
    expect(page.hook().open).to.equal(open);
    expect(page.hook().cancel).to.equal(cancel);
  });

  it('opens from an effect that runs as the session id arrives', async () => {
    const log: string[] = [];
    function OpensItself({ sessionId }: { sessionId: string | null }) {
      const { open } = useFiskilLink({ sessionId, onConsent: (d) => log.push(d.consentID) });
      useEffect(() => {
        if (sessionId) open();
      }, [sessionId, open]);
      return null;
    }
    const root = mount(<OpensItself sessionId={null} />);
    root.render(<OpensItself sessionId="ses_5" />);
    const flow = await fiskil.nextFlow();
    expect(flow.sessionId).to.equal('ses_5');
    flow.complete({ consentID: 'con_5' });
    expect(log).to.deep.equal(['con_5']);
    expect(fiskil.flows).to.have.length(1);
  });
});
