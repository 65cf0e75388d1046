// `fiskil-link/testing/playwright`: end-to-end tests of an app that keeps its
// production configuration. Playwright's own request routing serves the
// offline sandbox's hosted flow in place of the auth server, and the handle
// drives that page by its accessible names (sandbox/README.md, "Test
// credentials and outcomes"). Nothing is imported from Playwright at run time:
// the page or context given is the test's own.
import type { BrowserContext, FrameLocator, Page, Request, Route } from 'playwright-core';

/** Options of {@link routeFiskilLink}. */
export interface RouteFiskilLinkOptions {
  /** The sandbox's base URL, as `createSandbox().listen()` resolves it (`http://127.0.0.1:4010`). */
  sandbox: string;
  /** The auth server the app's pages use (default `https://auth.fiskil.com`). */
  authServer?: string;
}

/** Options of {@link FiskilLinkRoute.completeConsent}. */
export interface CompleteConsentOptions {
  /** The institution's button (default `Sandbox Bank`); skipped when the session names one. */
  institution?: string;
  /** A test username (default `user_good`; sandbox/README.md lists them). */
  username?: string;
  /** The accounts to share, by the start of their names (default: every account). */
  accounts?: string[];
}

/** A `link-error` the app's page received: its `detail`'s fields. */
export interface FlowError {
  code: string;
  message: string;
  displayMessage: string;
  retryable: boolean;
  details?: Record<string, string | undefined>;
}

/** What {@link routeFiskilLink} returns. */
export interface FiskilLinkRoute {
  /** Logs in and shares data; resolves with the `consentID` of the page's `consent` event. */
  completeConsent(options?: CompleteConsentOptions): Promise<string>;
  /** Denies consent on the consent screen: `CONSENT_ENDUSER_DENIED`. */
  deny(): Promise<FlowError>;
  /** Presses the hosted page's Cancel: `AUTH_SESSION_CANCELLED`. */
  cancel(): Promise<FlowError>;
  /** Enters a wrong one-time code until the page gives up: `CONSENT_OTP_FAILURE`. */
  failOtp(): Promise<FlowError>;
  /** The hosted page shown now, for steps of one's own. */
  frame(): FrameLocator;
  /** Stops serving the sandbox in place of the auth server. */
  unroute(): Promise<void>;
}

type Outcome =
  | { type: 'consent'; consentID: string }
  | { type: 'link-error'; error: FlowError }
  | { type: 'gone' };

const WRONG_OTP = '000000';
let watchers = 0;

/**
 * Serves the sandbox at `sandbox` in place of `authServer` for `target` (a
 * page, or every page of a context), and returns a handle on the hosted flow.
 */
export async function routeFiskilLink(
  target: Page | BrowserContext,
  { sandbox, authServer = 'https://auth.fiskil.com' }: RouteFiskilLinkOptions,
): Promise<FiskilLinkRoute> {
  const auth = new URL(authServer).origin;
  const box = new URL(sandbox).origin;
  const matches = (url: URL) => url.origin === auth;
  const handler = async (route: Route) => {
    const request = route.request();
    const from = new URL(request.url());
    const response = await route.fetch({
      url: new URL(from.pathname + from.search, box).href,
      headers: sandboxHeaders(request, auth, box),
      maxRedirects: 0,
    });
    await route.fulfill({ response });
  };
  await target.route(matches, handler);

  const page = (): Page => {
    if (!('pages' in target)) return target;
    const open = target.pages().filter((p) => !p.isClosed());
    const last = open[open.length - 1];
    if (!last) throw new Error('routeFiskilLink: the context has no open page');
    return last;
  };
  const frame = () =>
    page().locator(`iframe[part="frame"][src^="${auth}/"]:visible`).last().contentFrame();

  /** Runs `steps` on the hosted page and resolves with what the app's page then received. */
  const finish = async (steps: (flow: FrameLocator) => Promise<void>): Promise<Outcome> => {
    const outcome = await watchOutcome(page());
    await steps(frame());
    return outcome();
  };
  const failure = async (what: string, steps: (flow: FrameLocator) => Promise<void>) => {
    const outcome = await finish(steps);
    if (outcome.type !== 'link-error') throw unexpected(what, outcome);
    return outcome.error;
  };

  return {
    async completeConsent({ institution, username, accounts } = {}) {
      const outcome = await finish(async (flow) => {
        await toConsentScreen(flow, { institution, username, accounts });
        await flow.getByRole('button', { name: 'Share data' }).click();
      });
      if (outcome.type !== 'consent') throw unexpected('completeConsent()', outcome);
      return outcome.consentID;
    },
    deny: () =>
      failure('deny()', async (flow) => {
        await toConsentScreen(flow, {});
        await flow.getByRole('button', { name: 'Deny' }).click();
      }),
    cancel: () =>
      failure('cancel()', (flow) => flow.getByRole('button', { name: 'Cancel' }).click()),
    failOtp: () =>
      failure('failOtp()', async (flow) => {
        await toOtp(flow, {});
        await enterWrongCodes(flow);
      }),
    frame,
    unroute: () => target.unroute(matches, handler),
  };
}

