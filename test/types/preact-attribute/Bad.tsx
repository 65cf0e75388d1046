import type {} from 'fiskil-link/types/preact';

export function Bad({ onDone }: { onDone: (id: string) => void }) {
  return <fiskil-link timout={1000} onconsent={(e) => onDone(e.detail.consentID)} />;
}
