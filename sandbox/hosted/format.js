// @ts-check
// Words and colours the views share.

/** @param {string} name */
export const monogram = (name) =>
  name
    .split(/\s+/)
    .map((w) => w[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();

/** How the one-time code can reach the user, and where the screen says it went. */
export const OTP_CHANNELS = /** @type {const} */ ({
  sms: { label: 'SMS', sentTo: (/** @type {string} */ to) => `by SMS to ${to}` },
  email: { label: 'Email', sentTo: (/** @type {string} */ to) => `by email to ${to}` },
  app: { label: 'Authenticator app', sentTo: () => 'to your authenticator app' },
});

/** @param {number} days */
export function consentPeriod(days) {
  const until = new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-AU', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const span =
    days >= 365 && days % 365 === 0
      ? days === 365
        ? '12 months'
        : `${days / 365} years`
      : days >= 1
        ? `${Math.round(days)} ${Math.round(days) === 1 ? 'day' : 'days'}`
        : 'less than a day';
  return `${span}, until ${until}`;
}

/**
 * Black or white, whichever reads better on `hex` (WCAG relative luminance), so a
 * brand colour of any lightness keeps its button text legible.
 * @param {string} hex #rrggbb
 */
export function textOn(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? '#0f172a' : '#ffffff';
}
