import { expect } from '@open-wc/testing';
import type { FiskilLink } from '../../src/index.js';
import { parseProviderMessage, REDIRECT_ERROR_TYPES } from '../../src/protocol.js';
import { hostedOrigin } from '../helpers.js';

// What the fuzz expects of the element for each message (test/fuzz.test.ts).

/**
 * The definition of a success, written apart from src/protocol.ts: an own
 * `isCompleted` that is exactly `true`, an own non-empty string `consentID`,
 * and no consent error type in a string `redirectURL` (docs/protocol.md, the redirect form).
 */
function isValidSuccess(data: unknown): boolean {
  if (typeof data !== 'object' || data === null) return false;
  const ownValue = (key: string) => {
    try {
      const d = Object.getOwnPropertyDescriptor(data, key);
      return d && 'value' in d ? d.value : undefined;
    } catch {
      return undefined; // a revoked or hostile proxy says nothing
    }
  };
  const redirectURL = ownValue('redirectURL');
  return (
    ownValue('isCompleted') === true &&
    typeof ownValue('consentID') === 'string' &&
    ownValue('consentID') !== '' &&
    !(typeof redirectURL === 'string' && REDIRECT_ERROR_TYPES.some((t) => redirectURL.includes(t)))
  );
}

function safeParse(data: unknown) {
  try {
    return parseProviderMessage(data);
  } catch {
    return null;
  }
}

export type Outcome =
  { type: 'consent'; consentID: string; redirectURL?: string } | { type: 'error'; code: string };

export function recordOutcomes(el: FiskilLink): Outcome[] {
  const outcomes: Outcome[] = [];
  el.addEventListener('consent', (e) =>
    outcomes.push({
      type: 'consent',
      consentID: e.detail.consentID,
      redirectURL: e.detail.redirectURL,
    }),
  );
  el.addEventListener('link-error', (e) => outcomes.push({ type: 'error', code: e.detail.code }));
  return outcomes;
}

/** What the element must do with a message from its own frame, or null when it must ignore it. */
export function expectedOutcome(data: unknown, origin: string): Outcome | null {
  const parsed = safeParse(data);
  if (!parsed) {
    expect(isValidSuccess(data), 'a valid success that the parser refused').to.equal(false);
    return null;
  }
  if (origin !== hostedOrigin) return { type: 'error', code: 'LINK_ORIGIN_MISMATCH' };
  if (parsed.kind === 'failure') return { type: 'error', code: parsed.code };
  expect(
    isValidSuccess(data),
    'the parser accepted something that is not a valid success',
  ).to.equal(true);
  return { type: 'consent', consentID: parsed.consentID, redirectURL: parsed.redirectURL };
}

/** Every own property of `target`, as text: a prototype polluted or changed compares unequal. */
export function snapshot(target: object): string {
  return Reflect.ownKeys(target)
    .map((key) => {
      const d = Object.getOwnPropertyDescriptor(target, key)!;
      return `${String(key)}:${typeof d.value}:${String(d.get)}:${String(d.set)}:${d.enumerable}`;
    })
    .join('|');
}
