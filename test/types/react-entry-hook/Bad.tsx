import { useFiskilLink } from 'fiskil-link/react';

export function Bad({ onDone }: { onDone: (id: string) => void }) {
  const { open } = useFiskilLink({
    sessionId: 'ses_1',
    onConsent: (detail) => onDone(detail.consentID),
    onError: (code: string) => onDone(code),
  });
  return <button onClick={open}>Connect your bank</button>;
}
