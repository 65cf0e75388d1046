import { css } from '@lit/reactive-element';

export const styles = css`
  :host {
    display: contents;
  }

  dialog {
    box-sizing: border-box;
    position: fixed;
    inset: 0;
    width: 100vw;
    height: 100vh;
    height: 100dvh;
    max-width: none;
    max-height: none;
    margin: 0;
    padding: env(safe-area-inset-top) env(safe-area-inset-right) env(safe-area-inset-bottom)
      env(safe-area-inset-left);
    border: 0;
    background: transparent;
    color: var(--fiskil-link-color, #fff);
    font-family: var(--fiskil-link-font-family, system-ui, sans-serif);
    overflow: hidden;
    outline: none;
  }

  dialog::backdrop {
    background: var(--fiskil-link-backdrop, rgba(23, 23, 23, 0.2));
  }

  iframe {
    display: block;
    width: 100%;
    height: 100%;
    border: 0;
    background: transparent;
  }

  .loading,
  .confirm {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    pointer-events: none;
  }

  /* confirm-close's question, over the flow (inert behind it). */
  .confirm {
    background: var(--fiskil-link-backdrop, rgba(23, 23, 23, 0.2));
  }

  .confirm button {
    margin: 4px;
  }

  /* Over a loaded page (offline), the notice keeps clear of its middle. */
  .toast {
    place-items: end center;
    padding-bottom: calc(env(safe-area-inset-bottom) + 24px);
  }

  .card {
    display: grid;
    justify-items: center;
    gap: 12px;
    max-width: calc(100% - 32px);
    box-sizing: border-box;
    padding: 20px 28px;
    text-align: center;
    border-radius: 14px;
    background: var(--fiskil-link-loading-background, rgba(23, 23, 23, 0.95));
    font-size: 15px;
  }

  .spinner {
    width: 36px;
    height: 36px;
    border-radius: 50%;
    border: 3px solid rgba(255, 255, 255, 0.35);
    border-top-color: var(--fiskil-link-accent, #4f7cff);
    animation: spin 0.8s linear infinite;
  }

  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }

  .close {
    position: absolute;
    top: calc(env(safe-area-inset-top) + 12px);
    /* The inline end: right, or left on a right-to-left page. */
    inset-inline-end: calc(max(env(safe-area-inset-left), env(safe-area-inset-right)) + 12px);
    display: grid;
    place-items: center;
    width: 40px;
    height: 40px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: var(--fiskil-link-close-background, rgba(23, 23, 23, 0.72));
    color: var(--fiskil-link-close-color, #fff);
    cursor: pointer;
  }

  .close:hover {
    background: var(--fiskil-link-close-background-hover, rgba(23, 23, 23, 0.9));
  }

  button:focus-visible {
    outline: 3px solid var(--fiskil-link-accent, #4f7cff);
    outline-offset: 2px;
  }

  .card button {
    pointer-events: auto;
    min-height: 44px;
    padding: 0 18px;
    border: 2px solid;
    border-radius: 8px;
    background: none;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }

  /* Drawn by the stylesheet, not the icon's attributes: one place for its look. */
  .close svg {
    width: 20px;
    height: 20px;
    fill: none;
    stroke: currentColor;
    stroke-width: 2.2;
    stroke-linecap: round;
  }

  @media (forced-colors: active) {
    .close {
      border: 2px solid ButtonText;
    }
    button:focus-visible {
      outline-color: Highlight;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
      border-top-color: rgba(255, 255, 255, 0.35);
    }
  }
`;
