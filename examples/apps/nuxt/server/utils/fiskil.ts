import { createFiskilClient } from 'fiskil-link/server';

/** The signed-in user; a real app takes them from its own session. */
export const user = { email: 'alex@example.com', name: 'Alex Citizen' };

/**
 * Fiskil's API client, one per server process (it caches the token). The
 * credentials are read when the first call needs a token, so a build that loads
 * this module without the environment is not stopped by it.
 */
export const fiskil = createFiskilClient({
  clientId: process.env.FISKIL_CLIENT_ID ?? '',
  clientSecret: process.env.FISKIL_CLIENT_SECRET ?? '',
  baseUrl: process.env.FISKIL_API_URL,
});

// The last consent this server confirmed; a real app stores it with the user.
let lastConsentID: string | null = null;
export const confirmedConsents = {
  last: () => lastConsentID,
  remember: (consentID: string) => void (lastConsentID = consentID),
};
