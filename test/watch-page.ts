import { expect } from '@open-wc/testing';

/**
 * Records what reaches the page as an uncaught error or an unhandled
 * rejection while hostile input is thrown at the element.
 */
export function watchPage() {
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) =>
    errors.push(`unhandledrejection: ${String(event.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    /** Asserts nothing was thrown to the page, and stops watching. */
    async expectClean() {
      // Rejections are reported a task after they happen.
      await new Promise((resolve) => setTimeout(resolve, 0));
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      expect(errors, 'thrown to the page').to.deep.equal([]);
    },
  };
}
