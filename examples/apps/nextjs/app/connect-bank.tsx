'use client';

import { useEffect, useState } from 'react';
import { useFiskilLink } from 'fiskil-link/react';
import { confirmConsent, createSession, type LinkSession } from '@/lib/session';
import { ConnectControls } from './connect-controls';

export function ConnectBank() {
  const [session, setSession] = useState<LinkSession | null>(null);
  const [opening, setOpening] = useState(false);
  const [outcome, setOutcome] = useState('');

  const { open } = useFiskilLink({
    sessionId: session?.sessionId,
    authServer: session?.authServer,
    allowedOrigin: session?.authServer,
    onConsent: async ({ consentID }) => setOutcome(await confirmConsent(consentID)),
    onError: (error) => setOutcome(`Error ${error.code}`),
  });

  // Show the flow once the hook has the new session (its own effects run first).
  useEffect(() => {
    if (!opening || !session) return;
    setOpening(false);
    open();
  }, [opening, session, open]);

  async function connect() {
    setOutcome('');
    setSession(await createSession());
    setOpening(true);
  }

  return <ConnectControls onConnect={connect} outcome={outcome} />;
}
