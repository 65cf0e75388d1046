// A backend as an integrator writes it against the installed package's server entry.
import {
  createFiskilClient,
  FiskilApiError,
  isConsentEvent,
  parseWebhookEvent,
  type Consent,
  type LinkSession,
} from 'fiskil-link/server';

const fiskil = createFiskilClient({
  clientId: 'sandbox_client_id',
  clientSecret: 'sandbox_client_secret',
  baseUrl: 'http://127.0.0.1:4010',
  timeout: 5_000,
});

export async function startLink(email: string, name: string): Promise<LinkSession> {
  const session = await fiskil.createLinkSession({ user: { email, name } });
  const expires: number = session.expiresAt;
  console.log(session.sessionId, session.authUrl, session.endUserId, expires);
  // @ts-expect-error: a user is an email and name, or an endUserId.
  await fiskil.createLinkSession({ user: { name } });
  return session;
}

export async function confirm(endUserId: string, consentID: string): Promise<boolean> {
  try {
    const active: Consent[] = await fiskil.consents.list({ endUserId, active: true });
    console.log(active.map((c) => c.arrangement_id));
    return await fiskil.consents.confirm({ endUserId, consentID });
  } catch (error) {
    if (error instanceof FiskilApiError && error.code === 'timeout') return false;
    throw error;
  }
}

export function onWebhook(raw: string): string {
  const event = parseWebhookEvent(raw);
  return isConsentEvent(event) ? event.data.arrangement_id : event.data.end_user_id;
}
