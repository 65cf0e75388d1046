/** The focused element, looked for through open shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Gives focus back to `target` (what had it when the modal went up) if it can take it and lost it. */
export function returnFocus(target: Element | null): void {
  if (target instanceof HTMLElement && target.isConnected && deepActiveElement() !== target) {
    target.focus({ preventScroll: true });
  }
}
