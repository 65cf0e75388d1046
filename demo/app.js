// @ts-check
// The demo page: a small app's "Connect your bank" journey with <fiskil-link>.
// Every value from the network reaches the DOM through textContent, never as HTML.
import '../src/index.ts';

/** @typedef {{ type: string; detail?: unknown }} DemoEvent */

const link = /** @type {any} */ (document.querySelector('fiskil-link'));
const $ = (/** @type {string} */ sel) => /** @type {HTMLElement} */ (document.querySelector(sel));
const connect = /** @type {HTMLButtonElement} */ ($('#connect'));
const params = new URLSearchParams(location.search);

/** Exposed for the end-to-end tests and for poking around in devtools. */
const demo = {
  /** @type {DemoEvent[]} */
  events: [],
  /** Starts the element on a given session id (e.g. an unknown or used one). @param {string} id */
  open(id) {
    if (link.sessionId === id) link.open();
    else link.sessionId = id;
  },
  refresh,
};
Object.assign(window, { fiskilDemo: demo });

/**
 * Builds an element. Strings become text nodes.
 * @param {string} tag @param {Record<string, any>} [props] @param {(Node | string | null | undefined | false)[]} children
 */
function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v);
  }
  for (const c of children) if (c) el.append(c);
  return el;
}

const money = (/** @type {string} */ amount) =>
  Number(amount).toLocaleString('en-AU', { style: 'currency', currency: 'AUD' });
const date = (/** @type {string} */ iso) =>
  new Date(iso).toLocaleDateString('en-AU', { day: 'numeric', month: 'short' });

/** @param {string} text @param {'ok' | 'error' | 'info'} kind */
function status(text, kind) {
  const el = $('#status');
  el.hidden = false;
  el.className = `status ${kind}`;
  el.textContent = text;
}

/** @param {string} type @param {unknown} [detail] */
function record(type, detail) {
  demo.events.push({ type, detail });
  const time = new Date().toLocaleTimeString('en-AU', { hour12: false });
  const text = detail === undefined ? '' : ` ${JSON.stringify(detail)}`;
  $('#activity').prepend(h('li', {}, h('span', { class: 'time' }, time), ` ${type}${text}`));
}

for (const type of ['link-open', 'link-load', 'link-close'])
  link.addEventListener(type, () => record(type));
link.addEventListener('link-close', () => {
  connect.removeAttribute('aria-disabled');
  connect.textContent = 'Connect your bank';
});
link.addEventListener('consent', (/** @type {any} */ e) => {
  record('consent', { consentID: e.detail.consentID, redirectURL: e.detail.redirectURL });
  status(`Connected. Consent ${e.detail.consentID} is active.`, 'ok');
  refresh();
});
link.addEventListener('link-error', (/** @type {any} */ e) => {
  const { code, message, displayMessage, retryable, details } = e.detail;
  record('link-error', { code, message, displayMessage, retryable, details });
  // displayMessage is written for the person in front of the page; the code is for support.
  status(`${displayMessage} (${code})`, 'error');
  refresh();
});

// aria-disabled, not disabled: a disabled button drops keyboard focus to the
// body, and the element then has nowhere to return it when the flow closes.
connect.addEventListener('click', async () => {
  if (connect.getAttribute('aria-disabled') === 'true') return;
  connect.setAttribute('aria-disabled', 'true');
  connect.textContent = 'Connecting…';
  try {
    const res = await fetch('/api/connect', { method: 'POST' });
    const body = await res.json();
    if (!res.ok) throw new Error(body.message ?? body.error);
    link.authServer = body.auth_server;
    link.allowedOrigin = new URL(body.auth_server).origin;
    if (params.has('timeout')) link.timeout = Number(params.get('timeout'));
    link.sessionId = body.session_id;
  } catch (e) {
    status(`Could not start: ${e instanceof Error ? e.message : e}`, 'error');
    connect.removeAttribute('aria-disabled');
    connect.textContent = 'Connect your bank';
  }
});

$('#reset').addEventListener('click', async () => {
  await fetch('/api/reset', { method: 'POST' });
  $('#status').hidden = true;
  await refresh();
});

async function refresh() {
  const data = await (await fetch('/api/overview')).json();
  if (data.sandbox_url) {
    $('#sandbox-link').setAttribute('href', data.sandbox_url);
    // The framework apps default to the sandbox's usual port; tell them where it is.
    for (const a of document.querySelectorAll('a[href^="./frameworks/"]')) {
      const url = new URL(/** @type {HTMLAnchorElement} */ (a).href);
      url.searchParams.set('auth_server', data.sandbox_url);
      a.setAttribute('href', url.href);
    }
  }
  renderAccounts(data);
  renderConsents(data.consents);
  renderWebhooks(data.webhooks);
}

