// The client of fiskil-link/server against an in-process sandbox, with every
// request it sends on record, so a test can count token requests and attempts.
import { after } from 'node:test';
import { createFiskilClient } from 'fiskil-link/server';
import { startSandbox } from '../../../sandbox/test/helpers.js';

/**
 * A sandbox for one test file (closed after it), and clients of it whose
 * requests are recorded as `METHOD /path -> status`.
 */
export async function clientOfSandbox(sandboxOptions = {}) {
  const sb = await startSandbox(sandboxOptions);
  after(() => sb.sandbox.close());
  const { clientId, clientSecret } = sb.sandbox.options;

  /** A client (its options over the sandbox's) and the log of what it sent. */
  function client(options = {}) {
    const sent = [];
    const recordingFetch = async (input, init) => {
      const url = new URL(String(input));
      const entry = { call: `${init?.method ?? 'GET'} ${url.pathname}`, status: 0 };
      sent.push(entry);
      const response = await fetch(input, init);
      entry.status = response.status;
      return response;
    };
    const fiskil = createFiskilClient({
      clientId,
      clientSecret,
      baseUrl: sb.url,
      fetch: recordingFetch,
      ...options,
    });
    /** How many requests went to `call` (e.g. `POST /v1/token`), and with which statuses. */
    const to = (call) => sent.filter((e) => e.call === call).map((e) => e.status);
    return { fiskil, sent, to };
  }

  return { sb, client, clientSecret };
}
