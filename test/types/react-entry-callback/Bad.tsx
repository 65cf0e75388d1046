import { FiskilLink, type ConsentEvent } from 'fiskil-link/react';

export function Bad({ onDone }: { onDone: (id: string) => void }) {
  return (
    <FiskilLink sessionId="ses_1" onLinkError={(e: ConsentEvent) => onDone(e.detail.consentID)} />
  );
}
