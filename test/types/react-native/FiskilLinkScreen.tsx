import { useEffect, useRef } from 'react';
import { BackHandler, Linking } from 'react-native';
import { WebView, type WebViewMessageEvent } from 'react-native-webview';
import type { FiskilLinkWebViewMessage } from 'fiskil-link/webview-message';

// Where your app serves the four files of fiskil-link's dist/ (see "Load the page").
const BRIDGE_URL = 'https://app.example.com/fiskil/webview.html';

type Outcome = Extract<FiskilLinkWebViewMessage, { type: 'consent' | 'link-error' }>;

export function FiskilLinkScreen(props: {
  sessionId: string;
  /** Called once: the consent or error, or `null` if the user left before the flow started. */
  onDone: (outcome: Outcome | null) => void;
}) {
  const webView = useRef<WebView>(null);
  const state = useRef({ opened: false, done: false, outcome: null as Outcome | null });

  const done = () => {
    if (state.current.done) return;
    state.current.done = true;
    props.onDone(state.current.outcome);
  };

  // Android's back button cancels a running flow (the page then sends
  // link-error LINK_USER_CANCELLED and link-close); with none running, it leaves.
  useEffect(() => {
    const subscription = BackHandler.addEventListener('hardwareBackPress', () => {
      if (state.current.opened) {
        webView.current?.injectJavaScript('window.fiskilLinkWebView?.cancel(); true;');
      } else {
        done();
      }
      return true;
    });
    return () => subscription.remove();
  });

  const onMessage = (event: WebViewMessageEvent) => {
    if (!event.nativeEvent.url.startsWith(BRIDGE_URL)) return;
    let message: FiskilLinkWebViewMessage;
    try {
      message = JSON.parse(event.nativeEvent.data);
    } catch {
      return;
    }
    if (message?.source !== 'fiskil-link') return;
    if (message.type === 'link-open') state.current.opened = true;
    if (message.type === 'consent' || message.type === 'link-error') {
      state.current.outcome = message;
      // Bad input never opens the modal, so no link-close follows.
      if (!state.current.opened) done();
    }
    if (message.type === 'link-close') done();
  };

  const fragment = `session-id=${encodeURIComponent(props.sessionId)}`;
  return (
    <WebView
      ref={webView}
      source={{ uri: `${BRIDGE_URL}#${fragment}` }}
      onMessage={onMessage}
      originWhitelist={['https://*']}
      javaScriptEnabled
      domStorageEnabled
      thirdPartyCookiesEnabled
      sharedCookiesEnabled
      setSupportMultipleWindows
      javaScriptCanOpenWindowsAutomatically
      // An institution's own window opens in the browser, not over the flow.
      onOpenWindow={(event) => void Linking.openURL(event.nativeEvent.targetUrl)}
      allowsBackForwardNavigationGestures={false}
      contentInsetAdjustmentBehavior="never"
    />
  );
}
