import type { FiskilLinkStrings } from './strings.js';

/**
 * Brings the tree up to date, touching only what differs: the words, the
 * flow's iframe (none without a flow), and the notice its `load` calls for.
 */
export type Render = (
  words: FiskilLinkStrings,
  frame?: HTMLIFrameElement,
  load?: 'loading' | 'stalled' | 'unreachable' | 'loaded',
) => void;

const SVG = 'http://www.w3.org/2000/svg';

function make<T extends Element>(
  tag: string,
  attributes: Record<string, string> = {},
  children: Node[] = [],
  namespace?: string,
): T {
  const element = namespace
    ? document.createElementNS(namespace, tag)
    : document.createElement(tag);
  for (const name in attributes) element.setAttribute(name, attributes[name]!);
  element.append(...children);
  return element as T;
}

// The attribute, not `ariaLabel`: DOMs without ARIA reflection (jsdom) read it too.
function label(element: Element, value: string): void {
  if (element.getAttribute('aria-label') !== value) element.setAttribute('aria-label', value);
}

/** `element[key] = value` only when it differs: a rewritten label or word may be announced again. */
function set<T extends object, K extends keyof T>(element: T, key: K, value: T[K]): void {
  if (element[key] !== value) element[key] = value;
}

/**
 * Builds the element's shadow tree into `root` with DOM calls (no HTML
 * strings, so a page enforcing Trusted Types needs no policy for it), and
 * returns its dialog and the function that keeps it up to date:
 *
 * ```text
 * dialog[part=dialog]
 *   button.close[part=close] > svg > path
 *   iframe[part=frame]                      (the flow's, while there is one)
 *   div.loading[part=loading][role=status]  (.toast once the page has loaded)
 *     div.card                              (while there is a notice)
 *       div.spinner                         (loading)
 *       span                                (the notice's words)
 *       button, button                      (stalled, unreachable: retry, close)
 * ```
 */
export function buildView(
  root: Node,
  cancel: () => void,
  retry: () => void,
  dialogCancel: (event: Event) => void,
  dialogClose: (event: Event) => void,
): [HTMLDialogElement, Render] {
  const button = (onClick: () => void, attributes?: Record<string, string>, children?: Node[]) => {
    const element = make('button', attributes, children);
    element.addEventListener('click', onClick);
    return element;
  };
  const close = button(cancel, { class: 'close', part: 'close', type: 'button' }, [
    make(
      'svg',
      { viewBox: '0 0 24 24', 'aria-hidden': 'true' },
      [make('path', { d: 'M6 6l12 12M18 6L6 18' }, [], SVG)],
      SVG,
    ),
  ]);
  const status = make<HTMLElement>('div', { class: 'loading', part: 'loading', role: 'status' });
  const dialog = make<HTMLDialogElement>('dialog', { part: 'dialog', tabindex: '-1' }, [
    close,
    status,
  ]);
  dialog.autofocus = true;
  dialog.addEventListener('cancel', dialogCancel);
  dialog.addEventListener('close', dialogClose);
  root.appendChild(dialog);

  const text = make('span');
  const card = make('div', { class: 'card' });
  const spinner = make('div', { class: 'spinner', 'aria-hidden': 'true' });
  const again = button(retry);
  const stop = button(cancel);
  let shown: HTMLIFrameElement | undefined;
  let showing: string | undefined;

  return [
    dialog,
    (words, frame, load) => {
      label(dialog, words.dialogLabel);
      label(close, words.close);
      if (shown !== frame) {
        shown?.remove();
        if (frame) dialog.insertBefore(frame, status);
        shown = frame;
      }
      if (frame) {
        set(frame, 'title', words.frameTitle);
        // The engine's error page behind the unreachable notice: hidden, so it
        // neither shows through the notice nor takes focus or a screen reader.
        frame.style.visibility = load == 'unreachable' ? 'hidden' : '';
      }
      status.classList.toggle('toast', load == 'loaded');
      const notice = load && (navigator.onLine ? (load == 'loaded' ? undefined : load) : 'offline');
      if (notice != showing) {
        showing = notice;
        if (!notice) card.remove();
        else {
          card.replaceChildren(
            ...(notice == 'loading' ? [spinner] : []),
            text,
            // Spaced as words: read as one line, the notice and its buttons stay apart.
            ...(notice == 'stalled' || notice == 'unreachable' ? [' ', again, ' ', stop] : []),
          );
          if (!card.parentNode) status.append(card);
        }
      }
      if (notice) {
        set(text, 'textContent', words[notice]);
        set(again, 'textContent', words.retry);
        set(stop, 'textContent', words.close);
      }
    },
  ];
}

/**
 * Shows the dialog modally, or closes it. Where the DOM has no modal dialogs
 * (jsdom has no `showModal()` or `close()`), `open` stands in, so a flow still
 * runs there: no top layer, focus move or Escape, but every event.
 */
export function setModal(dialog: HTMLDialogElement, modal: boolean): void {
  const method = modal ? dialog.showModal : dialog.close;
  if (method) method.call(dialog);
  else dialog.open = modal;
}
