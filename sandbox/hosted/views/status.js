// @ts-check
// The screens with nothing to fill in: loading, offline, waiting, and the endings.
import { html } from 'lit';

/** @param {import('../flow.js').HostedFlow} f @param {string} step */
export function statusView(f, step) {
  const inst = f.institution;
  switch (step) {
    case 'loading':
      return html`<p class="center" role="status"><span class="spinner"></span> Loading…</p>`;
    case 'offline':
      return html`<h1 tabindex="-1">Can’t reach Fiskil</h1>
        <p>Check your connection and reload this page.</p>`;
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
          ${inst.name} is now sharing your data with ${f.appName}. You can return to ${f.appName}.
        </p>`;
    case 'ended':
      return html`<h1 tabindex="-1">Connection not completed</h1>
        <p class="lead">${f.ending}</p>`;
    case 'invalid':
      return html`<h1 tabindex="-1">This link can’t be used</h1>
        <p class="lead" role="alert">${f.ending}</p>`;
    default:
      return html``;
  }
}
