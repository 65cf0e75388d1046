// @ts-check
// Step 2b: a security question the institution asks after the password.
import { html } from 'lit';

/** @param {import('../flow.js').HostedFlow} f */
export function questionView(f) {
  return html`<h1 tabindex="-1">Answer your security question</h1>
    <p class="lead">${f.institution.name} asks one more question to check it’s you.</p>
    <form @submit=${(/** @type {SubmitEvent} */ e) => f.answer(e)}>
      <label for="answer" class="question">${f.question?.question}</label>
      <input id="answer" name="answer" autocomplete="off" required spellcheck="false" />
      ${f.errorView()}
      <p class="hint">Sandbox: <code>fiskil</code></p>
      <button class="primary" type="submit" ?disabled=${f.busy}>Continue</button>
    </form>`;
}
