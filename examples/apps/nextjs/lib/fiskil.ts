import { createFiskilClient } from 'fiskil-link/server';

/** The signed-in user; a real app takes them from its own session. */
export const user = { email: 'alex@example.com', name: 'Alex Citizen' };

let client: ReturnType<typeof createFiskilClient> | undefined;

/** Fiskil's API client, made on the first request: `next build` loads this module without the variables. */
export function fiskil() {
  client ??= createFiskilClient({
    clientId: process.env.FISKIL_CLIENT_ID ?? '',
    clientSecret: process.env.FISKIL_CLIENT_SECRET ?? '',
    baseUrl: process.env.FISKIL_API_URL,
  });
  return client;
}
