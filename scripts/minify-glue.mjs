// Minifies wasm-bindgen's JS module in dist/ with terser (8.3 -> about 4 KB brotli) and updates its integrity hash in index.html.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';
import { startTags } from './csp.mjs';

/** Rewrites the module index.html preloads; returns its size before and after, in bytes. */
export async function minifyGlue(dist) {
  const indexFile = join(dist, 'index.html');
  let html = await readFile(indexFile, 'utf8');
  const link = startTags(html, 'link').find((l) => l.attrs.rel === 'modulepreload');
  if (!link?.attrs.href) throw new Error("minify-glue: index.html has no modulepreload link; did trunk's output change?");
  const file = join(dist, link.attrs.href);
  const source = await readFile(file, 'utf8');
  // A module (top-level names stay private, exports keep their names); ES2020 as the wasm needs anyway.
  const result = await minify(source, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
  if (typeof result.code !== 'string') throw new Error(`minify-glue: terser returned nothing for ${link.attrs.href}`);
  await writeFile(file, result.code);
  // Trunk's Subresource Integrity hash must match the new bytes or the browser refuses the module.
  if (link.attrs.integrity) {
    const algorithm = link.attrs.integrity.split('-')[0];
    const digest = createHash(algorithm).update(result.code).digest('base64');
    html = html.replace(link.text, link.text.replace(link.attrs.integrity, `${algorithm}-${digest}`));
    await writeFile(indexFile, html);
  }
  return { before: Buffer.byteLength(source), after: Buffer.byteLength(result.code) };
}
