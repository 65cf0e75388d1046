'use client';

import { useCallback, useState } from 'react';
import { FiskilLink, type ConsentEvent, type LinkErrorEvent } from 'fiskil-link/react';
import { confirmConsent, createSession, type LinkSession } from '@/lib/session';
import { ConnectControls } from '../connect-controls';

export function ConnectWithComponent() {
  const [session, setSession] = useState<LinkSession | null>(null);
  const [outcome, setOutcome] = useState('');

  // Stable handlers: <FiskilLink> adds them as listeners, so they run after hydration too.
  const onConsent = useCallback(async (event: ConsentEvent) => {
    setOutcome(await confirmConsent(event.detail.consentID));
  }, []);
  const onLinkError = useCallback((event: LinkErrorEvent) => {
    setOutcome(`Error ${event.detail.code}`);
  }, []);

  async function connect() {
    setOutcome('');
    // A new session id starts its flow at once.
    setSession(await createSession());
  }

  return (
    <>
      <ConnectControls onConnect={connect} outcome={outcome} />
      <FiskilLink
        sessionId={session?.sessionId ?? ''}
        authServer={session?.authServer}
        allowedOrigin={session?.authServer}
        onConsent={onConsent}
        onLinkError={onLinkError}
      />
    </>
  );
}
