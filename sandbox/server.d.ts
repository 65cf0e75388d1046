// Placeholder types for `fiskil-link/sandbox` (sandbox/server.js), enough for
// the package check; the sandbox's own typings replace this file.
import type { Server } from 'node:http';

export interface SandboxOptions {
  host: string;
  port: number;
  clientId: string;
  clientSecret: string;
  webhookUrl: string | undefined;
  webhookSecret: string;
  appName: string;
  appLogo: string | undefined;
  purpose: string;
  appOrigins: string[];
  industries: ('banking' | 'energy')[];
  consentDays: number;
  tokenTtlSeconds: number;
  sessionTtlSeconds: number;
  maxBodyBytes: number;
  maxTokens: number;
  maxEndUsers: number;
  maxSessions: number;
  maxConsents: number;
  webhookMaxAttempts: number;
  webhookRetryBaseMs: number;
  webhookTimeoutMs: number;
  maxWebhookLog: number;
  log: (line: string) => void;
}

export interface Sandbox {
  readonly server: Server;
  readonly options: SandboxOptions;
  readonly webhooks: unknown;
  readonly url: string;
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

export function createSandbox(options?: Partial<SandboxOptions>): Sandbox;

export const DEFAULTS: Readonly<SandboxOptions>;
export const TEST_USERS: Readonly<Record<string, string>>;
export const TEST_PASSWORD: string;
export const TEST_OTP: string;
export const OTP_ATTEMPTS: number;
export const SIGNATURE_HEADER: string;
export function sign(body: string, secret: string): string;
export function verifySignature(
  body: string | Buffer,
  header: string | undefined | null,
  secret: string,
): boolean;
