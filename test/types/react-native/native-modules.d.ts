// Just enough of react-native and react-native-webview to type-check the
// snippet in docs/mobile-react-native.md: their real types are not installed here. Each
// member is declared as the libraries document it.
declare module 'react-native' {
  export const BackHandler: {
    addEventListener(event: 'hardwareBackPress', handler: () => boolean): { remove(): void };
  };
  export const Linking: { openURL(url: string): Promise<void> };
}

declare module 'react-native-webview' {
  import type { Component } from 'react';

  export interface WebViewMessageEvent {
    nativeEvent: { data: string; url: string };
  }
  export interface WebViewOpenWindowEvent {
    nativeEvent: { targetUrl: string };
  }
  export interface WebViewProps {
    source: { uri: string };
    onMessage?: (event: WebViewMessageEvent) => void;
    onOpenWindow?: (event: WebViewOpenWindowEvent) => void;
    originWhitelist?: string[];
    javaScriptEnabled?: boolean;
    domStorageEnabled?: boolean;
    thirdPartyCookiesEnabled?: boolean;
    sharedCookiesEnabled?: boolean;
    setSupportMultipleWindows?: boolean;
    javaScriptCanOpenWindowsAutomatically?: boolean;
    allowsBackForwardNavigationGestures?: boolean;
    contentInsetAdjustmentBehavior?: 'automatic' | 'scrollableAxes' | 'never' | 'always';
  }
  export class WebView extends Component<WebViewProps> {
    injectJavaScript(script: string): void;
  }
}
