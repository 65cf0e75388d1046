// Runs the example: server.js's two API routes, and the page (index.html, the
// README's Usage page) with the element's file at the path the page asks for.
//   FISKIL_API_URL=http://127.0.0.1:4010 FISKIL_CLIENT_ID=sandbox_client_id \
//   FISKIL_CLIENT_SECRET=sandbox_client_secret node examples/node-backend/main.js
import { createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { api } from './server.js';

/** What the page loads: itself, and the package's self-contained file (`npm run build` makes it). */
const FILES = {
  '/': ['./index.html', 'text/html'],
  '/node_modules/fiskil-link/dist/fiskil-link.js': ['../../dist/fiskil-link.js', 'text/javascript'],
};

/** The example's server, not yet listening. */
export function createExample() {
  return createServer((req, res) => {
    api(req, res)
      .then((handled) => {
        if (handled !== false) return;
        const file =
          FILES[/** @type {keyof typeof FILES} */ (new URL(req.url ?? '/', 'http://x').pathname)];
        if (req.method !== 'GET' || !file) return void res.writeHead(404).end();
        res.writeHead(200, { 'Content-Type': `${file[1]}; charset=utf-8` });
        createReadStream(fileURLToPath(new URL(file[0], import.meta.url))).pipe(res);
      })
      .catch((error) => {
        console.error(error);
        if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: 'fiskil_unavailable' }));
      });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 3000);
  createExample().listen(port, '127.0.0.1', () =>
    console.log(`The example page: http://127.0.0.1:${port}/`),
  );
}
