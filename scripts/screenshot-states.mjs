// @ts-check
// The pictures of what <fiskil-link> draws (docs/states.md): one row per
// picture, each naming its file under docs/states/, the window it is taken
// in, and how the demo page reaches that state. `npm run screenshots`
// (scripts/screenshots.mjs) takes them; test/node/doc-pictures.test.js checks
// that docs/states.md shows each row's picture and that no other is left there.
//
// A new state is one row: a file name, a view, and the steps on `s` (the
// Steps type below) that reach it, for example
//   { file: 'confirm-close-desktop', view: DESKTOP, reach: (s) => s.openFlow({ confirmClose: true }).then(s.pressClose).then(() => s.shows('Leave without connecting?')) },
import { toConsentScreen } from '../e2e/sandbox-journey.js';

/**
 * What a row's `reach` is given: the demo page with `<fiskil-link>`, and the
 * steps that bring it to a state (scripts/screenshots.mjs).
 * @typedef {{
 *   page: import('playwright-core').Page;
 *   flow: import('playwright-core').FrameLocator;
 *   openFlow: (props?: Record<string, unknown>) => Promise<void>;
 *   connect: (props?: Record<string, unknown>) => Promise<void>;
 *   holdHostedPage: () => Promise<void>;
 *   refuseAuthServer: () => Promise<void>;
 *   openSession: (sessionId: string) => Promise<void>;
 *   openBridgePage: () => Promise<void>;
 *   pressClose: () => Promise<void>;
 *   shows: (text: string | RegExp) => Promise<void>;
 *   outcome: (text: string | RegExp) => Promise<void>;
 * }} Steps
 */

/**
 * The window a picture is taken in: its size, colour scheme, and the
 * element's writing direction (`dir` on `<fiskil-link>`, its `lang` Arabic).
 * Device pixel ratio 1 keeps the files small.
 * @typedef {{ width: number; height: number; mobile?: boolean; colorScheme?: 'light' | 'dark'; dir?: 'rtl' }} View
 */

/** @type {View} */
export const DESKTOP = { width: 1280, height: 800 };
/** @type {View} */
export const PHONE = { width: 390, height: 844, mobile: true };
/** @param {View} view @returns {View} */
const dark = (view) => ({ ...view, colorScheme: 'dark' });
/** @param {View} view @returns {View} */
const rtl = (view) => ({ ...view, dir: 'rtl' });

/**
 * The element's own words in Arabic, for the right-to-left pictures
 * (`strings`, docs/reference.md); the hosted page has its own.
 */
export const ARABIC = {
  dialogLabel: 'اربط حسابك',
  frameTitle: 'Fiskil: اربط حسابك',
  close: 'إغلاق',
  loading: 'جارٍ تحميل الاتصال الآمن…',
  offline: 'أنت غير متصل بالإنترنت. في انتظار الاتصال…',
  stalled: 'يستغرق الاتصال الآمن وقتًا طويلاً.',
  unreachable: 'تعذّر الوصول إلى الاتصال الآمن.',
  retry: 'حاول مجددًا',
  leavePrompt: 'هل تغادر دون إتمام الربط؟',
  keepGoing: 'متابعة',
  leave: 'مغادرة',
};

// How long the stalled pictures let the hosted page take before the notice (`load-timeout`).
const LOAD_TIMEOUT = 1500;

/** @param {Steps} s */
async function loading(s, props = {}) {
  await s.holdHostedPage();
  await s.connect(props);
  await s.shows(/** @type {string} */ (props.strings ? ARABIC.loading : 'Loading secure'));
}

/** @param {Steps} s */
async function stalled(s, props = {}) {
  await s.holdHostedPage();
  await s.connect({ loadTimeout: LOAD_TIMEOUT, ...props });
  await s.shows(/** @type {string} */ (props.strings ? ARABIC.stalled : 'taking too long'));
}

/** @param {Steps} s */
async function unreachable(s) {
  await s.refuseAuthServer();
  await s.connect();
  await s.shows('could not be reached');
}

