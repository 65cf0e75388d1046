// @ts-check
// The sandbox's hosted consent flow: what Fiskil's page at auth.fiskil.com does, played
// locally. This element is the step controller: it holds the page's state, asks the
// sandbox to move on (api-client.js), shows one view per step (views/) and reports the
// outcome to the embedding page (messaging.js, docs/protocol.md).
import { LitElement, html, nothing } from 'lit';
import { call, sessionId } from './api-client.js';
import { monogram, textOn } from './format.js';
import { embedded, report } from './messaging.js';
import { styles } from './styles.js';
import { accountsView } from './views/accounts.js';
import { consentView } from './views/consent.js';
import { institutionsView } from './views/institutions.js';
import { loginView } from './views/login.js';
import { otpView } from './views/otp.js';
import { questionView } from './views/question.js';
import { statusView } from './views/status.js';
import { unavailableView } from './views/unavailable.js';

if (!embedded) document.body.classList.add('top-level');

/** The steps the progress bar counts; others sit at one of them or show none. */
const STEPS = ['institution', 'login', 'otp', 'accounts', 'consent'];
/** @type {Record<string, string>} */
const PROGRESS_AT = { question: 'login' };

/** @type {Record<string, (f: HostedFlow) => unknown>} */
const VIEWS = {
  institution: institutionsView,
  login: loginView,
  question: questionView,
  otp: otpView,
  accounts: accountsView,
  consent: consentView,
  unavailable: unavailableView,
};

export class HostedFlow extends LitElement {
  static properties = {
    step: { state: true },
    info: { state: true },
    institution: { state: true },
    filter: { state: true },
    search: { state: true },
    error: { state: true },
    busy: { state: true },
    otp: { state: true },
    question: { state: true },
    tries: { state: true },
    accounts: { state: true },
    selected: { state: true },
    dataTypes: { state: true },
    ending: { state: true },
  };

  static styles = styles;

  constructor() {
    super();
    /** @type {string} */
    this.step = 'loading';
    /** @type {any} the session as GET /hosted/api/sessions/{id} answers it */
    this.info = undefined;
    /** @type {any} */
    this.institution = undefined;
    this.filter = 'all';
    this.search = '';
    this.error = '';
    this.busy = false;
    /** @type {{ channel: string; destination: string } | undefined} */
    this.otp = undefined;
    /** @type {{ question: string } | undefined} */
    this.question = undefined;
    /** Retries at an unavailable institution. */
    this.tries = 0;
    /** @type {{ id: string; name: string; masked: string }[]} */
    this.accounts = [];
    /** @type {Set<string>} */
    this.selected = new Set();
    /** @type {string[]} */
    this.dataTypes = [];
    this.ending = '';
  }

  get appName() {
    return this.info?.app?.name ?? 'This app';
  }

  connectedCallback() {
    super.connectedCallback();
    this.#load();
  }

