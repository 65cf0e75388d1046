// @ts-check
// The institution cannot be reached: try again, pick another, or close.
import { html, nothing } from 'lit';

/** @param {import('../flow.js').HostedFlow} f */
export function unavailableView(f) {
  const inst = f.institution;
  return html`<h1 tabindex="-1">${inst.name} is unavailable</h1>
    <p class="lead" role="alert">
      We can’t connect to ${inst.name} right now. Please try again later, or choose another
      institution.
    </p>
    ${
      f.tries > 0
        ? html`<p class="hint" role="status">
            Still unavailable after ${f.tries} ${f.tries === 1 ? 'retry' : 'retries'}.
          </p>`
        : nothing
    }
    ${f.errorView()}
    <div class="actions">
      <button class="primary" ?disabled=${f.busy} @click=${() => f.retry()}>Try again</button>
      ${
        f.info?.preselected
          ? nothing
          : html`<button class="secondary" ?disabled=${f.busy} @click=${() => f.back()}>
              Choose another institution
            </button>`
      }
      <button class="secondary" ?disabled=${f.busy} @click=${() => f.act('close')}>Close</button>
    </div>`;
}
