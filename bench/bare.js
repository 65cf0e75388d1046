// The control of the main-thread figure: what any page showing a hosted flow
// must do at the least, with no element: a modal <dialog> holding an <iframe>.

/** Shows `url` in a modal dialog; returns performance.now() once it is shown. */
export function showBare(url) {
  const dialog = document.createElement('dialog');
  const frame = document.createElement('iframe');
  const src = new URL(url);
  src.searchParams.set('sess_id', `ses_bare_${Math.random().toString(36).slice(2)}`);
  frame.src = src.href;
  frame.title = 'Fiskil: connect your account';
  dialog.append(frame);
  document.body.append(dialog);
  dialog.showModal();
  return performance.now();
}
