// No framework: the element and its events are typed through the DOM's own maps.
import 'fiskil-link';
import type { ConsentDetail, FiskilLink, LinkCloseRequestDetail, LinkError } from 'fiskil-link';

const link: FiskilLink | null = document.querySelector('fiskil-link');
link?.addEventListener('consent', (e) => {
  const detail: ConsentDetail = e.detail;
  console.log(detail.consentID, e.detail.redirectURL);
});
link?.addEventListener('link-error', (e) => {
  const error: LinkError = e.detail;
  console.log(error.code, error.message);
});
link?.addEventListener('link-close-request', (e) => {
  const reason: LinkCloseRequestDetail['reason'] = e.detail.reason;
  if (reason === 'close-button' || reason === 'escape') e.preventDefault();
});
const created: FiskilLink = document.createElement('fiskil-link');
created.sessionId = 'ses_1';
created.confirmClose = true;
