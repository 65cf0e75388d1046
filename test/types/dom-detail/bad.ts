import 'fiskil-link';

document.querySelector('fiskil-link')?.addEventListener('link-error', (e) => {
  console.log(e.detail.reason);
});