/** The mobile bridge page's flow, held before the hosted page arrives. @param {Steps} s */
async function bridgeLoading(s) {
  await s.holdHostedPage();
  await s.openBridgePage();
  await s.shows('Loading secure');
}

/** @param {Steps} s */
async function bridgeUnreachable(s) {
  await s.refuseAuthServer();
  await s.openBridgePage();
  await s.shows('could not be reached');
}

/** @param {Steps} s */
async function invalidSession(s) {
  await s.openSession('sess_does_not_exist');
  await s.flow.getByRole('heading', { name: 'This link can’t be used' }).waitFor();
}

/** @param {Steps} s */
async function consent(s) {
  await s.openFlow();
  await toConsentScreen(s.flow);
  await s.flow.getByRole('button', { name: 'Share data' }).click();
  await s.outcome('Connected.');
  await s.page.getByRole('article').first().waitFor();
}

/** @param {Steps} s */
async function denied(s) {
  await s.openFlow();
  await toConsentScreen(s.flow);
  await s.flow.getByRole('button', { name: 'Deny' }).click();
  await s.outcome('CONSENT_ENDUSER_DENIED');
}

/** @param {Steps} s */
async function cancelled(s) {
  await s.openFlow();
  await s.pressClose();
  await s.outcome('LINK_USER_CANCELLED');
}

/** `confirm-close`'s question, after the close control. @param {Steps} s */
async function confirmClose(s, props = {}) {
  await s.openFlow({ confirmClose: true, ...props });
  await s.pressClose();
  await s.shows(/** @type {string} */ (props.strings ? ARABIC.leavePrompt : 'Leave without'));
}

/** @param {Steps} s */
const modal = (s) => s.openFlow();
/** @param {Steps} s */
const modalInArabic = (s) => s.openFlow({ strings: ARABIC });

/** @type {{ file: string; view: View; reach: (s: Steps) => Promise<unknown> }[]} */
export const STATES = [
  { file: 'modal-desktop', view: DESKTOP, reach: modal },
  { file: 'modal-phone', view: PHONE, reach: modal },
  { file: 'loading-desktop', view: DESKTOP, reach: loading },
  { file: 'loading-phone', view: PHONE, reach: loading },
  { file: 'stalled-desktop', view: DESKTOP, reach: stalled },
  { file: 'stalled-phone', view: PHONE, reach: stalled },
  { file: 'unreachable-desktop', view: DESKTOP, reach: unreachable },
  { file: 'unreachable-phone', view: PHONE, reach: unreachable },
  { file: 'invalid-session-desktop', view: DESKTOP, reach: invalidSession },
  { file: 'invalid-session-phone', view: PHONE, reach: invalidSession },
  { file: 'consent-desktop', view: DESKTOP, reach: consent },
  { file: 'denied-desktop', view: DESKTOP, reach: denied },
  { file: 'confirm-close-desktop', view: DESKTOP, reach: confirmClose },
  { file: 'confirm-close-phone', view: PHONE, reach: confirmClose },
  {
    file: 'confirm-close-phone-rtl',
    view: rtl(PHONE),
    reach: (s) => confirmClose(s, { strings: ARABIC }),
  },
  { file: 'cancelled-desktop', view: DESKTOP, reach: cancelled },
  { file: 'cancelled-phone', view: PHONE, reach: cancelled },
  { file: 'bridge-loading-phone', view: PHONE, reach: bridgeLoading },
  { file: 'bridge-loading-phone-dark', view: dark(PHONE), reach: bridgeLoading },
  { file: 'bridge-unreachable-phone-dark', view: dark(PHONE), reach: bridgeUnreachable },
  { file: 'modal-desktop-rtl', view: rtl(DESKTOP), reach: modalInArabic },
  { file: 'loading-phone-rtl', view: rtl(PHONE), reach: (s) => loading(s, { strings: ARABIC }) },
  {
    file: 'stalled-desktop-rtl',
    view: rtl(DESKTOP),
    reach: (s) => stalled(s, { strings: ARABIC }),
  },
  { file: 'stalled-phone-rtl', view: rtl(PHONE), reach: (s) => stalled(s, { strings: ARABIC }) },
];
