import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { FiskilLink, LinkError } from '../src/index.js';
import { frameOf, hostedOrigin, hostedPost, hostedUrl, recordEvents } from './helpers.js';

// When the page itself stops the flow (docs/diagnostics.md): its CSP, an auth
// server that cannot be reached, and the timings every flow leaves.

// Chromium asks the auth server with a prefetch of the bare origin, then, only
// when that fails, with a HEAD; the other engines with the HEAD alone.
const prefetchFirst = /Chrome\//.test(navigator.userAgent);

let n = 0;
/** A session id of this test's own, so the request log can be searched for it. */
const session = () => `ses_diag_${Date.now()}_${++n}`;

const policyFrames: HTMLIFrameElement[] = [];
afterEach(() => policyFrames.splice(0).forEach((frame) => frame.remove()));

/**
 * An element in a same-origin page served with `headers` (a CSP, or a
 * report-only one), which loads the element itself; not yet started.
 */
async function elementUnderPolicy(headers: Record<string, string>, authServer = hostedUrl) {
  const frame = document.createElement('iframe');
  frame.src = `/__policy-page?${new URLSearchParams(headers)}`;
  policyFrames.push(frame);
  const loaded = oneEvent(frame, 'load');
  document.body.append(frame);
  await loaded;
  const page = frame.contentWindow!;
  await page.customElements.whenDefined('fiskil-link');
  const el = page.document.createElement('fiskil-link') as FiskilLink;
  el.authServer = authServer;
  page.document.body.append(el);
  return el;
}

/** A port on 127.0.0.1 that refuses connections: an auth server that cannot be reached. */
async function refusingServer(): Promise<string> {
  const port = await (await fetch('/__closed-port')).text();
  return `http://127.0.0.1:${port}/flow`;
}

const notice = (el: FiskilLink) =>
  el.shadowRoot!.querySelector('[part="loading"] span')?.textContent ?? null;
const frameVisibility = (el: FiskilLink) => getComputedStyle(frameOf(el)!).visibility;
const noticeButtons = (el: FiskilLink) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.card button')].map((b) => b.textContent);

