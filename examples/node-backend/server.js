// Your backend's two routes for <fiskil-link>, in Node with no framework. It holds
// the client secret; the page only ever sees a session id.
// The same code runs against the sandbox (npx fiskil-link-sandbox) and against Fiskil.
const API = process.env.FISKIL_API_URL ?? 'https://api.fiskil.com';
const { FISKIL_CLIENT_ID: clientId, FISKIL_CLIENT_SECRET: clientSecret } = process.env;

async function fiskil(method, path, body, token) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(API + path, { method, headers, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
  return response.json();
}

let endUserId; // one customer here; your app keeps one per signed-in user

/** Handles POST /api/fiskil-session and POST /api/consents; false for any other request. */
export async function api(req, res) {
  const send = (status, body) =>
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  if (req.method !== 'POST' || !['/api/fiskil-session', '/api/consents'].includes(req.url))
    return false;
  // A token lasts an hour (expires_in): a real backend keeps it until then.
  const login = { client_id: clientId, client_secret: clientSecret };
  const { access_token: token } = await fiskil('POST', '/v1/token', login);
  if (req.url === '/api/fiskil-session') {
    const customer = { name: 'Alex Citizen' }; // your signed-in user's name and email
    endUserId ??= (await fiskil('POST', '/v1/end-users', customer, token)).end_user_id;
    const session = await fiskil('POST', '/v1/auth/session', { end_user_id: endUserId }, token);
    return send(200, { session_id: session.session_id, auth_url: session.auth_url });
  }
  let body = '';
  for await (const chunk of req) body += chunk;
  const { consentID } = JSON.parse(body);
  // The browser's event is a signal; Fiskil's list of the end user's consents is the proof.
  const consents = await fiskil('GET', `/v1/consent?end_user_id=${endUserId}`, undefined, token);
  const confirmed = consents.some((c) => c.arrangement_id === consentID && c.active);
  return send(confirmed ? 200 : 404, { confirmed });
}
