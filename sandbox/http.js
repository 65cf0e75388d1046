// @ts-check
// HTTP plumbing shared by every route: the error type, JSON bodies in and out, and
// the checks on fields, query parameters and where a request comes from.
import { randomBytes } from 'node:crypto';

/** An error the client caused; answered as `{ name, id, message, ...extra }` with `status`. */
export class ApiError extends Error {
  /** @param {number} status @param {string} name @param {string} message @param {object} [extra] */
  constructor(status, name, message, extra) {
    super(message);
    this.status = status;
    this.code = name;
    this.extra = extra;
  }
}

/** @param {string} prefix */
export const rid = (prefix, bytes = 12) => `${prefix}_${randomBytes(bytes).toString('hex')}`;
export const nowSec = () => Math.floor(Date.now() / 1000);

/** @param {import('node:http').IncomingMessage} req */
const mediaType = (req) =>
  String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();

/**
 * Reads a JSON object body of at most `maxBytes` (an empty body reads as `{}`).
 * @param {import('node:http').IncomingMessage} req
 * @param {number} maxBytes
 * @returns {Promise<Record<string, any>>}
 */
export async function readJson(req, maxBytes) {
  const tooLarge = () =>
    new ApiError(413, 'payload_too_large', `Request bodies are limited to ${maxBytes} bytes.`);
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) throw tooLarge();
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  if (mediaType(req) !== 'application/json')
    throw new ApiError(
      415,
      'unsupported_media_type',
      'Send JSON with Content-Type: application/json.',
    );
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new ApiError(400, 'invalid_request', 'The request body must be a JSON object.');
  return body;
}

/** @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} body */
export function sendJson(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * A string field of a JSON body, checked.
 * @param {Record<string, any>} body @param {string} key
 * @param {{ required?: boolean; max?: number; pattern?: RegExp; hint?: string }} [rule]
 * @returns {string | undefined}
 */
export function field(body, key, rule = {}) {
  const v = body[key];
  if (v === undefined || v === null || v === '') {
    if (rule.required)
      throw new ApiError(400, 'invalid_request', `The field "${key}" is required.`);
    return undefined;
  }
  if (typeof v !== 'string')
    throw new ApiError(400, 'invalid_request', `The field "${key}" must be a string.`);
  if (v.length > (rule.max ?? 256))
    throw new ApiError(400, 'invalid_request', `The field "${key}" is too long.`);
  if (rule.pattern && !rule.pattern.test(v))
    throw new ApiError(
      400,
      'invalid_request',
      `The field "${key}" is not valid${rule.hint ? `: ${rule.hint}` : ''}.`,
    );
  return v;
}

/**
 * A query parameter.
 * @overload @param {URL} url @param {string} key @param {true} [required] @returns {string}
 * @overload @param {URL} url @param {string} key @param {false} required @returns {string | undefined}
 * @param {URL} url @param {string} key @param {boolean} [required]
 */
export function query(url, key, required = true) {
  const v = url.searchParams.get(key);
  if (required && !v)
    throw new ApiError(400, 'invalid_request', `The query parameter "${key}" is required.`);
  return v || undefined;
}

/**
 * Refuses a request to the hosted flow's own API that its pages would not send: any
 * request another site's page made (Sec-Fetch-Site, Origin), and a POST without a JSON
 * content type, which no page may send cross-site without a CORS preflight (which the
 * sandbox never grants). So a page that learns a session id cannot drive the session.
 * @param {import('node:http').IncomingMessage} req
 */
export function requireOwnPage(req) {
  const site = req.headers['sec-fetch-site'];
  const origin = req.headers.origin;
  const own = `http://${req.headers.host ?? ''}`;
  const why =
    site !== undefined && site !== 'same-origin'
      ? `a ${site} request`
      : origin !== undefined && origin !== own
        ? `a request from ${origin}`
        : req.method === 'POST' && mediaType(req) !== 'application/json'
          ? 'a POST without Content-Type: application/json'
          : undefined;
  if (why)
    throw new ApiError(
      403,
      'forbidden',
      `The hosted flow's API answers only the sandbox's own pages, not ${why}.`,
    );
}
