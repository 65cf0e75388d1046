// Every open modal on the page holds the lock; the page scrolls again when the
// last one lets go, with the inline styles it had before, exactly.
const LOCKED = ['overflow', 'scrollbar-gutter'];
let holders = 0;
let saved: [name: string, value: string, priority: string][] = [];

/** Stops the page behind a modal from scrolling; returns the (idempotent) release. */
export function lockScroll(): () => void {
  const { style, clientWidth } = document.documentElement;
  if (holders++ === 0) {
    saved = LOCKED.map((name) => [
      name,
      style.getPropertyValue(name),
      style.getPropertyPriority(name),
    ]);
    // Keep the gutter so the page does not shift sideways when its scrollbar
    // goes; only where a scrollbar takes room (not overlay or hidden ones,
    // where a reserved gutter would itself shift the page).
    if (innerWidth > clientWidth) style.setProperty('scrollbar-gutter', 'stable');
    style.setProperty('overflow', 'hidden', 'important');
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holders > 0) return;
    for (const [name, value, priority] of saved) {
      if (value) style.setProperty(name, value, priority);
      else style.removeProperty(name);
    }
  };
}