/**
 * The request as the sandbox must see it to take it for its own page's: the
 * hosted page's `Origin` becomes the sandbox's, and `Sec-Fetch-Site` (which
 * Playwright does not hand on) is set from the document that made the request,
 * so that another site's request is still refused.
 */
function sandboxHeaders(request: Request, auth: string, box: string): Record<string, string> {
  const headers = { ...request.headers() };
  if (headers.origin === auth) headers.origin = box;
  if (!request.isNavigationRequest()) {
    let from = '';
    try {
      from = new URL(request.frame().url()).origin;
    } catch {
      // a worker's request: no document, so not the hosted page's own
    }
    headers['sec-fetch-site'] = from === auth ? 'same-origin' : 'cross-site';
  }
  return headers;
}

/** Listens, in the app's page, for the flow's outcome; returns how to read it. */
async function watchOutcome(page: Page): Promise<() => Promise<Outcome>> {
  const key = `__fiskilLinkOutcome${++watchers}`;
  await page.evaluate((key) => {
    const store = window as unknown as Record<string, Promise<unknown>>;
    store[key] = new Promise((resolve) => {
      const done = (event: Event) => {
        window.removeEventListener('consent', done, true);
        window.removeEventListener('link-error', done, true);
        const detail = (event as CustomEvent).detail;
        resolve(
          event.type === 'consent'
            ? { type: 'consent', consentID: detail.consentID }
            : {
                type: 'link-error',
                error: {
                  code: detail.code,
                  message: detail.message,
                  displayMessage: detail.displayMessage,
                  retryable: detail.retryable,
                  details: detail.details,
                },
              },
        );
      };
      window.addEventListener('consent', done, true);
      window.addEventListener('link-error', done, true);
    });
  }, key);
  return async () => {
    try {
      return (await page.evaluate(
        (key) => (window as unknown as Record<string, Promise<unknown>>)[key],
        key,
      )) as Outcome;
    } catch {
      // The app's page navigated away on the outcome: it was received, not readable here.
      return { type: 'gone' };
    }
  };
}

function unexpected(what: string, outcome: Outcome): Error {
  const got =
    outcome.type === 'consent'
      ? `consent ${outcome.consentID}`
      : outcome.type === 'link-error'
        ? `link-error ${outcome.error.code}: ${outcome.error.message}`
        : 'no outcome the page could still report (it navigated away)';
  return new Error(`routeFiskilLink: ${what} ended with ${got}`);
}

/** From choosing the institution to the one-time code screen. */
async function toOtp(flow: FrameLocator, { institution, username }: CompleteConsentOptions) {
  const name = institution ?? 'Sandbox Bank';
  const bank = flow.getByRole('button', { name });
  const login = flow.getByLabel('Username');
  await bank.or(login).first().waitFor();
  if (await bank.isVisible()) await bank.click();
  await login.fill(username ?? 'user_good');
  await flow.getByLabel('Password').fill('pass_good');
  await flow.getByRole('button', { name: 'Log in' }).click();
  await flow.getByLabel('One-time code').waitFor();
}

/** To "Confirm what you share", with the accounts asked for. */
async function toConsentScreen(flow: FrameLocator, options: CompleteConsentOptions) {
  await toOtp(flow, options);
  await flow.getByLabel('One-time code').fill('123456');
  await flow.getByRole('button', { name: 'Verify' }).click();
  await flow.getByRole('heading', { name: 'Select accounts to share' }).waitFor();
  if (options.accounts) {
    for (const box of await flow.getByRole('checkbox').all()) {
      const label = (await box.evaluate((input) => input.closest('label')?.textContent)) ?? '';
      const wanted = options.accounts.some((account) => label.trim().startsWith(account));
      await box.setChecked(wanted);
    }
  }
  await flow.getByRole('button', { name: 'Continue' }).click();
  await flow.getByRole('heading', { name: 'Confirm what you share' }).waitFor();
}

/** Wrong codes, each answered by "N attempts left", until the last one ends the flow. */
async function enterWrongCodes(flow: FrameLocator) {
  let left = Infinity;
  while (left > 1) {
    await flow.getByLabel('One-time code').fill(WRONG_OTP);
    await flow.getByRole('button', { name: 'Verify' }).click();
    const alert = flow
      .getByRole('alert')
      .filter({ hasText: left === Infinity ? /attempts? left/ : `${left - 1} attempt` });
    left = Number(/(\d+) attempts? left/.exec((await alert.textContent()) ?? '')?.[1] ?? 1);
  }
  await flow.getByLabel('One-time code').fill(WRONG_OTP);
  await flow.getByRole('button', { name: 'Verify' }).click();
}
