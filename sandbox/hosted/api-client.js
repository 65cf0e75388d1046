// @ts-check
// The hosted page's calls to the sandbox's hosted-flow API (sandbox/api/hosted.js).

export const sessionId = new URLSearchParams(location.search).get('sess_id') ?? '';

/**
 * GET the session (no body), or POST one action. Every POST is JSON, even an empty
 * one: the sandbox refuses any other, so another site's page cannot drive a session.
 * @param {string} path '' or '/<action>' @param {object} [body]
 * @returns {Promise<{ status: number; data: any }>}
 */
export async function call(path, body) {
  const res = await fetch(`/hosted/api/sessions/${encodeURIComponent(sessionId)}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, data: await res.json() };
}
