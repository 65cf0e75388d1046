// The page's own words on screen: text only (never markup), in the one status
// region webview.html has, so that a screen reader announces each change. The
// region stays in the page while empty: a live region that appears with its
// text is not reliably announced.

/** Shows a first line and, optionally, a second saying more; an empty title clears both. */
export function showNotice(title: string, detail = ''): void {
  const notice = document.querySelector<HTMLElement>('#notice');
  const titleLine = document.querySelector('#notice-title');
  const detailLine = document.querySelector('#notice-detail');
  if (titleLine) titleLine.textContent = title;
  if (detailLine) detailLine.textContent = title ? detail : '';
  notice?.classList.toggle('shown', title !== '');
}

export function clearNotice(): void {
  showNotice('');
}
