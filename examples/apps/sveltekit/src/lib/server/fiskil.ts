// The backend's Fiskil client, made on first use from the environment (not at
// import: `vite build` imports server modules to analyse them). The client
// secret stays here: `$lib/server` modules can never be imported by a page.
import { env } from '$env/dynamic/private';
import { createFiskilClient, type FiskilClient } from 'fiskil-link/server';

let client: FiskilClient | undefined;

export function fiskil(): FiskilClient {
  client ??= createFiskilClient({
    clientId: env.FISKIL_CLIENT_ID ?? '',
    clientSecret: env.FISKIL_CLIENT_SECRET ?? '',
    baseUrl: env.FISKIL_API_URL,
  });
  return client;
}

/** The hosted flow's origin: the page sets the element's auth-server and allowed-origin to it. */
export const authServer = () => env.FISKIL_AUTH_SERVER;

/** The signed-in user, as your own session would know them. */
export const user = { email: 'alex@example.com', name: 'Alex Citizen' };

/** The last consent this server confirmed (a real app stores it with the user). */
export const confirmed: { consentID: string | null } = { consentID: null };
