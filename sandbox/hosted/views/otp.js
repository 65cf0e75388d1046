// @ts-check
// Step 3: the one-time code, sent by the channel the user picks.
import { html } from 'lit';
import { OTP_CHANNELS } from '../format.js';

/** @param {import('../flow.js').HostedFlow} f */
export function otpView(f) {
  const otp = /** @type {NonNullable<typeof f.otp>} */ (f.otp);
  const channel = OTP_CHANNELS[/** @type {keyof typeof OTP_CHANNELS} */ (otp.channel)];
  return html`<h1 tabindex="-1">Enter your one-time code</h1>
    <p class="lead" aria-live="polite">
      ${f.institution.name} sent a 6-digit code ${channel.sentTo(otp.destination)}.
    </p>
    <form @submit=${(/** @type {SubmitEvent} */ e) => f.verify(e)}>
      <fieldset class="channels">
        <legend>Send the code by</legend>
        ${Object.entries(OTP_CHANNELS).map(
          ([id, c]) =>
            html`<label class="channel">
              <input
                type="radio"
                name="channel"
                value=${id}
                .checked=${otp.channel === id}
                ?disabled=${f.busy}
                @change=${() => f.sendCodeBy(id)}
              />
              ${c.label}
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
      ${f.errorView()}
      <p class="hint">Sandbox: <code>123456</code></p>
      <button class="primary" type="submit" ?disabled=${f.busy}>Verify</button>
    </form>`;
}
