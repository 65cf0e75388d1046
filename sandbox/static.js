// @ts-check
// The files the sandbox serves: the hosted page (with its config, import map and
// frame-ancestors CSP), its scripts and styles, Lit from node_modules, the return pages.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiError } from './http.js';

const HOSTED_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'hosted');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Locates the Lit packages so the hosted pages can import them by bare name (no bundler at runtime). */
function vendorPackages() {
  const pkgRoot = (/** @type {NodeJS.Require} */ req, /** @type {string} */ name) => {
    let dir = path.dirname(req.resolve(name));
    while (!dir.endsWith(path.join('node_modules', name))) dir = path.dirname(dir);
    return dir;
  };
  const req = createRequire(import.meta.url);
  const lit = pkgRoot(req, 'lit');
  const fromLit = createRequire(path.join(lit, 'package.json'));
  return /** @type {Record<string, string>} */ ({
    lit,
    'lit-html': pkgRoot(fromLit, 'lit-html'),
    'lit-element': pkgRoot(fromLit, 'lit-element'),
    '@lit/reactive-element': pkgRoot(fromLit, '@lit/reactive-element'),
  });
}

const IMPORT_MAP = JSON.stringify({
  imports: {
    lit: '/vendor/lit/index.js',
    'lit/': '/vendor/lit/',
    'lit-html': '/vendor/lit-html/lit-html.js',
    'lit-html/': '/vendor/lit-html/',
    'lit-element/': '/vendor/lit-element/',
    '@lit/reactive-element': '/vendor/@lit/reactive-element/reactive-element.js',
    '@lit/reactive-element/': '/vendor/@lit/reactive-element/',
  },
});

/** @param {import('node:http').ServerResponse} res @param {string} file */
async function sendFile(res, file) {
  let body;
  try {
    body = await readFile(file);
  } catch {
    throw new ApiError(404, 'not_found', 'No such file.');
  }
  res.writeHead(200, {
    'content-type':
      TYPES[/** @type {keyof typeof TYPES} */ (path.extname(file))] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

/** @param {{ appOrigins: string[] }} o */
export function createStatic(o) {
  const vendor = vendorPackages();

  /** @param {import('node:http').ServerResponse} res */
  async function sendHostedPage(res) {
    const config = JSON.stringify({ app_origins: o.appOrigins }).replace(/</g, '\\u003c');
    const html = (await readFile(path.join(HOSTED_DIR, 'index.html'), 'utf8'))
      .replace(
        '<!--config-->',
        `<script type="application/json" id="sandbox-config">${config}</script>`,
      )
      .replace('<!--importmap-->', `<script type="importmap">${IMPORT_MAP}</script>`);
    /** @type {Record<string, string>} */
    const headers = {
      'content-type': TYPES['.html'],
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    };
    if (o.appOrigins.length)
      headers['content-security-policy'] = `frame-ancestors 'self' ${o.appOrigins.join(' ')}`;
    res.writeHead(200, headers);
    res.end(html);
  }

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res @param {string} pathname */
  return async function serveStatic(req, res, pathname) {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      throw new ApiError(405, 'method_not_allowed', `${req.method} is not allowed here.`);
    if (pathname === '/' || pathname === '/index.html') return sendHostedPage(res);
    if (pathname === '/complete' || pathname === '/cancel')
      return sendFile(res, path.join(HOSTED_DIR, 'return.html'));
    const m = /^\/(hosted|vendor)\/(.+)$/.exec(pathname);
    if (m && !pathname.includes('..') && /\.(js|css|svg)$/.test(pathname)) {
      if (m[1] === 'hosted') return sendFile(res, path.join(HOSTED_DIR, m[2]));
      const pkg = Object.keys(vendor).find((name) => m[2].startsWith(`${name}/`));
      if (pkg) return sendFile(res, path.join(vendor[pkg], m[2].slice(pkg.length + 1)));
    }
    throw new ApiError(404, 'not_found', `Nothing is served at ${pathname}.`);
  };
}
