import { fiskil, user } from '../utils/fiskil';

export default defineEventHandler(async () => {
  const { sessionId } = await fiskil.createLinkSession({ user });
  return { sessionId, authServer: process.env.FISKIL_AUTH_SERVER };
});
