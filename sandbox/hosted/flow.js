// @ts-check
// The sandbox's hosted consent flow: what Fiskil's page at auth.fiskil.com does, played
// locally. It reports its outcome to the embedding page with postMessage (PROTOCOL.md).
import { LitElement, css, html, nothing } from 'lit';

const sessionId = new URLSearchParams(location.search).get('sess_id') ?? '';
const config = JSON.parse(document.getElementById('sandbox-config')?.textContent ?? '{}');
const embedded = window.parent !== window;
if (!embedded) document.body.classList.add('top-level');

/**
 * The origin of the page that embeds us, which is the only one we post to.
 * Chromium and WebKit expose it as `location.ancestorOrigins`; elsewhere the
 * referrer (at least an origin under the default referrer policy) stands in.
 * When the sandbox is configured with app origins (`--app-origin`), only those count.
 * @returns {string | undefined}
 */
function parentOrigin() {
  /** @type {string[]} */
  const allowed = config.app_origins ?? [];
  let candidate = location.ancestorOrigins?.[0];
  if (!candidate && document.referrer) {
    try {
      candidate = new URL(document.referrer).origin;
    } catch {
      candidate = undefined;
    }
  }
  if (candidate === 'null') candidate = undefined;
  if (allowed.length === 0) return candidate;
  if (candidate) return allowed.includes(candidate) ? candidate : undefined;
  return allowed.length === 1 ? allowed[0] : undefined;
}

let reported = false;
/** Posts the flow's one outcome to the embedding page. @param {object} message */
function report(message) {
  if (reported || !embedded) return;
  reported = true;
  const origin = parentOrigin();
  if (!origin) {
    console.error(
      'fiskil sandbox: cannot tell the embedding page’s origin; not reporting',
      message,
    );
    return;
  }
  window.parent.postMessage(message, origin);
}

