import { LinkError } from './errors.js';
import { mergeStrings } from './strings.js';

/** What the log and the errors read of the element: its `debug` switch and its words. */
export interface Reporter {
  debug: boolean;
  strings: unknown;
}

/** Logs `line`, prefixed `[fiskil-link]`, when `debug` is on; off, nothing. */
export function log(host: Reporter, level: 'debug' | 'info' | 'warn', line: string): void {
  if (host.debug) console[level](`[fiskil-link] ${line}`);
}

/** A `LinkError` whose `displayMessage` speaks the page's words (`strings.errors`). */
export function linkError(
  host: Reporter,
  code: string,
  message: string,
  details?: LinkError['details'],
): LinkError {
  return new LinkError(code, message, details, mergeStrings(host.strings).errors);
}
