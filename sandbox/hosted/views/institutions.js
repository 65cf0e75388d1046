// @ts-check
// Step 1: choose a bank or energy provider, by search and industry filter.
import { html, nothing } from 'lit';
import { monogram } from '../format.js';

/** @typedef {import('../flow.js').HostedFlow} HostedFlow */

const FILTERS = [
  ['all', 'All'],
  ['banking', 'Banks'],
  ['energy', 'Energy'],
];

/** @param {HostedFlow} f */
export function institutionsView(f) {
  const q = f.search.trim().toLowerCase();
  /** @type {any[]} */
  const all = f.info.institutions;
  const types = new Set(all.map((i) => i.type));
  const shown = all.filter(
    (i) => (f.filter === 'all' || i.type === f.filter) && i.name.toLowerCase().includes(q),
  );
  return html`<h1 tabindex="-1">Select your institution</h1>
    <p class="lead">${f.appName} uses Fiskil to connect your accounts securely.</p>
    ${
      types.size > 1
        ? html`<div class="tabs" role="group" aria-label="Institution type">
            ${FILTERS.map(
              ([value, label]) =>
                html`<button
                  aria-pressed=${f.filter === value ? 'true' : 'false'}
                  @click=${() => (f.filter = value)}
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
      .value=${f.search}
      @input=${(/** @type {Event} */ e) =>
        (f.search = /** @type {HTMLInputElement} */ (e.target).value)}
    />
    <ul class="institutions">
      ${shown.map(
        (i) =>
          html`<li>
            <button ?disabled=${f.busy} @click=${() => f.choose(i)}>
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
    ${
      shown.length === 0
        ? html`<p class="hint" role="status">No institution matches “${f.search}”.</p>`
        : nothing
    }
    ${f.errorView()}`;
}
