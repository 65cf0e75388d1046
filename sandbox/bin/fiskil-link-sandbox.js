#!/usr/bin/env node
// @ts-check
// `npx fiskil-link-sandbox`: a local Fiskil (hosted consent flow + API) for development and tests.
import { parseArgs } from 'node:util';
import { parseFault } from '../faults.js';
import { DEFAULTS, INSTITUTIONS, createSandbox, TEST_OTP, TEST_PASSWORD } from '../server.js';

const HELP = `Usage: fiskil-link-sandbox [options]

A local stand-in for Fiskil: the hosted consent flow and its API, on loopback.

  --port <n>             port to listen on (default ${DEFAULTS.port}; 0 picks a free one)
  --host <addr>          loopback address to bind (default ${DEFAULTS.host})
  --client-id <id>       API client id (default ${DEFAULTS.clientId})
  --client-secret <s>    API client secret (default ${DEFAULTS.clientSecret})
  --webhook-url <url>    where webhooks (consent.*, *.sync.completed) are POSTed
  --webhook-secret <s>   Standard Webhooks secret, whsec_<base64> (default ${DEFAULTS.webhookSecret})
  --app-name <name>      the app name shown on the hosted pages (default "${DEFAULTS.appName}")
  --app-logo <url>       the app logo shown on the hosted pages
  --brand-color <#hex>   the hosted pages' accent colour, as #rrggbb
  --purpose <text>       why the app asks, on the consent screen
  --consent-days <n>     how long a consent lasts (default ${DEFAULTS.consentDays})
  --app-origin <origin>  an origin allowed to embed the flow (repeatable; default: any)
  --industries <list>    banking,energy (default both)
  --institutions <ids>   only these institutions, comma-separated (${INSTITUTIONS.map((i) => i.id).join(', ')})
  --token-ttl <s>        bearer token lifetime in seconds (default ${DEFAULTS.tokenTtlSeconds})
  --fault <spec>         the next calls to a route fail or answer late (repeatable), e.g.
                         "POST /v1/token 500x2", "GET /v1/consent 429:5x3", "GET /v1/consent slow:3000"
  -h, --help             show this help
`;

/** @param {string} msg @returns {never} */
function fail(msg) {
  console.error(`fiskil-link-sandbox: ${msg}\n\n${HELP}`);
  process.exit(2);
}

function parse() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'client-id': { type: 'string' },
        'client-secret': { type: 'string' },
        'webhook-url': { type: 'string' },
        'webhook-secret': { type: 'string' },
        'app-name': { type: 'string' },
        'app-logo': { type: 'string' },
        'app-origin': { type: 'string', multiple: true },
        industries: { type: 'string' },
        'brand-color': { type: 'string' },
        purpose: { type: 'string' },
        'consent-days': { type: 'string' },
        institutions: { type: 'string' },
        'token-ttl': { type: 'string' },
        fault: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
}
const values = parse();
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const port = values.port === undefined ? DEFAULTS.port : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`--port must be 0–65535, not "${values.port}"`);
const host = values.host ?? DEFAULTS.host;
if (!['127.0.0.1', 'localhost', '::1'].includes(host))
  fail('--host must be a loopback address (127.0.0.1, localhost or ::1)');
/** @param {string} v @param {string} flag */
const origin = (v, flag) => {
  try {
    const u = new URL(v);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
    return flag === '--webhook-url' || flag === '--app-logo' ? u.href : u.origin;
  } catch {
    return fail(`${flag} must be an http(s) URL, not "${v}"`);
  }
};
const industries = (values.industries ?? 'banking,energy').split(',').map((s) => s.trim());
if (!industries.length || industries.some((i) => i !== 'banking' && i !== 'energy'))
  fail('--industries takes banking, energy or both');

const consentDays =
  values['consent-days'] === undefined ? undefined : Number(values['consent-days']);
if (consentDays !== undefined && !(consentDays > 0))
  fail(`--consent-days must be a positive number, not "${values['consent-days']}"`);

const tokenTtlSeconds = values['token-ttl'] === undefined ? undefined : Number(values['token-ttl']);
if (tokenTtlSeconds !== undefined && !(Number.isInteger(tokenTtlSeconds) && tokenTtlSeconds > 0))
  fail(`--token-ttl must be a whole number of seconds above 0, not "${values['token-ttl']}"`);

const faults = (values.fault ?? []).map((spec) => {
  try {
    return parseFault(spec);
  } catch (e) {
    return fail(`--fault ${e instanceof Error ? e.message : String(e)}`);
  }
});

/** @returns {ReturnType<typeof createSandbox>} */
function create() {
  try {
    return createSandbox({
      port,
      host,
      clientId: values['client-id'],
      clientSecret: values['client-secret'],
      webhookUrl: values['webhook-url'] && origin(values['webhook-url'], '--webhook-url'),
      webhookSecret: values['webhook-secret'],
      appName: values['app-name'],
      appLogo: values['app-logo'] && origin(values['app-logo'], '--app-logo'),
      appOrigins: (values['app-origin'] ?? []).map((v) => origin(v, '--app-origin')),
      industries: /** @type {('banking' | 'energy')[]} */ (industries),
      brandColor: values['brand-color'],
      purpose: values.purpose,
      consentDays,
      institutions: values.institutions?.split(',').map((s) => s.trim()),
      tokenTtlSeconds,
      faults,
    });
  } catch (e) {
    // createSandbox names the option; say it as the flag.
    return fail(
      (e instanceof Error ? e.message : String(e)).replace(
        /^createSandbox: option "(\w+)"/,
        (_, name) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
      ),
    );
  }
}
const sandbox = create();

try {
  await sandbox.listen();
} catch (e) {
  // Not a usage mistake, so no --help: one line saying what to change.
  const code = /** @type {NodeJS.ErrnoException} */ (e).code;
  console.error(
    code === 'EADDRINUSE'
      ? `fiskil-link-sandbox: port ${port} on ${host} is in use; pick another with --port <n> (0 picks a free one)`
      : `fiskil-link-sandbox: cannot listen on ${host}:${port}: ${e instanceof Error ? e.message : String(e)}`,
  );
  process.exit(2);
}
const o = sandbox.options;
console.log(`Fiskil sandbox listening on ${sandbox.url}

  hosted flow    ${sandbox.url}/?sess_id=<session_id>   (auth-server="${sandbox.url}")
  API            ${sandbox.url}/v1/…
  client         client_id=${o.clientId} client_secret=${o.clientSecret}
  webhooks       ${o.webhookUrl ? `${o.webhookUrl} (Standard Webhooks, secret ${o.webhookSecret})` : 'off (--webhook-url)'}
  faults         ${
    sandbox.faults
      .list()
      .map((f) => `${f.method} ${f.path} ${f.status ?? `slow ${f.delay_ms} ms`} ×${f.remaining}`)
      .join(', ') || 'none (--fault, POST /sandbox/faults)'
  }
  test login     user_good / ${TEST_PASSWORD}, one-time code ${TEST_OTP} (user_questions: answer "fiskil")

Ctrl-C to stop.`);

const stop = () => sandbox.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
