// @ts-check
// Plays a native app around dist/webview.html: gets a session from the demo
// backend, loads the bridge page in a frame (as a WebView would), adds a
// channel to it once loaded and calls start(), as an Android app might after
// onPageFinished. A real app usually passes the session in the URL fragment.
const $ = (/** @type {string} */ selector) =>
  /** @type {HTMLElement} */ (document.querySelector(selector));
const frame = /** @type {HTMLIFrameElement} */ ($('#app'));
const received = $('#received');
const status = $('#status');
const BRIDGE = '/dist/webview.html';

/** @returns {any} the bridge page's window (same origin: the demo serves dist/) */
const bridge = () => frame.contentWindow;

function record(/** @type {string} */ json) {
  const item = document.createElement('li');
  item.textContent = json;
  received.append(item);
}

$('#start').addEventListener('click', async () => {
  status.textContent = 'Asking the demo backend for a session…';
  try {
    const res = await fetch('/api/connect', { method: 'POST' });
    if (!res.ok) throw new Error(`the demo backend answered ${res.status}`);
    const { session_id: sessionId, auth_server: authServer } = await res.json();
    const fragment = new URLSearchParams({ 'session-id': sessionId, 'auth-server': authServer });
    $('#url').textContent = `${location.origin}${BRIDGE}#${fragment}`;
    received.replaceChildren();
    frame.addEventListener(
      'load',
      () => {
        // A 404 loads too: without its script the page has no fiskilLinkWebView.
        if (!bridge()?.fiskilLinkWebView) {
          status.textContent = `The bridge page ${BRIDGE} did not load: build it with npm run build (npm start builds it when it is missing).`;
          return;
        }
        bridge().fiskilLink = { postMessage: record };
        bridge().fiskilLinkWebView.start({ sessionId, authServer });
        status.textContent = `Started with ${sessionId}.`;
      },
      { once: true },
    );
    // A fresh page for each flow, as an app opens a fresh WebView.
    frame.src = BRIDGE;
  } catch (error) {
    status.textContent = `No session: ${error instanceof Error ? error.message : error}. Is this page served by npm start?`;
  }
});

$('#cancel').addEventListener('click', () => {
  const running = bridge()?.fiskilLinkWebView?.cancel();
  status.textContent = running ? 'Cancelled.' : 'No flow is running.';
});
