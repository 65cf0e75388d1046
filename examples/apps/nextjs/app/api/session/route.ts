import { fiskil, user } from '@/lib/fiskil';

export async function POST() {
  const { sessionId } = await fiskil.createLinkSession({ user });
  return Response.json({ sessionId, authServer: process.env.FISKIL_AUTH_SERVER });
}
