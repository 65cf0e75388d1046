import { FiskilLink } from 'fiskil-link/react';

export function Bad({ onDone }: { onDone: (id: string) => void }) {
  return <FiskilLink sesionId="ses_1" onConsent={(e) => onDone(e.detail.consentID)} />;
}
