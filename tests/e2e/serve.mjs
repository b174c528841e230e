// A tiny static file server for the end-to-end tests: serves a folder on 127.0.0.1, optionally under a sub-path.
//
// Command line: node tests/e2e/serve.mjs <folder> <port> [<prefix>]   (prefix like /some/path/)
// From a test:  const server = await serve({ root, port: 0, prefix: '/some/path/' }); … await server.stop();
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` at http://127.0.0.1:<port><prefix>; port 0 picks a free one. Resolves to
 * { url, port, stop() } once listening; stop() closes every open connection too, like a host going away.
 */
export function serve({ root, port = 0, prefix = '/' }) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(prefix)) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
    let file = normalize(join(base, path.slice(prefix.length)));
    if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const actual = server.address().port;
      done({
        port: actual,
        url: `http://127.0.0.1:${actual}${prefix}`,
        stop: () => new Promise((closed) => { server.close(() => closed()); server.closeAllConnections(); }),
      });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [root = 'dist', port = '4173', prefix = '/'] = process.argv.slice(2);
  const { url } = await serve({ root, port: Number(port), prefix });
  console.log(`serving ${resolve(root)} at ${url}`);
}
