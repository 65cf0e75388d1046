// A shortcut for people trying the apps under `npm start`: asks the demo
// backend for a fresh sandbox session id and types it into the app's form,
// the way a person would (so every framework's own binding sees it).
const aside = document.createElement('aside');
aside.className = 'get-session';
const button = document.createElement('button');
button.type = 'button';
button.textContent = 'Get a sandbox session id';
const note = document.createElement('span');
note.setAttribute('role', 'status');
aside.append(button, note);
document.body.prepend(aside);

const valueSetter = /** @type {(this: HTMLInputElement, v: string) => void} */ (
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set
);

// The native setter plus an input event: what typing does, which React's
// controlled inputs, v-model, bind:value and ngModel all listen to.
function type(/** @type {HTMLInputElement} */ input, /** @type {string} */ value) {
  valueSetter.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

button.addEventListener('click', async () => {
  note.textContent = 'Asking the demo backend…';
  try {
    const res = await fetch('/api/connect', { method: 'POST' });
    if (!res.ok) throw new Error(`the demo backend answered ${res.status}`);
    const { session_id: sessionId, auth_server: authServer } = await res.json();
    const input = /** @type {HTMLInputElement} */ (document.querySelector('#session'));
    type(input, sessionId);
    // A page with an auth-server field (the playground) gets the sandbox's address too.
    const server = /** @type {HTMLInputElement | null} */ (document.querySelector('#auth-server'));
    if (server) type(server, authServer);
    const submit = input.form?.querySelector('button:not([type="button"])');
    note.textContent = `Filled in ${sessionId}: press ${submit?.textContent ?? 'Connect'}.`;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    note.textContent = `No session: ${why}. Is this page served by npm start?`;
  }
});
