// A browser page as an integrator writes it against the installed package:
// typed element and events, `link()`, and the side-effect-free entry.
import { link, LinkError, type LinkResult } from 'fiskil-link';
import { LINK_ERROR_CODES, type LinkErrorCode } from 'fiskil-link/element';

const el = document.createElement('fiskil-link');
el.authServer = 'http://127.0.0.1:4010';
el.timeout = 60_000;

el.addEventListener('consent', (e) => {
  const consentID: string = e.detail.consentID;
  const redirectURL: string | undefined = e.detail.redirectURL;
  // @ts-expect-error: the field is consentID; a typo must not compile.
  console.log(consentID, redirectURL, e.detail.consentId);
});

el.addEventListener('link-error', (e) => {
  const error: LinkError = e.detail;
  const code: LinkErrorCode = error.code;
  if (code === 'LINK_INVALID_SESSION') console.warn(error.message, error.details);
});

document.body.append(el);
el.sessionId = 'ses_from_your_backend';

export async function connect(sessionId: string): Promise<string | undefined> {
  const flow = link(sessionId, { timeoutMs: 600_000, authServer: 'http://127.0.0.1:4010' });
  document.querySelector('#cancel')?.addEventListener('click', () => flow.close());
  try {
    const result: LinkResult = await flow;
    return result.consentID;
  } catch (error) {
    if (error instanceof LinkError && LINK_ERROR_CODES.includes(error.code as never))
      return undefined;
    throw error;
  }
}
