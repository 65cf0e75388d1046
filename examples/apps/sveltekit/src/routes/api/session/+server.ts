import { json } from '@sveltejs/kit';
import { authServer, fiskil, user } from '$lib/server/fiskil';
import type { RequestHandler } from './$types';

// A session for the signed-in user; the page puts its id on <fiskil-link>.
export const POST: RequestHandler = async () => {
  const { sessionId } = await fiskil.createLinkSession({ user });
  return json({ sessionId, authServer: authServer() });
};
