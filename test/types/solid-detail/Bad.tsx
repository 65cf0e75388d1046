import type {} from 'fiskil-link/types/solid';

export function Bad({ onDone }: { onDone: (id: string) => void }) {
  return <fiskil-link session-id="ses_1" onconsent={(e) => onDone(e.detail.consentId)} />;
}
