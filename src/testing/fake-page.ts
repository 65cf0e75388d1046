// The fake hosted page a person sees in a real browser (a Storybook story, a
// manual check, a watched component test): it names the session and offers
// each outcome as a button. Built with DOM calls in the frame's own document
// (same-origin, from `srcdoc`); the session id is only ever text.

/** The outcomes the page offers, by the label of their button. */
export interface FakePageActions {
  sessionId: string;
  authOrigin: string;
  outcomes: ReadonlyArray<readonly [label: string, run: () => void]>;
}

/** The frame's first document: nothing from outside in it, the rest is added by DOM calls. */
export const FAKE_PAGE_SKELETON =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fiskil hosted page (fake)</title></head><body></body></html>';

const STYLE = `
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f4f5f8; color: #171717; }
main { background: #fff; border: 2px dashed #4f7cff; border-radius: 12px; padding: 24px; max-width: 420px; }
h1 { font-size: 1.2rem; margin: 0 0 8px; }
p { margin: 0 0 12px; }
code { word-break: break-all; }
ul { list-style: none; padding: 0; margin: 0; display: grid; gap: 8px; }
button { font: inherit; width: 100%; padding: 8px 12px; border-radius: 8px; border: 1px solid #4f7cff; background: #fff; cursor: pointer; }
button.primary { background: #4f7cff; color: #fff; }
`;

/** Fills the frame's document with the fake page; does nothing if it cannot be reached. */
export function renderFakePage(doc: Document | null, actions: FakePageActions): void {
  if (!doc?.body || doc.getElementById('fake-fiskil-link')) return;
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string) => {
    const node = doc.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const style = make('style', STYLE);
  doc.head.append(style);

  const main = make('main');
  main.id = 'fake-fiskil-link';
  const session = make('code', actions.sessionId);
  const sessionLine = make('p', 'Session ');
  sessionLine.append(session);
  const status = make('p');
  status.setAttribute('role', 'status');
  const list = make('ul');
  list.setAttribute('aria-label', 'Outcomes');
  actions.outcomes.forEach(([label, run], index) => {
    const button = make('button', label);
    button.type = 'button';
    if (index === 0) button.className = 'primary';
    button.addEventListener('click', () => {
      try {
        run();
      } catch (error) {
        status.textContent = error instanceof Error ? error.message : String(error);
      }
    });
    const item = make('li');
    item.append(button);
    list.append(item);
  });
  main.append(
    make('h1', 'Fiskil hosted page (fake)'),
    sessionLine,
    make(
      'p',
      `fakeFiskilLink() stands in for ${actions.authOrigin}: nothing was sent there. Choose how the flow ends.`,
    ),
    list,
    status,
  );
  doc.body.append(main);
}
