import type { ErrorSentences } from './errors.js';
import { ownValue } from './own-value.js';

/** Every word the element itself shows or announces; the hosted page has its own. */
export interface FiskilLinkStrings {
  /** The dialog's accessible name. */
  dialogLabel: string;
  /** The iframe's accessible title. */
  frameTitle: string;
  /** The close control's accessible name (and the stalled notice's second button). */
  close: string;
  /** Announced, with a spinner, until the hosted page has loaded. */
  loading: string;
  /** Shown while the browser is offline. */
  offline: string;
  /** Shown when the hosted page has not loaded within `load-timeout`. */
  stalled: string;
  /** Shown when the auth server cannot be reached (offline network, DNS, refused, a proxy). */
  unreachable: string;
  /** The stalled notice's button that loads the hosted page again. */
  retry: string;
  /** The question `confirm-close` asks before a user's close ends the flow. */
  leavePrompt: string;
  /** Its answer that keeps the flow open. */
  keepGoing: string;
  /** Its answer that ends the flow (`LINK_USER_CANCELLED`). */
  leave: string;
  /** Error code → the sentence `LinkError.displayMessage` carries. */
  errors: ErrorSentences;
}

export const DEFAULT_STRINGS: FiskilLinkStrings = {
  dialogLabel: 'Connect your account',
  frameTitle: 'Fiskil: connect your account',
  close: 'Close',
  loading: 'Loading secure connection…',
  offline: "You're offline. Waiting for a connection…",
  stalled: 'The secure connection is taking too long.',
  unreachable: 'The secure connection could not be reached.',
  retry: 'Try again',
  leavePrompt: 'Leave without connecting?',
  keepGoing: 'Keep going',
  leave: 'Leave',
  errors: {},
};

/**
 * The integrator's words over the defaults: only non-empty strings count, so a
 * missing, mistyped or hostile value (a getter that throws included) leaves
 * the English word in place.
 */
export function mergeStrings(given: unknown): FiskilLinkStrings {
  const merged = { ...DEFAULT_STRINGS };
  for (const key of Object.keys(merged) as (keyof FiskilLinkStrings)[]) {
    const value = ownValue(given, key);
    const usable =
      key === 'errors'
        ? typeof value === 'object' && value !== null
        : typeof value === 'string' && value;
    if (usable) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}