/** @param {any} data */
function renderAccounts(data) {
  const cards = [];
  for (const a of data.banking ?? []) {
    cards.push(
      h(
        'article',
        { class: 'account', 'aria-label': a.display_name },
        h(
          'header',
          {},
          h('div', {}, h('h3', {}, a.display_name), h('p', { class: 'muted' }, a.masked_number)),
          h('p', { class: 'balance' }, money(a.balance?.current_balance ?? '0')),
        ),
        h(
          'table',
          {},
          h('caption', { class: 'visually-hidden' }, `Recent transactions, ${a.display_name}`),
          h(
            'tbody',
            {},
            ...a.transactions.map((/** @type {any} */ t) =>
              h(
                'tr',
                {},
                h('td', { class: 'muted' }, date(t.execution_date_time)),
                h('td', {}, t.merchant_name ?? t.description),
                h('td', { class: Number(t.amount) > 0 ? 'amount in' : 'amount' }, money(t.amount)),
              ),
            ),
          ),
        ),
      ),
    );
  }
  for (const a of data.energy ?? []) {
    const reads = a.usage.map((/** @type {any} */ r) => ({
      day: r.read_end_date,
      kwh: r.basic_read?.value ?? r.interval_read?.aggregate_value ?? 0,
    }));
    const max = Math.max(...reads.map((r) => r.kwh));
    const label = (/** @type {{ day: string; kwh: number }} */ r) =>
      `${r.day}: ${Math.round(r.kwh * 100) / 100} kWh`;
    cards.push(
      h(
        'article',
        { class: 'account', 'aria-label': a.display_name },
        h(
          'header',
          {},
          h(
            'div',
            {},
            h('h3', {}, a.display_name),
            h('p', { class: 'muted' }, a.plans[0]?.nickname ?? ''),
          ),
          h('p', { class: 'balance' }, `${Math.round((reads[0]?.kwh ?? 0) * 100) / 100} kWh`),
        ),
        h('p', { class: 'muted' }, 'Daily usage, last 7 days'),
        h(
          'ul',
          { class: 'bars' },
          ...reads
            .slice()
            .reverse()
            .map((r) =>
              h(
                'li',
                { style: `--h:${Math.round((r.kwh / max) * 100)}%`, title: label(r) },
                h('span', { class: 'visually-hidden' }, label(r)),
              ),
            ),
        ),
      ),
    );
  }
  const hasRevoked = (data.consents ?? []).some((/** @type {any} */ c) => !c.active);
  $('#accounts').replaceChildren(
    ...(cards.length
      ? cards
      : [
          h(
            'p',
            { class: 'empty' },
            hasRevoked
              ? 'Access revoked: Pocketwise can no longer read your data. Connect again to share it.'
              : 'Nothing connected yet. Use “Connect your bank” to share your accounts.',
          ),
        ]),
  );
}

/** @param {any[]} consents */
function renderConsents(consents) {
  $('#consents').replaceChildren(
    ...(consents.length === 0
      ? [h('li', { class: 'empty' }, 'No consents yet.')]
      : consents.map((c) =>
          h(
            'li',
            { class: 'consent' },
            h(
              'div',
              {},
              h('strong', {}, c.institution_name),
              h(
                'span',
                { class: c.active ? 'pill ok' : 'pill off' },
                c.active ? 'Active' : c.status === 'expired' ? 'Expired' : 'Revoked',
              ),
              h('p', { class: 'muted mono' }, c.arrangement_id),
              h(
                'p',
                { class: 'muted' },
                c.active
                  ? `Until ${new Date(c.expires_at).toLocaleDateString('en-AU')}`
                  : c.status === 'expired'
                    ? `Expired ${new Date(c.expires_at).toLocaleString('en-AU')}`
                    : `Revoked ${new Date(c.revoked_at).toLocaleString('en-AU')}`,
              ),
            ),
            c.active
              ? h(
                  'button',
                  {
                    class: 'danger',
                    type: 'button',
                    'aria-label': `Revoke ${c.institution_name} consent`,
                    onclick: () => revoke(c.arrangement_id),
                  },
                  'Revoke',
                )
              : null,
          ),
        )),
  );
}

/** @param {string} id */
async function revoke(id) {
  const res = await fetch(`/api/consents/${encodeURIComponent(id)}`, { method: 'DELETE' });
  status(
    res.ok
      ? 'Consent revoked. Pocketwise can no longer read that data.'
      : 'Could not revoke the consent.',
    res.ok ? 'info' : 'error',
  );
  await refresh();
}

/** @param {any[]} hooks */
function renderWebhooks(hooks) {
  $('#webhooks').replaceChildren(
    ...(hooks.length === 0
      ? [h('li', { class: 'empty' }, 'None yet. Fiskil tells the backend about consents here.')]
      : hooks.map((w) =>
          h(
            'li',
            {},
            h('strong', { class: 'mono' }, w.type),
            w.verified
              ? h('span', { class: 'pill ok', title: 'HMAC signature verified' }, 'signature ✓')
              : null,
            h(
              'p',
              { class: 'muted mono' },
              `${w.message_id} · ${new Date(w.received_at).toLocaleTimeString('en-AU', { hour12: false })}`,
            ),
          ),
        )),
  );
}

new EventSource('/api/events').addEventListener('webhook', () => refresh());
refresh();
