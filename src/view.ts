import type { LinkCloseRequestDetail } from './events.js';
import type { FiskilLinkStrings } from './strings.js';

/** How the user asked to close: a close control, or Escape. */
export type CloseReason = LinkCloseRequestDetail['reason'];

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
  children: (Node | string)[] = [],
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
 *   div.confirm[part=confirm][role=alertdialog]  (while confirm-close asks)
 *     div.card > span, div > button, button (the question: keep going, leave)
 * ```
 *
 * A user's close (a close control, Escape) goes to `requestClose`, which
 * answers true when the user is to be asked first; `cancel` ends the flow
 * without asking, `closed` says the browser closed the dialog by itself.
 */
export function buildView(
  root: Node,
  requestClose: (reason: CloseReason) => boolean | void,
  cancel: () => void,
  retry: () => void,
  closed: () => void,
): [HTMLDialogElement, Render] {
  const button = (onClick: () => void, attributes?: Record<string, string>, children?: Node[]) => {
    const element = make<HTMLButtonElement>('button', attributes, children);
    element.addEventListener('click', onClick);
    return element;
  };
  // While the question is up, a second close (Escape) is its "Keep going".
  const userClose = (reason: CloseReason) =>
    asking ? ask(false) : requestClose(reason) && ask(true);
  const close = button(
    () => userClose('close-button'),
    { class: 'close', part: 'close', type: 'button' },
    [
      make(
        'svg',
        { viewBox: '0 0 24 24', 'aria-hidden': 'true' },
        [make('path', { d: 'M6 6l12 12M18 6L6 18' }, [], SVG)],
        SVG,
      ),
    ],
  );
  const status = make<HTMLElement>('div', { class: 'loading', part: 'loading', role: 'status' });
  const dialog = make<HTMLDialogElement>('dialog', { part: 'dialog', tabindex: '-1' }, [
    close,
    status,
  ]);
  dialog.autofocus = true;
  // Escape is taken as a key, its default prevented, so the dialog's own close
  // request never starts: after an Escape with no user activation since the
  // last one, Chromium fires a `cancel` that cannot be prevented and closes the
  // dialog (https://html.spec.whatwg.org/#close-watchers), which would overrule
  // a page that refused twice. A close request with no key (a back gesture)
  // still comes as `cancel`. Both only while focus is in the dialog: the hosted
  // page keeps its own keys.
  dialog.addEventListener('keydown', (event) => {
    if (event.key == 'Escape') {
      event.preventDefault();
      userClose('escape');
    }
  });
  dialog.addEventListener('cancel', (event) => {
    if (event.target != dialog) return;
    event.preventDefault();
    userClose('escape');
  });
  // The browser may close a modal dialog by itself (closedby, or as above).
  dialog.addEventListener('close', (event) => event.target == dialog && !dialog.open && closed());
  root.appendChild(dialog);

  const text = make('span');
  const card = make('div', { class: 'card' });
  const spinner = make('div', { class: 'spinner', 'aria-hidden': 'true' });
  const again = button(retry);
  const stop = button(() => userClose('close-button'));
  const prompt = make('span', { id: 'leave-prompt' });
  const stay = button(() => ask(false));
  const leave = button(cancel);
  const panel = make(
    'div',
    {
      class: 'confirm',
      part: 'confirm',
      role: 'alertdialog',
      'aria-modal': 'true',
      'aria-labelledby': 'leave-prompt',
    },
    [make('div', { class: 'card' }, [prompt, make('div', {}, [stay, ' ', leave])])],
  );
  let shown: HTMLIFrameElement | undefined;
  let showing: string | undefined;
  let asking = false;
  // The question goes over the flow with all else inert, and focus on its safe
  // answer; taken away, focus goes back to the flow's frame.
  const ask = (on: boolean) => {
    asking = on;
    close.inert = on;
    if (shown) shown.inert = on;
    if (on) dialog.append(panel);
    else panel.remove();
    (on ? stay : shown)?.focus();
  };

  return [
    dialog,
    (words, frame, load) => {
      label(dialog, words.dialogLabel);
      label(close, words.close);
      set(prompt, 'textContent', words.leavePrompt);
      set(stay, 'textContent', words.keepGoing);
      set(leave, 'textContent', words.leave);
      if (shown !== frame) {
        // The flow ended or was replaced (its modal closed first): the question goes with it.
        if (asking) ask(false);
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
