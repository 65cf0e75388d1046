'use client';
// useFiskilLink(): the flow as a hook, in the shape of Plaid's usePlaidLink.
// It owns one preloading <fiskil-link>, added to the page in an effect (never
// while rendering, never on a server) and removed on unmount, which ends its
// flow silently (the element dispatches nothing once it is off the page).
import { useCallback, useEffect, useInsertionEffect, useRef, useState } from 'react';
import {
  defineFiskilLink,
  LinkError,
  TAG_NAME,
  type ConsentDetail,
  type FiskilLink,
  type FiskilLinkStrings,
} from '../element.js';

/** Options of {@link useFiskilLink}. */
export interface UseFiskilLinkOptions {
  /** The auth session id from your backend; `null` or `undefined` while it has not answered. */
  sessionId: string | null | undefined;
  /** The element's `allowedOrigin` (default: the origin of `authServer`). */
  allowedOrigin?: string;
  /** The element's `authServer` (default `https://auth.fiskil.com`). */
  authServer?: string;
  /** The element's `timeout`, in milliseconds. */
  timeout?: number;
  /** The element's own words, merged over its English defaults. */
  strings?: Partial<FiskilLinkStrings>;
  /** The user completed the flow. */
  onConsent: (detail: ConsentDetail) => void;
  /** The flow failed or was cancelled, or `open()` was called with no `sessionId`. */
  onError?: (error: LinkError) => void;
  /** The modal is gone (after `onConsent` or `onError`). */
  onClose?: () => void;
}

/** What {@link useFiskilLink} returns. */
export interface UseFiskilLinkResult {
  /** Shows the flow: at once when `ready`, else with its loading state. */
  open: () => void;
  /** Ends the flow shown, as if the user closed it (`LINK_USER_CANCELLED`); nothing when none is shown. */
  cancel: () => void;
  /** The hosted flow for the current `sessionId` has loaded, hidden: `open()` shows it at once. */
  ready: boolean;
  /** The last failure: the flow's `LinkError`, or `LINK_INVALID_CONFIG` from `open()` with no `sessionId`. */
  error: LinkError | null;
}

const NO_SESSION =
  'open() was called with no sessionId. Pass the id your backend got from POST /v1/auth/session ' +
  'as the sessionId option, and call open() once it is set (disable the button until `ready`).';

type Config = Pick<UseFiskilLinkOptions, 'allowedOrigin' | 'authServer' | 'timeout'>;

/**
 * Runs the flow from a hook: `sessionId` in, `open()` out. The latest
 * callbacks are called, without remounting anything; a new `sessionId`
 * replaces the flow; under `<StrictMode>` there is still one element.
 */
export function useFiskilLink(options: UseFiskilLinkOptions): UseFiskilLinkResult {
  const { sessionId, allowedOrigin, authServer, timeout, strings } = options;
  // The options of the render React committed last (a no-op on a server).
  const latest = useRef(options);
  useInsertionEffect(() => {
    latest.current = options;
  });
  const element = useRef<FiskilLink | null>(null);
  const defaults = useRef<Required<Config>>(null);
  const shown = useRef(false);
  const openWhenMounted = useRef(false);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<LinkError | null>(null);

  // Gives the element a session id; a new one is a new flow, not ready yet.
  const setSession = useCallback((el: FiskilLink, id: string | null | undefined) => {
    const value = id ?? '';
    if (el.sessionId === value) return;
    el.sessionId = value;
    setReady(false);
    setError(null);
    if (!value) shown.current = false;
  }, []);

  const open = useCallback(() => {
    const id = latest.current.sessionId;
    if (!id) {
      const failure = new LinkError(
        'LINK_INVALID_CONFIG',
        NO_SESSION,
        undefined,
        latest.current.strings?.errors,
      );
      console.error(`[fiskil-link] useFiskilLink: ${NO_SESSION}`);
      setError(failure);
      latest.current.onError?.(failure);
      return;
    }
    const el = element.current;
    // Called from a child's effect, which runs before this hook's own.
    if (!el) {
      openWhenMounted.current = true;
      return;
    }
    // The render that gave this id may not have reached the element yet.
    setSession(el, id);
    setError(null);
    shown.current = true;
    el.open();
  }, [setSession]);

  const cancel = useCallback(() => {
    // A hidden preload is not the user's to cancel: cancelling it would report LINK_USER_CANCELLED.
    if (shown.current) element.current?.cancel();
  }, []);

  useEffect(() => {
    defineFiskilLink();
    const el = document.createElement(TAG_NAME);
    defaults.current = {
      allowedOrigin: el.allowedOrigin,
      authServer: el.authServer,
      timeout: el.timeout,
    };
    el.preload = true;
    configure(el, latest.current, defaults.current);
    setSession(el, latest.current.sessionId);
    el.strings = latest.current.strings ?? {};
    el.addEventListener('link-load', () => setReady(true));
    el.addEventListener('link-open', () => {
      shown.current = true;
    });
    el.addEventListener('consent', (event) => {
      setReady(false);
      latest.current.onConsent(event.detail);
    });
    el.addEventListener('link-error', (event) => {
      setReady(false);
      setError(event.detail);
      latest.current.onError?.(event.detail);
    });
    el.addEventListener('link-close', () => {
      shown.current = false;
      latest.current.onClose?.();
    });
    document.body.append(el);
    element.current = el;
    if (openWhenMounted.current) {
      openWhenMounted.current = false;
      open();
    }
    return () => {
      element.current = null;
      shown.current = false;
      el.remove();
      setReady(false);
    };
  }, [open, setSession]);

  useEffect(() => {
    const el = element.current;
    if (!el || !defaults.current) return;
    configure(el, { allowedOrigin, authServer, timeout }, defaults.current);
    setSession(el, sessionId);
  }, [sessionId, allowedOrigin, authServer, timeout, setSession]);

  useEffect(() => {
    if (element.current) element.current.strings = strings ?? {};
  }, [strings]);

  return { open, cancel, ready, error };
}

/** The element's configuration; an option left out has the element's default. */
function configure(el: FiskilLink, config: Config, defaults: Required<Config>): void {
  el.allowedOrigin = config.allowedOrigin ?? defaults.allowedOrigin;
  el.authServer = config.authServer ?? defaults.authServer;
  el.timeout = config.timeout ?? defaults.timeout;
}
