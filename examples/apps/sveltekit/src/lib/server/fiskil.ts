// The backend's Fiskil client, one per server process (it caches the token).
// The client secret stays here: `$lib/server` modules can never be imported by
// a page. adapter-node fills `$env/dynamic/private` before it loads a route,
// and the client reads its credentials only when the first call needs a token,
// so `vite build`, which imports this module without the environment, is not
// stopped by it.
import { env } from '$env/dynamic/private';
import { createFiskilClient } from 'fiskil-link/server';

export const fiskil = createFiskilClient({
  clientId: env.FISKIL_CLIENT_ID ?? '',
  clientSecret: env.FISKIL_CLIENT_SECRET ?? '',
  baseUrl: env.FISKIL_API_URL,
});

/** The hosted flow's origin: the page sets the element's auth-server and allowed-origin to it. */
export const authServer = () => env.FISKIL_AUTH_SERVER;

/** The signed-in user, as your own session would know them. */
export const user = { email: 'alex@example.com', name: 'Alex Citizen' };

/** The last consent this server confirmed (a real app stores it with the user). */
export const confirmed: { consentID: string | null } = { consentID: null };