describe('<fiskil-link> when the page stops the flow', () => {
  describe("the page's Content-Security-Policy", () => {
    for (const [policy, directive] of [
      ["frame-src 'self'", 'frame-src'],
      ["child-src 'self'", 'child-src'],
      ["default-src 'self'", 'default-src'],
    ]) {
      it(`blocks the iframe (${policy}): LINK_INVALID_CONFIG naming ${directive} and the origin, then link-close, no link-load`, async () => {
        const el = await elementUnderPolicy({ 'content-security-policy': policy! });
        const events = recordEvents(el);
        const error = oneEvent(el, 'link-error');
        const closed = oneEvent(el, 'link-close');
        el.sessionId = session();
        const detail = (await error).detail as LinkError;
        await closed;
        expect(detail.code).to.equal('LINK_INVALID_CONFIG');
        expect(detail.retryable).to.equal(false);
        expect(detail.message).to.equal(
          `The page's Content-Security-Policy (${directive}) does not allow ${hostedOrigin}: add it to ${directive}.`,
        );
        expect(events).to.deep.equal(['link-open', 'link-error', 'link-close']);
      });
    }

    it('a violation by anything else (an image from the auth origin, another frame) or a report-only policy changes nothing', async () => {
      const refused = new URL(await refusingServer()).origin;
      const el = await elementUnderPolicy({
        'content-security-policy': `frame-src 'self' ${hostedOrigin}; img-src 'none'`,
        'content-security-policy-report-only': "frame-src 'none'",
      });
      const page = el.ownerDocument;
      const violations: string[] = [];
      page.addEventListener('securitypolicyviolation', (e) =>
        violations.push(`${e.disposition} ${e.effectiveDirective} ${e.blockedURI}`),
      );
      const events = recordEvents(el);
      const loaded = oneEvent(el, 'link-load');
      el.sessionId = session();
      const image = page.createElement('img');
      image.src = `${hostedOrigin}/test/fixtures/nothing.png`;
      const other = page.createElement('iframe');
      other.src = `${refused}/elsewhere`;
      page.body.append(image, other);
      await loaded;
      await waitUntil(() => violations.some((v) => v.startsWith('enforce img-src')), 'no img-src');
      await waitUntil(() => violations.some((v) => v.includes(refused)), 'no other frame');
      expect(
        violations.some((v) => v.startsWith('report frame-src')),
        violations.join(),
      ).to.equal(true);
      expect(events).to.deep.equal(['link-open', 'link-load']);
      expect(notice(el)).to.equal(null);
      el.cancel();
    });
  });

  describe('an auth server that cannot be reached (connection refused)', () => {
    it('shows the unreachable notice with Try again and Close long before load-timeout, and no link-load', async () => {
      const el = await fixture<FiskilLink>(
        html`<fiskil-link
          auth-server=${await refusingServer()}
          load-timeout="600000"
        ></fiskil-link>`,
      );
      const events = recordEvents(el);
      el.sessionId = session();
      await waitUntil(() => noticeButtons(el).length === 2, 'no unreachable notice', {
        timeout: 8000,
      });
      expect(notice(el)).to.equal('The secure connection could not be reached.');
      expect(noticeButtons(el)).to.deep.equal(['Try again', 'Close']);
      expect(events).to.deep.equal(['link-open']);
      // The engine's error page neither shows through the notice nor takes focus.
      expect(frameVisibility(el)).to.equal('hidden');

      // Try again: a new frame, checked again, shown while it loads.
      const first = frameOf(el);
      el.shadowRoot!.querySelector<HTMLButtonElement>('.card button')!.click();
      await el.updateComplete;
      expect(frameOf(el)).not.to.equal(first);
      expect(notice(el)).to.equal('Loading secure connection…');
      expect(frameVisibility(el)).to.equal('visible');
      await waitUntil(() => noticeButtons(el).length === 2, 'no notice after Try again', {
        timeout: 8000,
      });
      expect(notice(el)).to.equal('The secure connection could not be reached.');
      expect(frameVisibility(el)).to.equal('hidden');

      const error = oneEvent(el, 'link-error');
      el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.card button')[1]!.click();
      expect(((await error).detail as LinkError).code).to.equal('LINK_USER_CANCELLED');
      expect(events).to.deep.equal(['link-open', 'link-error', 'link-close']);
    });

    it('speaks the page’s words (strings.unreachable), and debug names the cause', async () => {
      const server = await refusingServer();
      const lines: string[] = [];
      const warn = console.warn;
      console.warn = (line: string) => lines.push(line);
      try {
        const el = await fixture<FiskilLink>(
          html`<fiskil-link
            debug
            auth-server=${server}
            .strings=${{ unreachable: 'Keine Verbindung.' }}
          ></fiskil-link>`,
        );
        el.sessionId = session();
        await waitUntil(() => noticeButtons(el).length === 2, 'no unreachable notice', {
          timeout: 8000,
        });
        expect(notice(el)).to.equal('Keine Verbindung.');
        el.cancel();
      } finally {
        console.warn = warn;
      }
      const origin = new URL(server).origin;
      expect(
        lines.some((line) => line.startsWith(`[fiskil-link] ${origin} could not be reached (`)),
      ).to.equal(true, lines.join('\n'));
      // This page is not cross-origin isolated: nothing said about it.
      expect(lines.some((line) => line.includes('cross-origin isolated'))).to.equal(false);
    });

    it('a strict connect-src that does not list the auth server is not taken for unreachable', async () => {
      const el = await elementUnderPolicy({ 'content-security-policy': "connect-src 'self'" });
      const page = el.ownerDocument;
      const blocked: string[] = [];
      page.addEventListener('securitypolicyviolation', (e) => blocked.push(e.effectiveDirective));
      const events = recordEvents(el);
      const loaded = oneEvent(el, 'link-load');
      el.sessionId = session();
      await loaded;
      // The HEAD was really refused by the policy, and the flow loaded all the
      // same; Chromium's prefetch is allowed wherever the frame is, so it
      // never sends the HEAD here.
      expect(blocked).to.deep.equal(prefetchFirst ? [] : ['connect-src']);
      expect(events).to.deep.equal(['link-open', 'link-load']);
      expect(notice(el)).to.equal(null);
      el.cancel();
    });

    it('asks once per page: once connect-src has blocked the check, later flows do not ask, so three flows in a row report one violation, and debug says once how to turn the check on', async () => {
      const el = await elementUnderPolicy({ 'content-security-policy': "connect-src 'self'" });
      el.debug = true;
      const page = el.ownerDocument;
      const blocked: string[] = [];
      page.addEventListener('securitypolicyviolation', (e) =>
        blocked.push(`${e.effectiveDirective} ${e.blockedURI}`),
      );
      const pageConsole = page.defaultView!.console;
      const info = pageConsole.info;
      const lines: string[] = [];
      pageConsole.info = (line: string) => lines.push(line);
      try {
        for (let flow = 1; flow <= 3; flow++) {
          // Each load waits for its own check (blocked, or not sent), so a
          // violation of this flow's check would be in by then.
          const loaded = oneEvent(el, 'link-load');
          el.sessionId = session();
          await loaded;
          expect(notice(el), `flow ${flow}`).to.equal(null);
          expect(blocked, `after flow ${flow}`).to.deep.equal(
            prefetchFirst ? [] : [`connect-src ${hostedOrigin}/`],
          );
        }
      } finally {
        pageConsole.info = info;
      }
      el.cancel();
      expect(lines).to.deep.equal(
        prefetchFirst
          ? []
          : [
              `[fiskil-link] The page's Content-Security-Policy (connect-src) does not allow ${hostedOrigin}: add it to connect-src to check that it can be reached`,
            ],
      );
    });
  });

  describe('a page with a correct CSP and a reachable server', () => {
    it('sends exactly one request with the session id (the iframe’s), checks the bare origin (Chromium: a prefetch, no HEAD; elsewhere a HEAD), and shows no notice', async () => {
      const el = await elementUnderPolicy({
        'content-security-policy': `default-src 'self'; connect-src 'self' ${hostedOrigin}; frame-src ${hostedOrigin}`,
      });
      const id = session();
      const loaded = oneEvent(el, 'link-load');
      el.sessionId = id;
      await loaded;
      expect(notice(el)).to.equal(null);
      const requests: { method: string; url: string }[] = await (
        await fetch('/__hosted-requests')
      ).json();
      const withId = requests.filter((r) => r.url.includes(id));
      expect(withId.map((r) => `${r.method} ${r.url}`)).to.deep.equal([
        `GET /test/fixtures/hosted.html?sess_id=${id}`,
      ]);
      await waitUntil(
        () => !el.shadowRoot!.querySelector('link'),
        'the prefetch stays in the shadow root',
      );
      const bare = (await (await fetch('/__hosted-requests')).json()) as typeof requests;
      const asked = (method: string) => bare.some((r) => r.method === method && r.url === '/');
      expect({ GET: asked('GET'), HEAD: asked('HEAD') }).to.deep.equal(
        prefetchFirst ? { GET: true, HEAD: false } : { GET: false, HEAD: true },
      );
      el.cancel();
    });

    it('a bare origin that answers with an error status is reachable all the same (Chromium: its prefetch fails, and the HEAD is answered)', async () => {
      await fetch('/__bare-origin-status?status=404');
      try {
        const el = await fixture<FiskilLink>(
          html`<fiskil-link auth-server=${hostedUrl} load-timeout="600000"></fiskil-link>`,
        );
        const realFetch = window.fetch;
        const heads: Promise<number>[] = [];
        window.fetch = (input, init) => {
          const answer = realFetch(input, init);
          if (init?.method === 'HEAD') heads.push(answer.then((r) => r.status));
          return answer;
        };
        try {
          const events = recordEvents(el);
          const loaded = oneEvent(el, 'link-load');
          el.sessionId = session();
          await loaded;
          await waitUntil(() => heads.length > 0, 'the HEAD was not sent');
          // The answer is opaque (status 0), and an answer is all the check asks for.
          expect(await Promise.all(heads)).to.deep.equal([0]);
          expect(events).to.deep.equal(['link-open', 'link-load']);
          expect(notice(el)).to.equal(null);
          el.cancel();
        } finally {
          window.fetch = realFetch;
        }
      } finally {
        await fetch('/__bare-origin-status');
      }
    });

    it('asks the server only once its frame is on the page, never ahead of the frame’s own request', async () => {
      const el = await fixture<FiskilLink>(
        html`<fiskil-link auth-server=${hostedUrl}></fiskil-link>`,
      );
      const realFetch = window.fetch;
      const asks: string[] = [];
      const ask = (how: string) =>
        asks.push(`${how}, frame on the page: ${frameOf(el)?.isConnected}`);
      window.fetch = (input, init) => {
        if (init?.method === 'HEAD') ask('HEAD');
        return realFetch(input, init);
      };
      const root = el.shadowRoot!;
      root.appendChild = <T extends Node>(node: T): T => {
        if (node instanceof HTMLLinkElement) ask(node.rel);
        return ShadowRoot.prototype.appendChild.call(root, node) as T;
      };
      try {
        const loaded = oneEvent(el, 'link-load');
        el.sessionId = session();
        await loaded;
        await waitUntil(() => asks.length > 0, 'the server was not asked');
      } finally {
        window.fetch = realFetch;
      }
      expect(asks).to.deep.equal([
        `${prefetchFirst ? 'prefetch' : 'HEAD'}, frame on the page: true`,
      ]);
      el.cancel();
    });
  });

  describe('timings in the performance timeline', () => {
    beforeEach(() => {
      performance.clearMarks();
      performance.clearMeasures();
    });

    const ours = (type: 'mark' | 'measure') =>
      performance
        .getEntriesByType(type)
        .filter((e) => e.name.startsWith('fiskil-link')) as PerformanceMark[];

    it('a flow leaves open, load and end marks and one measure on the fiskil-link track; no id in them', async () => {
      const el = await fixture<FiskilLink>(
        html`<fiskil-link auth-server=${hostedUrl}></fiskil-link>`,
      );
      const id = session();
      const loaded = oneEvent(el, 'link-load');
      el.sessionId = id;
      await loaded;
      const consent = oneEvent(el, 'consent');
      hostedPost(el, { isCompleted: true, consentID: 'con_timing_1' });
      await consent;
      const marks = ours('mark');
      expect(marks.map((m) => m.name).sort()).to.deep.equal([
        'fiskil-link:end',
        'fiskil-link:load',
        'fiskil-link:open',
      ]);
      const [open, load, end] = ['open', 'load', 'end'].map((what) =>
        marks.find((m) => m.name === `fiskil-link:${what}`)!,
      );
      expect(open!.startTime).to.be.at.most(load!.startTime);
      expect(load!.startTime).to.be.at.most(end!.startTime);
      expect(end!.detail.outcome).to.equal('consent');
      const [measure, ...more] = ours('measure');
      expect(more).to.have.length(0);
      expect(measure!.name).to.equal('fiskil-link');
      expect(measure!.startTime).to.equal(open!.startTime);
      expect(measure!.startTime + measure!.duration).to.equal(end!.startTime);
      expect(measure!.detail).to.deep.equal({
        outcome: 'consent',
        devtools: { dataType: 'track-entry', track: 'fiskil-link' },
      });
      const text = JSON.stringify([...marks, measure].map((e) => e!.toJSON()));
      expect(text).not.to.contain(id);
      expect(text).not.to.contain('con_timing_1');
    });

    it('the end mark holds the error code; a preloaded flow’s load comes before its open', async () => {
      const el = await fixture<FiskilLink>(
        html`<fiskil-link preload auth-server=${hostedUrl}></fiskil-link>`,
      );
      const loaded = oneEvent(el, 'link-load');
      el.sessionId = session();
      await loaded;
      const opened = oneEvent(el, 'link-open');
      el.open();
      await opened;
      el.cancel();
      // Sorted by time, which a coarse clock (WebKit's) may give both marks alike.
      const marks = Object.fromEntries(ours('mark').map((m) => [m.name.split(':')[1], m]));
      expect(Object.keys(marks).sort()).to.deep.equal(['end', 'load', 'open']);
      expect(marks.load!.startTime).to.be.at.most(marks.open!.startTime);
      expect(marks.end!.detail.outcome).to.equal('LINK_USER_CANCELLED');
      expect(ours('measure').map((m) => m.detail.outcome)).to.deep.equal(['LINK_USER_CANCELLED']);
    });
  });
});
