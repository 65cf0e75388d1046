/** What `POST /api/session` answers. */
export type LinkSession = { sessionId: string; authServer?: string };

export async function createSession(): Promise<LinkSession> {
  const response = await fetch('/api/session', { method: 'POST' });
  if (!response.ok) throw new Error(`POST /api/session answered ${response.status}`);
  return response.json();
}

/** Asks the server to confirm the consent the browser reported; says what it answered. */
export async function confirmConsent(consentID: string): Promise<string> {
  const response = await fetch('/api/consent', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ consentID }),
  });
  return response.ok ? `Consent ${consentID} confirmed` : `Consent ${consentID} not confirmed`;
}
