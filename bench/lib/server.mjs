// The benchmark's static host: dist/ at the root, plus the generated control and Recogito pages and Recogito's files under /bench/.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};
const RECOGITO = 'node_modules/@recogito/text-annotator/dist';
// The UMD build still reads process.env.NODE_ENV (nanostores); a bundler would replace it with 'production', the page script does.
const FILES = {
  '/bench/text-annotator.umd.js': `${RECOGITO}/text-annotator.umd.js`,
  '/bench/text-annotator.css': `${RECOGITO}/text-annotator.css`,
  '/bench/recogito-harness.js': 'bench/pages/recogito-harness.js',
};
const TEMPLATE = readFileSync('bench/pages/page.html', 'utf8');

/** Serves on 127.0.0.1:`port`; `page(name, spec)` adds a generated page at /bench/<name>. */
export function startServer(port, root = 'dist') {
  const dist = resolve(root);
  // A blank page of the app's origin, where the runner seeds localStorage before opening the measured page.
  const pages = new Map([['/bench/seed.html', '<!DOCTYPE html><meta charset="utf-8"><title>Marginalia benchmark: seeding storage</title>']]);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    try {
      let body;
      let file;
      if (pages.has(path)) {
        body = pages.get(path);
        file = path;
      } else if (FILES[path]) {
        file = FILES[path];
        body = await readFile(file);
      } else {
        file = normalize(join(dist, path));
        if (!file.startsWith(dist)) throw new Error('outside');
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        body = await readFile(file);
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ready) => server.listen(port, '127.0.0.1', () => ready({
    page(name, { kind, style, article, recogito = false }) {
      const html = TEMPLATE
        .replace('{{KIND}}', kind)
        .replace('{{STYLE}}', style)
        .replace('{{HEAD}}', recogito ? '<link rel="stylesheet" href="/bench/text-annotator.css">' : '')
        .replace('{{SCRIPT}}', recogito ? '<script>window.process = { env: { NODE_ENV: \'production\' } };</script><script src="/bench/text-annotator.umd.js"></script><script src="/bench/recogito-harness.js"></script>' : '')
        .replace('{{ARTICLE}}', () => article);
      pages.set(`/bench/${name}`, html);
    },
    close: () => server.close(),
  })));
}
