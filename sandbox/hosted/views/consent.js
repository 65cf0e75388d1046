// @ts-check
// Step 5: what the app asks for, for how long and why; share or deny.
import { html } from 'lit';
import { consentPeriod } from '../format.js';

/** @param {import('../flow.js').HostedFlow} f */
export function consentView(f) {
  const app = f.appName;
  const inst = f.institution;
  const chosen = f.accounts.filter((a) => f.selected.has(a.id));
  return html`<h1 tabindex="-1">Confirm what you share</h1>
    <p class="lead"><strong>${app}</strong> is asking for access to your ${inst.name} data.</p>
    <dl class="terms">
      <dt>Data</dt>
      <dd>
        <ul>
          ${f.dataTypes.map((d) => html`<li>${d}</li>`)}
        </ul>
      </dd>
      <dt>Accounts</dt>
      <dd>${chosen.map((a) => a.name).join(', ')}</dd>
      <dt>How long</dt>
      <dd>${consentPeriod(f.info.consent_days)}</dd>
      <dt>Why</dt>
      <dd>${f.info.purpose}</dd>
    </dl>
    ${f.errorView()}
    <p class="hint">You can withdraw consent at any time in ${app} or with ${inst.name}.</p>
    <div class="row">
      <button class="secondary" ?disabled=${f.busy} @click=${() => f.act('deny')}>Deny</button>
      <button
        class="primary"
        ?disabled=${f.busy}
        @click=${() => f.act('confirm', { account_ids: [...f.selected] })}
      >
        Share data
      </button>
    </div>`;
}
