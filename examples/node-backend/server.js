// Your backend's two routes for <fiskil-link>, in Node with no framework. It holds
// the client secret; the page only ever sees a session id.
// The same code runs against the sandbox (npx fiskil-link-sandbox) and against Fiskil.
import { createFiskilClient } from 'fiskil-link/server';

const fiskil = createFiskilClient({
  clientId: process.env.FISKIL_CLIENT_ID,
  clientSecret: process.env.FISKIL_CLIENT_SECRET,
  baseUrl: process.env.FISKIL_API_URL, // unset: https://api.fiskil.com
});

const customer = { email: 'alex@example.com', name: 'Alex Citizen' }; // your signed-in user
let endUserId; // keep it with your user: consents and data are read by it

/** Handles POST /api/fiskil-session and POST /api/consents; false for any other request. */
export async function api(req, res) {
  const send = (status, body) =>
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  if (req.method === 'POST' && req.url === '/api/fiskil-session') {
    const session = await fiskil.createLinkSession({ user: endUserId ? { endUserId } : customer });
    endUserId = session.endUserId;
    return send(200, { session_id: session.sessionId, auth_url: session.authUrl });
  }
  if (req.method !== 'POST' || req.url !== '/api/consents') return false;
  let body = '';
  for await (const chunk of req) body += chunk;
  const { consentID } = JSON.parse(body);
  // The browser's event is a signal; Fiskil's list of the end user's active consents is the proof.
  const confirmed = Boolean(endUserId) && (await fiskil.consents.confirm({ endUserId, consentID }));
  return send(confirmed ? 200 : 404, { confirmed });
}
