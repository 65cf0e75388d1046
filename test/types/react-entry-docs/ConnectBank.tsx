// docs/frameworks/react.md's snippet, as written there (test/node/react-docs.test.js checks it is).
'use client';
import { useEffect, useState } from 'react';
import { useFiskilLink } from 'fiskil-link/react';

export function ConnectBank() {
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState('');
  const { open, ready, error } = useFiskilLink({
    sessionId, // null until your backend has answered
    onConsent: (detail) => setOutcome(`Consent ${detail.consentID} confirmed`),
  });
  useEffect(() => {
    // Your backend makes the auth session (POST /v1/auth/session) and answers its id.
    fetch('/api/session', { method: 'POST' })
      .then((response) => response.json())
      .then((body: { sessionId: string }) => setSessionId(body.sessionId));
  }, []);
  return (
    <>
      <button disabled={!ready} onClick={open}>
        Connect your bank
      </button>
      <p role="status">{error ? error.displayMessage : outcome}</p>
    </>
  );
}
