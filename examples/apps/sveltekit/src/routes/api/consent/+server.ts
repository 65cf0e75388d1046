import { json } from '@sveltejs/kit';
import { confirmed, fiskil, user } from '$lib/server/fiskil';
import type { RequestHandler } from './$types';

// The browser's consent event is a signal: confirm it with Fiskil before trusting it.
export const POST: RequestHandler = async ({ request }) => {
  const { consentID } = await request.json();
  const { endUserId } = await fiskil.endUsers.ensure(user);
  const ok =
    typeof consentID === 'string' && (await fiskil.consents.confirm({ endUserId, consentID }));
  if (ok) confirmed.consentID = consentID;
  return json({ confirmed: ok }, { status: ok ? 200 : 404 });
};

export const GET: RequestHandler = () => json({ consentID: confirmed.consentID });
