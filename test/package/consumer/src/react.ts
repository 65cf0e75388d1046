// A React app's use of the installed fiskil-link/react, type-checked (no JSX,
// so that both tsconfigs compile it as they are): the component with its typed
// callbacks and ref, and the hook. react.html builds it with Vite.
import { createElement, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { FiskilLink, useFiskilLink, type FiskilLinkElement } from 'fiskil-link/react';

function Checkout({ sessionId }: { sessionId: string | null }) {
  const ref = useRef<FiskilLinkElement>(null);
  const { open, ready, error } = useFiskilLink({
    sessionId,
    onConsent: (detail) => console.log(detail.consentID),
    onError: (failure) => console.log(failure.code, failure.displayMessage),
  });
  return createElement(
    'main',
    null,
    createElement('button', { disabled: !ready, onClick: open }, 'Connect your bank'),
    createElement(FiskilLink, {
      ref,
      sessionId: sessionId ?? '',
      preload: true,
      onConsent: (event) => console.log(event.detail.consentID),
      onLinkError: (event) => console.log(event.detail.code, error?.code),
      onLinkLoad: () => ref.current?.open(),
    }),
  );
}

export function mountCheckout(root: HTMLElement, sessionId: string | null): void {
  createRoot(root).render(createElement(Checkout, { sessionId }));
}

/** The component alone: react.html builds this, so the tag is registered by importing it (not by the hook). */
export function mountComponent(root: HTMLElement, sessionId: string): void {
  createRoot(root).render(
    createElement(FiskilLink, { sessionId, onConsent: (event) => console.log(event.detail) }),
  );
}
