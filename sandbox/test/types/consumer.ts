// A TypeScript consumer of `fiskil-link/sandbox`, type-checked by `npm run typecheck`
// (tsconfig.js.json) against sandbox/server.d.ts. Never run.
import type { IncomingHttpHeaders } from 'node:http';
import {
  DEFAULTS,
  EVENT_TYPES,
  SIGNATURE_HEADER,
  TEST_USERS,
  createSandbox,
  verifySignature,
  type Fault,
  type Sandbox,
  type SandboxOptions,
  type WebhookDelivery,
} from '../../server.js';

export async function consumer(headers: IncomingHttpHeaders, raw: Buffer): Promise<string> {
  const sandbox: Sandbox = createSandbox({
    port: 0,
    brandColor: '#0a7d55',
    institutions: ['sandbox-bank'],
    industries: ['banking'],
    consentDays: 90,
    tokenTtlSeconds: 5,
    faults: [{ method: 'POST', path: '/v1/token', status: 500, count: 2 }],
    log: (line: string) => void line,
  });
  const slow: Fault = sandbox.faults.add({ method: 'GET', path: '/v1/consent', delayMs: 3000 });
  const cleared: number = sandbox.faults.clear();
  void [slow.remaining, cleared, sandbox.faults.list()[0]?.retry_after];
  const url: string = await sandbox.listen(0);
  const ok: boolean = verifySignature(raw, headers, DEFAULTS.webhookSecret);
  const first: WebhookDelivery | undefined = sandbox.webhooks.deliveries[0];
  const options: SandboxOptions = sandbox.options;
  const header: 'webhook-signature' = SIGNATURE_HEADER;
  void [ok, first, options, header, EVENT_TYPES[0], TEST_USERS.user_questions];
  await sandbox.close();
  return url;
}

// @ts-expect-error: industries are 'banking' | 'energy'
createSandbox({ industries: ['telco'] });
// @ts-expect-error: a fault names its route
createSandbox({ faults: [{ status: 429 }] });
// @ts-expect-error: an unknown option
createSandbox({ brandColour: '#000000' });
// @ts-expect-error: verifySignature needs the headers, not one header string
verifySignature('{}', 'v1,abc', DEFAULTS.webhookSecret);
