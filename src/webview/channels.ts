// The JavaScript bridges a native WebView puts on the page (docs/mobile.md).

/** What every bridge offers: one method taking one string. */
interface NativeChannel {
  postMessage(message: string): void;
}

type Lookup = (w: Record<string, unknown>) => unknown;

/** Where each platform's bridge lives: react-native-webview, WKWebView, then Android and Flutter. */
const LOOKUPS: readonly Lookup[] = [
  (w) => w.ReactNativeWebView,
  (w) =>
    (w.webkit as { messageHandlers?: Record<string, unknown> } | undefined)?.messageHandlers
      ?.fiskilLink,
  (w) => w.fiskilLink,
];

function isChannel(value: unknown): value is NativeChannel {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { postMessage?: unknown }).postMessage === 'function'
  );
}

/** The bridges on this page now; a lookup that throws (a hostile getter) counts as none. */
export function nativeChannels(w: Window = window): NativeChannel[] {
  const found: NativeChannel[] = [];
  for (const lookup of LOOKUPS) {
    try {
      const channel = lookup(w as unknown as Record<string, unknown>);
      if (isChannel(channel) && !found.includes(channel)) found.push(channel);
    } catch {
      // Not a bridge we can use.
    }
  }
  return found;
}

/**
 * Hands one string to every bridge. A bridge that throws does not stop the
 * others, and nothing is thrown back into native code: this runs inside the
 * element's event dispatch, called from whatever native code last did.
 */
export function postToNative(message: string, w: Window = window): void {
  for (const channel of nativeChannels(w)) {
    try {
      channel.postMessage(message);
    } catch (error) {
      console.error('[fiskil-link] a native channel threw', error);
    }
  }
}
