// Types of `fiskil-link/sandbox` (sandbox/server.js), written by hand: the sandbox is
// plain JavaScript that runs without a build. sandbox/test/exports.test.js checks that
// every export here exists at run time, and sandbox/test/types/consumer.ts that a
// TypeScript consumer type-checks against it.
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { EventEmitter } from 'node:events';

export type Industry = 'banking' | 'energy';

/** Options of `createSandbox()`; every one has a default (see `DEFAULTS`). */
export interface SandboxOptions {
  /** Loopback address to bind. Default `127.0.0.1`. */
  host: string;
  /** Port to listen on; 0 picks a free one. Default 4010. */
  port: number;
  /** What `POST /v1/token` accepts. Default `sandbox_client_id`. */
  clientId: string;
  /** Default `sandbox_client_secret`. */
  clientSecret: string;
  /** Where webhooks are POSTed; none: no webhooks. */
  webhookUrl: string | undefined;
  /** The Standard Webhooks secret, `whsec_<base64>` of at least 8 bytes. */
  webhookSecret: string;
  /** The app's name on the hosted pages. Default `Sandbox App`. */
  appName: string;
  /** An http(s) URL of the app's logo on the hosted pages; none: a monogram. */
  appLogo: string | undefined;
  /** The hosted pages' accent colour, `#rrggbb`; button text is black or white to suit. */
  brandColor: string | undefined;
  /** Why the app asks, on the consent screen. */
  purpose: string;
  /** Origins allowed to embed the hosted flow (CSP `frame-ancestors`); empty: any. */
  appOrigins: string[];
  /** Which industries' institutions are offered. Default both. */
  industries: Industry[];
  /** Which institutions are offered, by id; none: every one of `industries`. */
  institutions: string[] | undefined;
  /** How long a consent lasts, in days (fractions allowed, for tests). Default 365. */
  consentDays: number;
  /** Bearer token lifetime. Default 3600. */
  tokenTtlSeconds: number;
  /** Auth session lifetime. Default 5 days. */
  sessionTtlSeconds: number;
  /** A request (headers and body) must arrive within this. Default 15000. */
  requestTimeoutMs: number;
  /** Default 64 KiB. */
  maxBodyBytes: number;
  /** Tokens kept; beyond it the oldest is dropped and answers `token_expired`. Default 1000. */
  maxTokens: number;
  /** Default 10000; then 429 `sandbox_limit_reached`. */
  maxEndUsers: number;
  /** Default 10000; the oldest is dropped. */
  maxSessions: number;
  /** Default 10000; then 429 `sandbox_limit_reached`. */
  maxConsents: number;
  /** Default 5. */
  webhookMaxAttempts: number;
  /** Retry n waits base × 2^(n−1). Default 1000. */
  webhookRetryBaseMs: number;
  /** Default 5000. */
  webhookTimeoutMs: number;
  /** Deliveries kept in `GET /sandbox/webhooks`. Default 500. */
  maxWebhookLog: number;
  /** Faults in force from the start (each used up by the calls it answers). Default none. */
  faults: FaultSpec[];
  /** Where the sandbox logs; default the console. */
  log: (line: string) => void;
}

/**
 * The next `count` calls to an API route answer an error `status` (429 with
 * `Retry-After: retryAfter`, default 1 s; 500; …) or, with `delayMs`, answer
 * late (and then with `status`, if one is given, else normally).
 */
export interface FaultSpec {
  /** `GET`, `POST`, `DELETE`, or `*` for any. */
  method: string;
  /** An API path, e.g. `/v1/consent`; a trailing `*` matches any rest. */
  path: string;
  /** 400 to 599. */
  status?: number;
  /** Seconds, sent as `Retry-After` (a 429 sends 1 unless told). */
  retryAfter?: number;
  delayMs?: number;
  /** How many calls it answers. Default 1. */
  count?: number;
}

