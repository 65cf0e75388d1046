'use client';

import { useEffect, useState } from 'react';
import { useFiskilLink } from 'fiskil-link/react';
import { confirmConsent, createSession, type LinkSession } from '@/lib/session';
import { ConnectControls } from './connect-controls';

export function ConnectBank() {
  const [session, setSession] = useState<LinkSession | null>(null);
  const [outcome, setOutcome] = useState('');

  const { open } = useFiskilLink({
    sessionId: session?.sessionId,
    authServer: session?.authServer,
    allowedOrigin: session?.authServer,
    onConsent: async ({ consentID }) => setOutcome(await confirmConsent(consentID)),
    onError: (error) => setOutcome(`Error ${error.code}`),
  });

  // Each click gets a new session: show its flow once the hook has it (the hook's effects run first).
  useEffect(() => {
    if (session) open();
  }, [session, open]);

  async function connect() {
    setOutcome('');
    setSession(await createSession());
  }

  return <ConnectControls onConnect={connect} outcome={outcome} />;
}
