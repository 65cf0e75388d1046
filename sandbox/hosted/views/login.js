// @ts-check
// Step 2: log in at the institution.
import { html, nothing } from 'lit';

/** @param {import('../flow.js').HostedFlow} f */
export function loginView(f) {
  const inst = f.institution;
  return html`<h1 tabindex="-1">Log in to ${inst.name}</h1>
    <p class="lead">
      Use your ${inst.name} online ${inst.type === 'energy' ? 'account' : 'banking'} details.
      ${f.appName} never sees them.
    </p>
    <form @submit=${(/** @type {SubmitEvent} */ e) => f.login(e)}>
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
      ${f.errorView()}
      <p class="hint">
        Sandbox: <code>user_good</code> / <code>pass_good</code> (<code>user_questions</code> for a
        security question)
      </p>
      <button class="primary" type="submit" ?disabled=${f.busy}>Log in</button>
      ${
        f.info?.preselected
          ? nothing
          : html`<button class="secondary" type="button" @click=${() => f.back()}>Back</button>`
      }
    </form>`;
}