/** A fault in force, as `GET /sandbox/faults` lists it. */
export interface Fault {
  id: number;
  method: string;
  path: string;
  status: number | null;
  retry_after: number | null;
  delay_ms: number | null;
  /** Calls it will still answer. */
  remaining: number;
}

export interface Faults {
  /** Adds a fault; throws (status 400) naming what is wrong with it. */
  add(spec: FaultSpec): Fault;
  list(): Fault[];
  /** Removes every fault; how many there were. */
  clear(): number;
}

export type EventType =
  | 'consent.received'
  | 'consent.updated'
  | 'consent.revoked'
  | 'consent.expired'
  | 'banking.accounts.sync.completed'
  | 'banking.transactions.sync.completed'
  | 'energy.accounts.sync.completed'
  | 'energy.usage.sync.completed';

export interface WebhookAttempt {
  at: string;
  status?: number;
  error?: string;
}

export interface WebhookDelivery {
  id: string;
  message_id: string;
  type: string;
  url: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: WebhookAttempt[];
  payload: { message_id: string; type: string; created_at: string; data: object };
}

export interface Webhooks {
  /** The delivery log (newest last), as `GET /sandbox/webhooks` answers it. */
  readonly deliveries: WebhookDelivery[];
  /** Emits `settled` with a delivery once it is delivered or given up. */
  readonly events: EventEmitter;
  /** Whether a webhook URL is configured. */
  readonly enabled: boolean;
  /** Queues one event; undefined without a webhook URL. */
  send(type: EventType | (string & {}), data: object): WebhookDelivery | undefined;
  close(): void;
}

export interface Sandbox {
  readonly server: Server;
  /** The options in force, defaults filled in. */
  readonly options: SandboxOptions;
  readonly webhooks: Webhooks;
  /** The faults in force (`POST /sandbox/faults` does the same over HTTP). */
  readonly faults: Faults;
  /** The base URL once listening (`http://127.0.0.1:4010`), else ''. */
  readonly url: string;
  /** Starts listening (port 0: a free port); resolves with the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops serving and drops pending webhook retries. */
  close(): Promise<void>;
}

/** Creates (does not start) a sandbox. Throws a TypeError naming a bad option. */
export function createSandbox(options?: Partial<SandboxOptions>): Sandbox;

export const DEFAULTS: Readonly<SandboxOptions>;

/** Usernames that steer the hosted flow to one outcome each; all take `TEST_PASSWORD`. */
export const TEST_USERS: Readonly<{
  user_good: 'good';
  user_questions: 'questions';
  user_ineligible: 'ineligible';
  user_consent_timeout: 'timeout';
  user_silent: 'silent';
}>;
export const TEST_PASSWORD: 'pass_good';
export const TEST_OTP: '123456';
export const OTP_ATTEMPTS: number;
export const SECURITY_QUESTION: string;
export const SECURITY_ANSWER: 'fiskil';
export const QUESTION_ATTEMPTS: number;

export interface Institution {
  id: string;
  name: string;
  type: Industry;
  logo: string;
  unavailable?: boolean;
}
export const INSTITUTIONS: readonly Institution[];

export const EVENT_TYPES: readonly EventType[];

/** `webhook-id` */
export const ID_HEADER: 'webhook-id';
/** `webhook-timestamp` */
export const TIMESTAMP_HEADER: 'webhook-timestamp';
/** `webhook-signature` */
export const SIGNATURE_HEADER: 'webhook-signature';
/** How far a delivery's timestamp may be from now, in seconds (300). */
export const TOLERANCE_SECONDS: number;

/** The `webhook-signature` value (`v1,<base64>`) for one delivery. */
export function sign(id: string, timestamp: number, body: string, secret: string): string;

/**
 * Verifies a delivery as a webhook receiver should: the signature over the raw body, in
 * constant time, and a timestamp within five minutes of now.
 */
export function verifySignature(
  body: string | Buffer,
  headers: Headers | IncomingHttpHeaders | Record<string, string | string[] | undefined>,
  secret: string,
  opts?: { now?: number; toleranceSeconds?: number },
): boolean;
