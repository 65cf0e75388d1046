import { useRef } from 'react';
import { FiskilLink, useFiskilLink, type FiskilLinkElement } from 'fiskil-link/react';

// fiskil-link/react: the component's props and callbacks, the hook's options and result.
export function Good({
  sessionId,
  onDone,
}: {
  sessionId: string | null;
  onDone: (id: string) => void;
}) {
  const ref = useRef<FiskilLinkElement>(null);
  const { open, cancel, ready, error } = useFiskilLink({
    sessionId,
    authServer: 'http://127.0.0.1:4010',
    allowedOrigin: 'http://127.0.0.1:4010',
    timeout: 600000,
    strings: { close: 'Fermer', errors: { LINK_TIMEOUT: 'Trop tard.' } },
    onConsent: (detail) => onDone(detail.consentID),
    onError: (failure) => onDone(`${failure.code} ${failure.displayMessage} ${failure.retryable}`),
    onClose: () => onDone('closed'),
  });
  return (
    <>
      <button disabled={!ready} onClick={open}>
        Connect your bank
      </button>
      <button onClick={cancel}>{error?.code}</button>
      <FiskilLink
        ref={ref}
        sessionId={sessionId ?? ''}
        authServer="http://127.0.0.1:4010"
        allowedOrigin="http://127.0.0.1:4010"
        timeout={600000}
        preload
        debug={false}
        strings={{ close: 'Fermer' }}
        className="flow"
        onConsent={(e) => onDone(e.detail.consentID)}
        onLinkError={(e) => onDone(e.detail.code)}
        onLinkOpen={(e) => onDone(e.type)}
        onLinkLoad={() => ref.current?.open()}
        onLinkClose={() => ref.current?.cancel()}
      />
    </>
  );
}
