import { connection } from 'next/server';
import { fiskil, user } from '@/lib/fiskil';

// The last consent this server confirmed; a real app stores it with the user.
let lastConsentID: string | null = null;

export async function POST(request: Request) {
  const { consentID } = await request.json().catch(() => ({}));
  const { endUserId } = await fiskil.endUsers.ensure(user);
  // The browser's `consent` event is a claim: only Fiskil's API can confirm it.
  const confirmed =
    typeof consentID === 'string' && (await fiskil.consents.confirm({ endUserId, consentID }));
  if (confirmed) lastConsentID = consentID;
  return Response.json({ confirmed }, { status: confirmed ? 200 : 404 });
}

export async function GET() {
  // With Cache Components a GET handler is prerendered at build unless it waits for a request.
  await connection();
  return Response.json({ consentID: lastConsentID });
}
