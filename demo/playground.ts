import '../src/index.js';

// Where `npm start` put the sandbox (SANDBOX_PORT may move it), as the demo
// backend knows it; 4010 only if the backend does not answer.
const FALLBACK_SANDBOX = 'http://127.0.0.1:4010';

const link = document.querySelector('fiskil-link')!;
const form = document.querySelector<HTMLFormElement>('#config')!;
const log = document.querySelector<HTMLOListElement>('#log')!;
const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;

// ?session_id=…&auth_server=…&allowed_origin=… prefill the form, so a link can share a setup.
const params = new URLSearchParams(location.search);
field('auth-server').value = params.get('auth_server') ?? FALLBACK_SANDBOX;
if (!params.has('auth_server')) {
  fetch('/api/overview')
    .then((res) => (res.ok ? res.json() : null))
    .then((data: { sandbox_url?: string } | null) => {
      if (data?.sandbox_url) field('auth-server').value = data.sandbox_url;
    })
    .catch(() => {});
}
field('session-id').value = params.get('session_id') ?? '';
field('allowed-origin').value = params.get('allowed_origin') ?? '';
field('confirm-close').checked = params.has('confirm_close');

function write(name: string, detail?: unknown) {
  const item = document.createElement('li');
  item.className = name;
  const time = new Date().toISOString().slice(11, 23);
  item.textContent = `${time} ${name}${detail === undefined ? '' : ` ${JSON.stringify(detail)}`}`;
  log.append(item);
}

for (const name of ['link-open', 'link-load', 'link-close'] as const) {
  link.addEventListener(name, () => write(name));
}
link.addEventListener('consent', (e) => write('consent', e.detail));
// A page may refuse a user's close (say, to ask in its own words first); the log says what it did.
link.addEventListener('link-close-request', (e) => {
  if (field('refuse-close').checked) e.preventDefault();
  write('link-close-request', { ...e.detail, refused: e.defaultPrevented });
});
link.addEventListener('link-error', (e) =>
  write('link-error', {
    code: e.detail.code,
    message: e.detail.message,
    details: e.detail.details,
  }),
);

form.addEventListener('submit', (event) => {
  event.preventDefault();
  // Attributes, not properties: this is what a page with no build step writes.
  for (const name of ['auth-server', 'allowed-origin', 'timeout']) {
    link.setAttribute(name, field(name).value);
  }
  link.toggleAttribute('preload', field('preload').checked);
  link.toggleAttribute('confirm-close', field('confirm-close').checked);
  link.setAttribute('session-id', field('session-id').value);
});
document.querySelector('#open')!.addEventListener('click', () => link.open());
document.querySelector('#cancel')!.addEventListener('click', () => link.cancel());
document.querySelector('#clear')!.addEventListener('click', () => log.replaceChildren());