/** @param {string} path @param {object} [body] */
async function call(path, body) {
  const res = await fetch(`/hosted/api/sessions/${encodeURIComponent(sessionId)}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, data: await res.json() };
}

const monogram = (/** @type {string} */ name) =>
  name
    .split(/\s+/)
    .map((w) => w[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();

/** @type {Record<string, { label: string; sentTo: (phone?: string) => string }>} */
const OTP_CHANNELS = {
  sms: { label: 'SMS', sentTo: (phone) => `by SMS to ${phone ?? 'your phone'}` },
  email: { label: 'Email', sentTo: () => 'by email to the address it has on file' },
  app: { label: 'Authenticator app', sentTo: () => 'to your authenticator app' },
};

const STEPS = ['institution', 'login', 'otp', 'accounts', 'consent'];

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
    channel: { state: true },
    accounts: { state: true },
    selected: { state: true },
    dataTypes: { state: true },
    ending: { state: true },
  };

  constructor() {
    super();
    /** @type {string} */
    this.step = 'loading';
    /** @type {any} */
    this.info = undefined;
    /** @type {any} */
    this.institution = undefined;
    this.filter = 'all';
    this.search = '';
    this.error = '';
    this.busy = false;
    /** @type {any} */
    this.otp = undefined;
    /** How the one-time code is sent; the sandbox accepts 123456 whichever is chosen. */
    this.channel = 'sms';
    /** @type {{ id: string; name: string; masked: string }[]} */
    this.accounts = [];
    /** @type {Set<string>} */
    this.selected = new Set();
    /** @type {string[]} */
    this.dataTypes = [];
    this.ending = '';
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

  /** Sends one step to the sandbox and moves on by its answer. @param {string} action @param {object} [body] */
  async #act(action, body = {}) {
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

  /** @param {any} inst */
  async #choose(inst) {
    const data = await this.#act('institution', { institution_id: inst.id });
    if (!data) return;
    this.institution = data.institution;
    this.step = data.step;
  }

  /** @param {SubmitEvent} e */
  async #login(e) {
    e.preventDefault();
    const form = new FormData(/** @type {HTMLFormElement} */ (e.target));
    const data = await this.#act('login', {
      username: form.get('username'),
      password: form.get('password'),
    });
    if (!data) return;
    this.otp = data;
    this.step = data.step;
  }

  /** @param {SubmitEvent} e */
  async #verify(e) {
    e.preventDefault();
    const input = /** @type {HTMLFormElement} */ (e.target).elements.namedItem('code');
    const code = /** @type {HTMLInputElement} */ (input).value.trim();
    const data = await this.#act('otp', { code });
    if (!data) {
      /** @type {HTMLInputElement} */ (input).select();
      return;
    }
    this.accounts = data.accounts;
    this.dataTypes = data.data_types;
    this.selected = new Set(data.accounts.map((/** @type {any} */ a) => a.id));
    this.step = 'accounts';
  }

  /** @param {Event} e @param {string} id */
  #toggle(e, id) {
    const next = new Set(this.selected);
    if (/** @type {HTMLInputElement} */ (e.target).checked) next.add(id);
    else next.delete(id);
    this.selected = next;
  }

  updated(/** @type {Map<string, unknown>} */ changed) {
    // Move focus to each new step's heading, so keyboard and screen-reader users follow along.
    if (changed.has('step') && changed.get('step') !== undefined)
      this.renderRoot.querySelector('h1')?.focus();
  }

  render() {
    const app = this.info?.app;
    const index = STEPS.indexOf(this.step);
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
        <section class="body">${this.#renderStep()}</section>
        <footer>
          ${
            index >= 0 || this.step === 'silent'
              ? html`<button
                  class="text"
                  ?disabled=${this.busy}
                  @click=${() => this.#act('cancel')}
                >
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

  #renderStep() {
    const app = this.info?.app?.name ?? 'This app';
    const inst = this.institution;
    const err = this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing;
    switch (this.step) {
      case 'loading':
        return html`<p class="center" role="status"><span class="spinner"></span> Loading…</p>`;
      case 'offline':
        return html`<h1 tabindex="-1">Can’t reach Fiskil</h1>
          <p>Check your connection and reload this page.</p>`;
      case 'institution':
        return this.#renderInstitutions(app);
      case 'login':
        return html`<h1 tabindex="-1">Log in to ${inst.name}</h1>
          <p class="lead">
            Use your ${inst.name} online ${inst.type === 'energy' ? 'account' : 'banking'} details.
            ${app} never sees them.
          </p>
          <form @submit=${this.#login}>
            <label for="username">Username</label>
            <input
              id="username"
              name="username"
              autocomplete="username"
              required
              autocapitalize="off"
              spellcheck="false"
            />
            <label for="password">Password</label>
            <input
              id="password"
              name="password"
              type="password"
              autocomplete="current-password"
              required
            />
            ${err}
            <p class="hint">Sandbox: <code>user_good</code> / <code>pass_good</code></p>
            <button class="primary" type="submit" ?disabled=${this.busy}>Log in</button>
            ${
              this.info?.institution
                ? nothing
                : html`<button
                    class="secondary"
                    type="button"
                    @click=${() => (this.step = 'institution')}
                  >
                    Back
                  </button>`
            }
          </form>`;
      case 'otp':
        return html`<h1 tabindex="-1">Enter your one-time code</h1>
          <p class="lead" aria-live="polite">
            ${inst.name} sent a 6-digit code
            ${OTP_CHANNELS[this.channel].sentTo(this.otp?.destination)}.
          </p>
          <form @submit=${this.#verify}>
            <fieldset class="channels">
              <legend>Send the code by</legend>
              ${Object.entries(OTP_CHANNELS).map(
                ([id, channel]) =>
                  html`<label class="channel">
                    <input
                      type="radio"
                      name="channel"
                      value=${id}
                      .checked=${this.channel === id}
                      @change=${() => (this.channel = id)}
                    />
                    ${channel.label}
                  </label>`,
              )}
            </fieldset>
            <label for="code">One-time code</label>
            <input
              id="code"
              name="code"
              inputmode="numeric"
              autocomplete="one-time-code"
              maxlength="6"
              required
              class="code"
            />
            ${err}
            <p class="hint">Sandbox: <code>123456</code></p>
            <button class="primary" type="submit" ?disabled=${this.busy}>Verify</button>
          </form>`;
      case 'accounts':
        return html`<h1 tabindex="-1">Select accounts to share</h1>
          <p class="lead">Choose which ${inst.name} accounts ${app} can see.</p>
          <fieldset>
            <legend class="visually-hidden">Accounts</legend>
            ${this.accounts.map(
              (a) =>
                html`<label class="account">
                  <input
                    type="checkbox"
                    .checked=${this.selected.has(a.id)}
                    @change=${(/** @type {Event} */ e) => this.#toggle(e, a.id)}
                  />
                  <span>${a.name}<small>${a.masked}</small></span>
                </label>`,
            )}
          </fieldset>
          ${this.selected.size === 0 ? html`<p class="hint" role="status">Select at least one account.</p>` : nothing}
          <button
            class="primary"
            ?disabled=${this.selected.size === 0}
            @click=${() => (this.step = 'consent')}
          >
            Continue
          </button>`;
      case 'consent':
        return this.#renderConsent(app);
      case 'unavailable':
        return html`<h1 tabindex="-1">${inst.name} is unavailable</h1>
          <p class="lead" role="alert">
            We can’t connect to ${inst.name} right now. Please try again later.
          </p>
          <button class="primary" ?disabled=${this.busy} @click=${() => this.#act('close')}>
            Close
          </button>`;
      case 'silent':
        return html`<h1 tabindex="-1">Waiting for ${inst.name}…</h1>
          <p class="center" role="status">
            <span class="spinner"></span> Still waiting for your institution
          </p>
          <p class="hint">
            Sandbox: <code>user_silent</code> never finishes, to exercise your timeout.
          </p>`;
      case 'complete':
        return html`<div class="center done" aria-hidden="true">✓</div>
          <h1 tabindex="-1" class="center">You’re connected</h1>
          <p class="lead center">
            ${inst.name} is now sharing your data with ${app}. You can return to ${app}.
          </p>`;
      case 'ended':
        return html`<h1 tabindex="-1">Connection not completed</h1>
          <p class="lead">${this.ending}</p>`;
      case 'invalid':
        return html`<h1 tabindex="-1">This link can’t be used</h1>
          <p class="lead" role="alert">${this.ending}</p>`;
      default:
        return nothing;
    }
  }

  /** @param {string} app */
  #renderInstitutions(app) {
    const q = this.search.trim().toLowerCase();
    /** @type {any[]} */
    const all = this.info.institutions;
    const types = new Set(all.map((i) => i.type));
    const shown = all.filter(
      (i) => (this.filter === 'all' || i.type === this.filter) && i.name.toLowerCase().includes(q),
    );
    return html`<h1 tabindex="-1">Select your institution</h1>
      <p class="lead">${app} uses Fiskil to connect your accounts securely.</p>
      ${
        types.size > 1
          ? html`<div class="tabs" role="group" aria-label="Institution type">
              ${[
                ['all', 'All'],
                ['banking', 'Banks'],
                ['energy', 'Energy'],
              ].map(
                ([value, label]) =>
                  html`<button
                    aria-pressed=${this.filter === value ? 'true' : 'false'}
                    @click=${() => (this.filter = value)}
                  >
                    ${label}
                  </button>`,
              )}
            </div>`
          : nothing
      }
      <label for="search" class="visually-hidden">Search institutions</label>
      <input
        id="search"
        type="search"
        placeholder="Search institutions"
        .value=${this.search}
        @input=${(/** @type {Event} */ e) => (this.search = /** @type {HTMLInputElement} */ (e.target).value)}
      />
      <ul class="institutions">
        ${shown.map(
          (i) =>
            html`<li>
              <button ?disabled=${this.busy} @click=${() => this.#choose(i)}>
                <span class="logo small" style="background:${i.logo}" aria-hidden="true"
                  >${monogram(i.name)}</span
                >
                <span class="name">${i.name}</span>
                <span class="type" aria-hidden="true"
                  >${i.type === 'energy' ? 'Energy' : 'Bank'}</span
                >
              </button>
            </li>`,
        )}
      </ul>
      ${shown.length === 0 ? html`<p class="hint" role="status">No institution matches “${this.search}”.</p>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}`;
  }

  /** @param {string} app */
  #renderConsent(app) {
    const days = this.info.consent_days;
    const until = new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-AU', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    const chosen = this.accounts.filter((a) => this.selected.has(a.id));
    return html`<h1 tabindex="-1">Confirm what you share</h1>
      <p class="lead">
        <strong>${app}</strong> is asking for access to your ${this.institution.name} data.
      </p>
      <dl class="terms">
        <dt>Data</dt>
        <dd>
          <ul>
            ${this.dataTypes.map((d) => html`<li>${d}</li>`)}
          </ul>
        </dd>
        <dt>Accounts</dt>
        <dd>${chosen.map((a) => a.name).join(', ')}</dd>
        <dt>How long</dt>
        <dd>
          ${days % 365 === 0 ? `${days / 365 === 1 ? '12 months' : `${days / 365} years`}` : `${days} days`},
          until ${until}
        </dd>
        <dt>Why</dt>
        <dd>${this.info.purpose}</dd>
      </dl>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <p class="hint">
        You can withdraw consent at any time in ${app} or with ${this.institution.name}.
      </p>
      <div class="row">
        <button class="secondary" ?disabled=${this.busy} @click=${() => this.#act('deny')}>
          Deny
        </button>
        <button
          class="primary"
          ?disabled=${this.busy}
          @click=${() => this.#act('confirm', { account_ids: [...this.selected] })}
        >
          Share data
        </button>
      </div>`;
  }

  static styles = css`
    :host {
      display: grid;
      place-items: center;
      min-height: 100vh;
      min-height: 100dvh;
      padding: 16px;
      box-sizing: border-box;
      color: #0f172a;
      --accent: #4338ca;
      --accent-hover: #3730a3;
      --muted: #64748b;
      --line: #e2e8f0;
    }
    * {
      box-sizing: border-box;
    }
    .card {
      width: min(440px, 100%);
      background: #fff;
      border-radius: 20px;
      box-shadow:
        0 24px 60px rgb(15 23 42 / 0.22),
        0 2px 6px rgb(15 23 42 / 0.08);
      display: flex;
      flex-direction: column;
      max-height: calc(100dvh - 32px);
      overflow: hidden;
    }
    header {
      padding: 20px 24px 0;
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 14px;
    }
    .brand {
      display: flex;
      align-items: center;
      gap: 10px;
      color: var(--muted);
    }
    .logo {
      width: 40px;
      height: 40px;
      border-radius: 12px;
      display: grid;
      place-items: center;
      font-weight: 700;
      color: #fff;
      object-fit: cover;
    }
    .mono {
      background: linear-gradient(135deg, #0ea5e9, #6366f1);
    }
    .fiskil {
      background: #0f172a;
    }
    .logo.small {
      width: 36px;
      height: 36px;
      border-radius: 10px;
      font-size: 13px;
      flex: none;
    }
    .progress {
      display: flex;
      gap: 6px;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .progress li {
      width: 28px;
      height: 4px;
      border-radius: 2px;
      background: var(--line);
    }
    .progress li.on {
      background: var(--accent);
    }
    .body {
      padding: 8px 24px 16px;
      overflow: auto;
    }
    h1 {
      font-size: 22px;
      line-height: 1.25;
      margin: 12px 0 6px;
      outline: none;
    }
    .lead {
      color: #334155;
      margin: 0 0 16px;
      line-height: 1.5;
    }
    .center {
      text-align: center;
      justify-content: center;
    }
    p.center {
      display: flex;
      align-items: center;
      gap: 10px;
    }
    label {
      display: block;
      font-weight: 600;
      font-size: 14px;
      margin: 12px 0 6px;
    }
    input:not([type='checkbox']) {
      width: 100%;
      font: inherit;
      padding: 11px 12px;
      border: 1px solid #cbd5e1;
      border-radius: 10px;
    }
    input:focus-visible,
    button:focus-visible {
      outline: 3px solid rgb(67 56 202 / 0.35);
      outline-offset: 1px;
      border-color: var(--accent);
    }
    input.code {
      letter-spacing: 0.4em;
      font-size: 20px;
      text-align: center;
    }
    button {
      font: inherit;
      cursor: pointer;
      border-radius: 10px;
    }
    button:disabled {
      cursor: default;
      opacity: 0.6;
    }
    .primary,
    .secondary {
      width: 100%;
      padding: 12px;
      font-weight: 600;
      margin-top: 14px;
      border: 1px solid transparent;
    }
    .primary {
      background: var(--accent);
      color: #fff;
    }
    .primary:hover:not(:disabled) {
      background: var(--accent-hover);
    }
    .secondary {
      background: #fff;
      color: #0f172a;
      border-color: #cbd5e1;
    }
    .secondary + .primary,
    .row .primary {
      margin-top: 0;
    }
    form .secondary {
      margin-top: 8px;
    }
    .row {
      display: flex;
      gap: 10px;
      margin-top: 14px;
    }
    .row button {
      margin: 0;
    }
    .text {
      background: none;
      border: none;
      color: var(--muted);
      padding: 6px 8px;
      font-weight: 600;
    }
    .text:hover {
      color: #0f172a;
    }
    .tabs {
      display: flex;
      gap: 6px;
      margin-bottom: 10px;
    }
    .tabs button {
      border: 1px solid var(--line);
      background: #fff;
      padding: 6px 12px;
      border-radius: 999px;
      font-size: 14px;
    }
    .tabs button[aria-pressed='true'] {
      background: #0f172a;
      color: #fff;
      border-color: #0f172a;
    }
    .institutions {
      list-style: none;
      padding: 0;
      margin: 12px 0 0;
      display: grid;
      gap: 8px;
    }
    .institutions button {
      width: 100%;
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 10px 12px;
      background: #fff;
      border: 1px solid var(--line);
      text-align: left;
    }
    .institutions button:hover:not(:disabled) {
      border-color: var(--accent);
      background: #f8fafc;
    }
    .name {
      flex: 1;
      font-weight: 600;
    }
    .type {
      font-size: 12px;
      /* #64748b (--muted) on this background is 4.3:1; small text needs 4.5:1. */
      color: #475569;
      background: #f1f5f9;
      border-radius: 999px;
      padding: 2px 8px;
    }
    fieldset.channels {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      margin: 0 0 12px;
    }
    fieldset.channels legend {
      font-weight: 600;
      margin-bottom: 6px;
    }
    label.channel {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      font-weight: 400;
    }
    fieldset {
      border: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    .account {
      display: flex;
      gap: 12px;
      align-items: center;
      margin: 0;
      padding: 12px;
      border: 1px solid var(--line);
      border-radius: 12px;
      font-weight: 600;
      cursor: pointer;
    }
    .account input {
      width: 18px;
      height: 18px;
      accent-color: var(--accent);
    }
    .account small {
      display: block;
      color: var(--muted);
      font-weight: 400;
    }
    .terms {
      margin: 0;
      border: 1px solid var(--line);
      border-radius: 12px;
      padding: 4px 14px;
    }
    .terms dt {
      font-size: 12px;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--muted);
      margin-top: 10px;
    }
    .terms dd {
      margin: 2px 0 10px;
      line-height: 1.45;
    }
    .terms ul {
      margin: 0;
      padding-left: 18px;
    }
    .hint {
      font-size: 13px;
      color: var(--muted);
    }
    code {
      /* --muted on this background is 4.3:1; small text needs 4.5:1. */
      color: #334155;
      background: #f1f5f9;
      border-radius: 4px;
      padding: 1px 5px;
    }
    .error {
      color: #b91c1c;
      background: #fef2f2;
      border: 1px solid #fecaca;
      border-radius: 10px;
      padding: 10px 12px;
      font-size: 14px;
    }
    .done {
      width: 64px;
      height: 64px;
      margin: 12px auto 0;
      border-radius: 50%;
      background: #dcfce7;
      color: #15803d;
      font-size: 34px;
      display: grid;
      place-items: center;
    }
    .secured svg {
      margin-right: 4px;
      vertical-align: -1px;
    }
    footer {
      display: flex;
      justify-content: space-between;
      align-items: center;
      border-top: 1px solid var(--line);
      padding: 10px 16px;
      font-size: 13px;
      color: var(--muted);
    }
    .spinner {
      width: 18px;
      height: 18px;
      border: 3px solid var(--line);
      border-top-color: var(--accent);
      border-radius: 50%;
      animation: spin 0.8s linear infinite;
      display: inline-block;
    }
    @keyframes spin {
      to {
        transform: rotate(1turn);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .spinner {
        animation: none;
      }
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `;
}

if (!customElements.get('fiskil-hosted-flow'))
  customElements.define('fiskil-hosted-flow', HostedFlow);
