// docs/frameworks/react.md's snippet, as written there (test/node/react-docs.test.js checks it is).
'use client';
import { useCallback, useRef, useState } from 'react';
import { FiskilLink, type ConsentEvent, type FiskilLinkElement } from 'fiskil-link/react';

export function Checkout({ sessionId }: { sessionId: string }) {
  const [outcome, setOutcome] = useState('');
  const flow = useRef<FiskilLinkElement>(null);
  const onConsent = useCallback(
    (event: ConsentEvent) => setOutcome(`Consent ${event.detail.consentID} confirmed`),
    [],
  );
  return (
    <>
      <FiskilLink
        ref={flow}
        sessionId={sessionId}
        authServer="https://auth.fiskil.com"
        onConsent={onConsent}
        onLinkError={(event) => setOutcome(`Error ${event.detail.code}`)}
      />
      <p role="status">{outcome}</p>
    </>
  );
}
