// docs/frameworks/react.md's snippet, as written there (test/node/react-docs.test.js checks it is).
'use client';
import { useState } from 'react';
import { useFiskilLink } from 'fiskil-link/react';

export function ConnectBank() {
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState('');
  const { open, ready, error } = useFiskilLink({
    sessionId, // null until your backend has answered
    onConsent: (detail) => setOutcome(`Consent ${detail.consentID} confirmed`),
    onError: (failure) => setOutcome(failure.displayMessage),
  });
  // ...get the session id from your backend (POST /v1/auth/session) into
  // setSessionId, then:
  return (
    <>
      <button disabled={!ready} onClick={open}>
        Connect your bank
      </button>
      <p role="status">{outcome}</p>
    </>
  );
}
