// @ts-check
// Step 4: choose the accounts to share.
import { html, nothing } from 'lit';

/** @param {import('../flow.js').HostedFlow} f */
export function accountsView(f) {
  return html`<h1 tabindex="-1">Select accounts to share</h1>
    <p class="lead">Choose which ${f.institution.name} accounts ${f.appName} can see.</p>
    <fieldset>
      <legend class="visually-hidden">Accounts</legend>
      ${f.accounts.map(
        (a) =>
          html`<label class="account">
            <input
              type="checkbox"
              .checked=${f.selected.has(a.id)}
              @change=${(/** @type {Event} */ e) => f.toggle(e, a.id)}
            />
            <span>${a.name}<small>${a.masked}</small></span>
          </label>`,
      )}
    </fieldset>
    ${
      f.selected.size === 0
        ? html`<p class="hint" role="status">Select at least one account.</p>`
        : nothing
    }
    <button class="primary" ?disabled=${f.selected.size === 0} @click=${() => (f.step = 'consent')}>
      Continue
    </button>`;
}
