// @ts-check
// The hosted card's styles. `--accent` is the app's brand colour when the sandbox has one.
import { css } from 'lit';

export const styles = css`
  :host {
    display: grid;
    place-items: center;
    min-height: 100vh;
    min-height: 100dvh;
    padding: 16px;
    box-sizing: border-box;
    color: #0f172a;
    --accent: #4338ca;
    --accent-text: #fff;
    --accent-hover: color-mix(in srgb, var(--accent) 85%, #000);
    --muted: #64748b;
    --line: #e2e8f0;
  }
  * {
    box-sizing: border-box;
  }
  .card {
    width: min(440px, 100%);
    background: #fff;
    border-radius: 20px;
    box-shadow:
      0 24px 60px rgb(15 23 42 / 0.22),
      0 2px 6px rgb(15 23 42 / 0.08);
    display: flex;
    flex-direction: column;
    max-height: calc(100dvh - 32px);
    overflow: hidden;
  }
  header {
    padding: 20px 24px 0;
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 14px;
  }
  .brand {
    display: flex;
    align-items: center;
    gap: 10px;
    color: var(--muted);
  }
  .logo {
    width: 40px;
    height: 40px;
    border-radius: 12px;
    display: grid;
    place-items: center;
    font-weight: 700;
    color: #fff;
    object-fit: cover;
  }
  .mono {
    background: linear-gradient(135deg, #0ea5e9, #6366f1);
  }
  .fiskil {
    background: #0f172a;
  }
  .logo.small {
    width: 36px;
    height: 36px;
    border-radius: 10px;
    font-size: 13px;
    flex: none;
  }
  .progress {
    display: flex;
    gap: 6px;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .progress li {
    width: 28px;
    height: 4px;
    border-radius: 2px;
    background: var(--line);
  }
  .progress li.on {
    background: var(--accent);
  }
  .body {
    padding: 8px 24px 16px;
    overflow: auto;
  }
  h1 {
    font-size: 22px;
    line-height: 1.25;
    margin: 12px 0 6px;
    outline: none;
  }
  .lead {
    color: #334155;
    margin: 0 0 16px;
    line-height: 1.5;
  }
  .center {
    text-align: center;
    justify-content: center;
  }
  p.center {
    display: flex;
    align-items: center;
    gap: 10px;
  }
  label {
    display: block;
    font-weight: 600;
    font-size: 14px;
    margin: 12px 0 6px;
  }
  input:not([type='checkbox']) {
    width: 100%;
    font: inherit;
    padding: 11px 12px;
    border: 1px solid #cbd5e1;
    border-radius: 10px;
  }
  input:focus-visible,
  button:focus-visible {
    outline: 3px solid color-mix(in srgb, var(--accent) 40%, transparent);
    outline-offset: 1px;
    border-color: var(--accent);
  }
  input.code {
    letter-spacing: 0.4em;
    font-size: 20px;
    text-align: center;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: 10px;
  }
  button:disabled {
    cursor: default;
    opacity: 0.6;
  }
  .primary,
  .secondary {
    width: 100%;
    padding: 12px;
    font-weight: 600;
    margin-top: 14px;
    border: 1px solid transparent;
  }
  .primary {
    background: var(--accent);
    color: var(--accent-text);
  }
  .primary:hover:not(:disabled) {
    background: var(--accent-hover);
  }
  .secondary {
    background: #fff;
    color: #0f172a;
    border-color: #cbd5e1;
  }
  .secondary + .primary,
  .row .primary {
    margin-top: 0;
  }
  form .secondary {
    margin-top: 8px;
  }
  .row {
    display: flex;
    gap: 10px;
    margin-top: 14px;
  }
  .row button {
    margin: 0;
  }
  .text {
    background: none;
    border: none;
    color: var(--muted);
    padding: 6px 8px;
    font-weight: 600;
  }
  .text:hover {
    color: #0f172a;
  }
  .tabs {
    display: flex;
    gap: 6px;
    margin-bottom: 10px;
  }
  .tabs button {
    border: 1px solid var(--line);
    background: #fff;
    padding: 6px 12px;
    border-radius: 999px;
    font-size: 14px;
  }
  .tabs button[aria-pressed='true'] {
    background: #0f172a;
    color: #fff;
    border-color: #0f172a;
  }
  .institutions {
    list-style: none;
    padding: 0;
    margin: 12px 0 0;
    display: grid;
    gap: 8px;
  }
  .institutions button {
    width: 100%;
    display: flex;
    align-items: center;
    gap: 12px;
    padding: 10px 12px;
    background: #fff;
    border: 1px solid var(--line);
    text-align: left;
  }
  .institutions button:hover:not(:disabled) {
    border-color: var(--accent);
    background: #f8fafc;
  }
  .name {
    flex: 1;
    font-weight: 600;
  }
  .type {
    font-size: 12px;
    /* #64748b (--muted) on this background is 4.3:1; small text needs 4.5:1. */
    color: #475569;
    background: #f1f5f9;
    border-radius: 999px;
    padding: 2px 8px;
  }
  fieldset.channels {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
    margin: 0 0 12px;
  }
  fieldset.channels legend {
    font-weight: 600;
    margin-bottom: 6px;
  }
  label.channel {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-weight: 400;
  }
  fieldset {
    border: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 8px;
  }
  .account {
    display: flex;
    gap: 12px;
    align-items: center;
    margin: 0;
    padding: 12px;
    border: 1px solid var(--line);
    border-radius: 12px;
    font-weight: 600;
    cursor: pointer;
  }
  .account input {
    width: 18px;
    height: 18px;
    accent-color: var(--accent);
  }
  .account small {
    display: block;
    color: var(--muted);
    font-weight: 400;
  }
  .terms {
    margin: 0;
    border: 1px solid var(--line);
    border-radius: 12px;
    padding: 4px 14px;
  }
  .terms dt {
    font-size: 12px;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--muted);
    margin-top: 10px;
  }
  .terms dd {
    margin: 2px 0 10px;
    line-height: 1.45;
  }
  .terms ul {
    margin: 0;
    padding-left: 18px;
  }
  .hint {
    font-size: 13px;
    color: var(--muted);
  }
  code {
    /* --muted on this background is 4.3:1; small text needs 4.5:1. */
    color: #334155;
    background: #f1f5f9;
    border-radius: 4px;
    padding: 1px 5px;
  }
  .error {
    color: #b91c1c;
    background: #fef2f2;
    border: 1px solid #fecaca;
    border-radius: 10px;
    padding: 10px 12px;
    font-size: 14px;
  }
  .done {
    width: 64px;
    height: 64px;
    margin: 12px auto 0;
    border-radius: 50%;
    background: #dcfce7;
    color: #15803d;
    font-size: 34px;
    display: grid;
    place-items: center;
  }
  .secured svg {
    margin-right: 4px;
    vertical-align: -1px;
  }
  footer {
    display: flex;
    justify-content: space-between;
    align-items: center;
    border-top: 1px solid var(--line);
    padding: 10px 16px;
    font-size: 13px;
    color: var(--muted);
  }
  .spinner {
    width: 18px;
    height: 18px;
    border: 3px solid var(--line);
    border-top-color: var(--accent);
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
    display: inline-block;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .actions {
    display: grid;
    gap: 8px;
    margin-top: 14px;
  }
  .actions button {
    margin: 0;
  }
  .question {
    font-weight: 400;
  }
`;
