// Finishes the class view's wasm module in dist/ (trunk builds it unnamed, as a "worker"): short import names, minified JS, content-hashed file names written into index.html's <meta name="marginalia-class-view">.
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';
import { startTags } from './csp.mjs';
import { shortImports } from './short-imports.mjs';

/** The meta element that names the module's JS and wasm (src/ui/browser/class_module.rs reads it). */
export const CLASS_META = 'marginalia-class-view';

/** The module's [js, wasm] file names as index.html names them. */
export function classModuleFiles(html) {
  const meta = startTags(html, 'meta').find((m) => m.attrs.name === CLASS_META);
  const names = meta?.attrs.content?.split(/\s+/).filter(Boolean) ?? [];
  if (names.length !== 2) throw new Error(`index.html has no <meta name="${CLASS_META}" content="<js> <wasm>">; did index.html change?`);
  return names;
}

/**
 * Renames trunk's `class_view.js` and `class_view_bg.wasm` to `class-view-<hash>.js` and
 * `class-view-<hash>_bg.wasm` after shortening and minifying them as scripts/minify-glue.mjs does
 * the app's, and names them in index.html. Safe to run again: files already renamed are kept.
 * Returns the two names.
 */
export async function finishClassModule(dist) {
  const indexFile = join(dist, 'index.html');
  const html = await readFile(indexFile, 'utf8');
  const [jsName, wasmName] = classModuleFiles(html);
  if (jsName.startsWith('class-view-')) return [jsName, wasmName];
  const short = shortImports(await readFile(join(dist, wasmName)), await readFile(join(dist, jsName), 'utf8'));
  const result = await minify(short.js, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
  if (typeof result.code !== 'string') throw new Error(`class-module: terser returned nothing for ${jsName}`);
  // One hash of both, so the JS and the wasm of one build always go together.
  const hash = createHash('sha256').update(result.code).update('\0').update(short.wasm).digest('hex').slice(0, 16);
  const names = [`class-view-${hash}.js`, `class-view-${hash}_bg.wasm`];
  await writeFile(join(dist, names[0]), result.code);
  await writeFile(join(dist, names[1]), short.wasm);
  await rm(join(dist, jsName));
  await rm(join(dist, wasmName));
  const meta = startTags(html, 'meta').find((m) => m.attrs.name === CLASS_META);
  await writeFile(indexFile, html.replace(meta.text, `<meta name="${CLASS_META}" content="${names.join(' ')}">`));
  return names;
}
