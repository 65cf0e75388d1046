// fiskil-link/server: the calls an integrator's backend makes around
// <fiskil-link> (docs/server.md). Standard fetch, AbortSignal and Web APIs
// only, so one file runs in Node, Deno, Bun, Workers and Next.js (Node and Edge).
import { assertServerRuntime } from './runtime-guard.js';

// Refused at load in a browser page, before any secret can be handed to it.
assertServerRuntime();

export {
  createFiskilClient,
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type FiskilClient,
  type FiskilClientOptions,
  type LinkSession,
  type LinkSessionRequest,
  type LinkSessionUser,
} from './client.js';
export type { AuthSession, AuthSessions, NewAuthSession } from './auth-sessions.js';
export type { Consent, Consents } from './consents.js';
export type { EndUser, EndUsers, NewEndUser } from './end-users.js';
export { FiskilApiError, type FiskilApiErrorInit, type FiskilClientErrorCode } from './errors.js';
export {
  CONSENT_EVENT_TYPES,
  isConsentEvent,
  parseWebhookEvent,
  type ConsentEventType,
  type ConsentWebhookEvent,
  type FiskilWebhookEvent,
  type SyncEventType,
  type SyncWebhookEvent,
} from './webhooks.js';
