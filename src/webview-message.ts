// The package's `fiskil-link/webview-message` entry (dist/webview-message.d.ts):
// the messages of the mobile bridge page, whose code lives in src/webview/.
export * from './webview/message.js';
