import type {} from 'fiskil-link/types/solid';

// Solid: attributes and native custom-element events, typed from the manifest.
export function Good({ sessionId, onDone }: { sessionId: string; onDone: (id: string) => void }) {
  return (
    <fiskil-link
      session-id={sessionId}
      auth-server="http://127.0.0.1:4010"
      timeout={600000}
      onconsent={(e) => onDone(e.detail.consentID)}
      onlink-error={(e) => onDone(e.detail.code)}
    />
  );
}
