import type { FlowConfig } from './config.js';
import type { LinkError } from './errors.js';
import type { ConsentDetail } from './protocol.js';

/**
 * Where a flow is in its life (docs/state.md draws it):
 * `hidden` (preloaded, not asked to show) → `showing` (the modal goes up on the
 * next update) → `open` → ended, or `lingering` after an invalid session (its
 * outcome is out; the modal stays for the user to read the hosted page).
 */
export type Phase = 'hidden' | 'showing' | 'open' | 'lingering';

/** How a flow ends: with its outcome, closed after a lingering outcome, or silently (replaced, removed). */
export type End = LinkError | ConsentDetail | 'closed' | 'silent';

/**
 * The iframe's document: `stalled` once `loadTimeout` passed first,
 * `unreachable` once the auth server could not be reached ("Try again" loads it anew).
 */
export type Load = 'loading' | 'stalled' | 'unreachable' | 'loaded';

/**
 * One run of the hosted flow, on its resolved configuration. Its signal owns
 * every listener and timer it started.
 */
export interface Flow extends Readonly<Extract<FlowConfig, { ok: true }>> {
  readonly url: string;
  readonly abort: AbortController;
  phase: Phase;
  load: Load;
  /** Settles once the reachability check of the current frame has (docs/diagnostics.md). */
  reached?: Promise<unknown>;
  /** When the modal went up (`fiskil-link:open`). */
  opened?: number;
  /**
   * The flow's iframe, made by `newFrame` and placed by the view: a new one is
   * a new document ("Try again"). Held, so a window message needs no query.
   */
  frame: HTMLIFrameElement;
}

/** The modal is up: the flow is shown, or lingers after an invalid session. */
export const onScreen = (phase?: Phase): boolean => phase == 'open' || phase == 'lingering';

/** The hosted page did not come: "Try again" and "Close" are offered. */
export const failed = (flow?: Flow): flow is Flow =>
  flow?.load == 'stalled' || flow?.load == 'unreachable';

/** Runs `run` after `ms` unless `signal` aborts first. */
export function after(signal: AbortSignal, ms: number, run: () => void): void {
  const timer = setTimeout(run, ms);
  signal.addEventListener('abort', () => clearTimeout(timer));
}

/**
 * The one place an iframe is made: `part`, then the `src` property (a test
 * kit may intercept that setter). A new element is a new document ("Try again").
 */
export function newFrame(
  url: string,
  onLoad: (frame: HTMLIFrameElement) => void,
): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.setAttribute('part', 'frame');
  frame.src = url;
  frame.addEventListener('load', () => onLoad(frame));
  return frame;
}