  async #load() {
    if (!sessionId)
      return this.#invalid(
        'This page needs a session: open it with ?sess_id=… from POST /v1/auth/session.',
        {
          isCompleted: false,
          error: 'LINK_INVALID_SESSION',
          errorType: 'LINK_INVALID_SESSION',
          errorDescription: 'Invalid/terminal session (missing)',
        },
      );
    try {
      const { status, data } = await call('');
      if (status !== 200) return this.#invalid(data.message, data.outcome);
      this.info = data;
      const brand = data.app?.brand_color;
      if (brand) {
        this.style.setProperty('--accent', brand);
        this.style.setProperty('--accent-text', textOn(brand));
      }
      this.institution = data.institution ?? undefined;
      this.step = data.step;
    } catch {
      this.step = 'offline';
    }
  }

  /** @param {string} message @param {object} outcome */
  #invalid(message, outcome) {
    this.ending = message;
    this.step = 'invalid';
    report(outcome);
  }

  /**
   * Sends one action to the sandbox; resolves with its answer, or undefined when the
   * flow ended or the answer was an error (then shown inline).
   * @param {string} action @param {object} [body]
   */
  async act(action, body = {}) {
    if (this.busy) return undefined;
    this.busy = true;
    this.error = '';
    try {
      const { status, data } = await call(`/${action}`, body);
      if (data.outcome) {
        this.#end(data.outcome, action);
        return undefined;
      }
      if (status === 410) return this.#invalid(data.message, data.outcome);
      if (status !== 200 || data.error) {
        this.error = data.message;
        return undefined;
      }
      return data;
    } catch {
      this.error = 'The connection to Fiskil was lost. Check your network and try again.';
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  /** @param {any} outcome @param {string} action */
  #end(outcome, action) {
    if (outcome.consentID) {
      this.step = 'complete';
    } else {
      this.step = 'ended';
      this.ending =
        action === 'cancel'
          ? 'You cancelled. No data has been shared.'
          : 'We couldn’t finish connecting your account. No data has been shared.';
    }
    report(outcome);
  }

  /** Moves to the step an answer names, with what that step shows. @param {any} data */
  #goto(data) {
    if (data.institution) this.institution = data.institution;
    if (data.step === 'otp') this.otp = data;
    if (data.step === 'question') this.question = data;
    this.step = data.step;
  }

  /** @param {any} inst */
  async choose(inst) {
    const data = await this.act('institution', { institution_id: inst.id });
    if (!data) return;
    this.tries = 0;
    this.#goto(data);
  }

  async back() {
    const data = await this.act('back');
    if (data) this.#goto(data);
  }

  async retry() {
    const data = await this.act('retry');
    if (!data) return;
    this.tries = data.tries;
    this.#goto(data);
  }

  /** @param {SubmitEvent} e */
  async login(e) {
    e.preventDefault();
    const form = new FormData(/** @type {HTMLFormElement} */ (e.target));
    const data = await this.act('login', {
      username: form.get('username'),
      password: form.get('password'),
    });
    if (data) this.#goto(data);
  }

  /** @param {SubmitEvent} e */
  async answer(e) {
    e.preventDefault();
    const input = /** @type {HTMLInputElement} */ (
      /** @type {HTMLFormElement} */ (e.target).elements.namedItem('answer')
    );
    const data = await this.act('question', { answer: input.value });
    if (data) this.#goto(data);
    else input.select();
  }

  /** The server records the channel and says where the code went. @param {string} channel */
  async sendCodeBy(channel) {
    const data = await this.act('channel', { channel });
    if (data) this.otp = data;
  }

  /** @param {SubmitEvent} e */
  async verify(e) {
    e.preventDefault();
    const input = /** @type {HTMLInputElement} */ (
      /** @type {HTMLFormElement} */ (e.target).elements.namedItem('code')
    );
    const data = await this.act('otp', { code: input.value.trim() });
    if (!data) {
      input.select();
      return;
    }
    this.accounts = data.accounts;
    this.dataTypes = data.data_types;
    this.selected = new Set(data.accounts.map((/** @type {any} */ a) => a.id));
    this.step = 'accounts';
  }

  /** @param {Event} e @param {string} id */
  toggle(e, id) {
    const next = new Set(this.selected);
    if (/** @type {HTMLInputElement} */ (e.target).checked) next.add(id);
    else next.delete(id);
    this.selected = next;
  }

  errorView() {
    return this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing;
  }

  /** @param {Map<string, unknown>} changed */
  updated(changed) {
    // Move focus to each new step's heading, so keyboard and screen-reader users follow along.
    if (changed.has('step') && changed.get('step') !== undefined)
      this.renderRoot.querySelector('h1')?.focus();
  }

  render() {
    const app = this.info?.app;
    const index = STEPS.indexOf(PROGRESS_AT[this.step] ?? this.step);
    const view = VIEWS[this.step];
    return html`
      <main class="card" aria-busy=${this.busy ? 'true' : 'false'}>
        <header>
          <div class="brand">
            ${
              app
                ? html`${
                      app.logo_url
                        ? html`<img class="logo" src=${app.logo_url} alt="" />`
                        : html`<span class="logo mono" aria-hidden="true"
                            >${monogram(app.name)}</span
                          >`
                    } <span class="link" aria-hidden="true">⟷</span>`
                : nothing
            }
            <span class="logo fiskil" aria-hidden="true">F</span>
          </div>
          ${
            index >= 0
              ? html`<ol class="progress" aria-label="Progress">
                  ${STEPS.map(
                    (s, i) =>
                      html`<li
                        class=${i <= index ? 'on' : ''}
                        aria-current=${i === index ? 'step' : 'false'}
                      >
                        <span class="visually-hidden">Step ${i + 1} of ${STEPS.length}</span>
                      </li>`,
                  )}
                </ol>`
              : nothing
          }
        </header>
        <section class="body">${view ? view(this) : statusView(this, this.step)}</section>
        <footer>
          ${
            index >= 0 || this.step === 'silent'
              ? html`<button class="text" ?disabled=${this.busy} @click=${() => this.act('cancel')}>
                  Cancel
                </button>`
              : html`<span></span>`
          }
          <span class="secured"
            ><svg aria-hidden="true" width="12" height="12" viewBox="0 0 24 24" fill="currentColor">
              <path
                d="M6 10V7a6 6 0 1 1 12 0v3h1a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V11a1 1 0 0 1 1-1h1Zm2 0h8V7a4 4 0 1 0-8 0v3Z"
              /></svg
            >Secured by Fiskil · <strong>Sandbox</strong></span
          >
        </footer>
      </main>
    `;
  }
}

if (!customElements.get('fiskil-hosted-flow'))
  customElements.define('fiskil-hosted-flow', HostedFlow);
