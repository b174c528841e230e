// Minifies wasm-bindgen's JS module in dist/ with terser, shortens the wasm's import names in both files, and updates their integrity hashes in index.html.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';
import { startTags } from './csp.mjs';
import { shortImports } from './short-imports.mjs';

/** Rewrites the module and the wasm index.html preloads; returns the module's size before and after, in bytes. */
export async function minifyGlue(dist) {
  const indexFile = join(dist, 'index.html');
  let html = await readFile(indexFile, 'utf8');
  const links = startTags(html, 'link');
  // The app's own module; wasm-bindgen snippets (./snippets/…) are preloaded too and left as they are.
  const jsLink = links.find((l) => l.attrs.rel === 'modulepreload' && !l.attrs.href?.includes('/snippets/'));
  const wasmLink = links.find((l) => l.attrs.rel === 'preload' && l.attrs.type === 'application/wasm');
  if (!jsLink?.attrs.href || !wasmLink?.attrs.href) throw new Error("minify-glue: index.html has no modulepreload or wasm preload link; did trunk's output change?");
  const jsFile = join(dist, jsLink.attrs.href);
  const wasmFile = join(dist, wasmLink.attrs.href);
  const source = await readFile(jsFile, 'utf8');
  const short = shortImports(await readFile(wasmFile), source);
  // A module (top-level names stay private, exports keep their names); ES2020 as the wasm needs anyway.
  const result = await minify(short.js, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
  if (typeof result.code !== 'string') throw new Error(`minify-glue: terser returned nothing for ${jsLink.attrs.href}`);
  await writeFile(jsFile, result.code);
  await writeFile(wasmFile, short.wasm);
  // Trunk's Subresource Integrity hashes must match the new bytes or the browser refuses them.
  for (const [link, bytes] of [[jsLink, result.code], [wasmLink, short.wasm]]) {
    if (!link.attrs.integrity) continue;
    const algorithm = link.attrs.integrity.split('-')[0];
    const digest = createHash(algorithm).update(bytes).digest('base64');
    html = html.replace(link.text, link.text.replace(link.attrs.integrity, `${algorithm}-${digest}`));
  }
  await writeFile(indexFile, html);
  return { before: Buffer.byteLength(source), after: Buffer.byteLength(result.code), renamed: short.renamed };
}
