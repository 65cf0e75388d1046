// Every open modal on the page holds the lock; the page scrolls again when the
// last one lets go, with the inline styles it had before, exactly.
let holders = 0;
let saved: { overflow: string; priority: string; gutter: string; gutterPriority: string } | null =
  null;

/** Stops the page behind a modal from scrolling; returns the (idempotent) release. */
export function lockScroll(): () => void {
  const root = document.documentElement;
  if (holders++ === 0) {
    const style = root.style;
    saved = {
      overflow: style.getPropertyValue('overflow'),
      priority: style.getPropertyPriority('overflow'),
      gutter: style.getPropertyValue('scrollbar-gutter'),
      gutterPriority: style.getPropertyPriority('scrollbar-gutter'),
    };
    // Keep the gutter so the page does not shift sideways when its scrollbar
    // goes; only where a scrollbar takes room (not overlay or hidden ones,
    // where a reserved gutter would itself shift the page).
    if (innerWidth > root.clientWidth) style.setProperty('scrollbar-gutter', 'stable');
    style.setProperty('overflow', 'hidden', 'important');
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holders > 0 || !saved) return;
    const style = root.style;
    restore(style, 'overflow', saved.overflow, saved.priority);
    restore(style, 'scrollbar-gutter', saved.gutter, saved.gutterPriority);
    saved = null;
  };
}

function restore(style: CSSStyleDeclaration, name: string, value: string, priority: string) {
  if (value) style.setProperty(name, value, priority);
  else style.removeProperty(name);
}
