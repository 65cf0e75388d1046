import { confirmedConsents, fiskil, user } from '../utils/fiskil';

export default defineEventHandler(async (event) => {
  const { consentID } = (await readBody<{ consentID?: unknown }>(event)) ?? {};
  const { endUserId } = await fiskil.endUsers.ensure(user);
  // The browser's `consent` event is a claim: only Fiskil's API can confirm it.
  const confirmed =
    typeof consentID === 'string' && (await fiskil.consents.confirm({ endUserId, consentID }));
  if (confirmed) confirmedConsents.remember(consentID);
  setResponseStatus(event, confirmed ? 200 : 404);
  return { confirmed };
});
