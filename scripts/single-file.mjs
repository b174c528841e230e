// Builds dist/marginalia.html: the whole app in one file (CSS, JS module, wasm as base64, icon) that runs from file://.
//
// It starts from trunk's dist/index.html, drops every reference to another file (stylesheet, icon,
// preloads, manifest, service worker) and trunk's bootstrap, and inlines instead: the stylesheet
// as <style>, the icon as a data URL, the wasm as base64 text in a non-executed <script> element,
// and wasm-bindgen's module (its snippets inlined) with its exports removed plus a bootstrap that
// passes the wasm bytes to wasm-bindgen's init. The class view's module (loaded on demand when
// served) comes the same way, as a second module script whose bootstrap only defines
// `marginaliaClassView`, which src/ui/browser/class_module.js calls instead of importing files.
// Its own Content-Security-Policy allows exactly those inline pieces by hash.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { classModuleFiles, CLASS_META } from './class-module.mjs';
import { assertNoRemoteUrls, hashSource, policy, setPolicy, startTags } from './csp.mjs';

export const SINGLE_FILE = 'marginalia.html';

/** The id of the element that carries the wasm as base64 text. */
const WASM_ELEMENT = 'marginalia-wasm';
/** The same for the class view's wasm. */
const CLASS_WASM_ELEMENT = 'marginalia-class-view-wasm';

/** Writes `<dist>/marginalia.html` from the release build in `dist`; returns its size in bytes. */
export async function buildSingleFile(dist) {
  let html = await readFile(join(dist, 'index.html'), 'utf8');
  const links = startTags(html, 'link');
  const find = (test, what) => {
    const link = links.find(test);
    if (!link?.attrs.href) throw new Error(`single-file: index.html has no ${what}; did trunk's output change?`);
    return link.attrs.href;
  };
  const cssFile = find((l) => l.attrs.rel === 'stylesheet', 'stylesheet link');
  const iconFile = find((l) => l.attrs.rel === 'icon', 'icon link');
  const jsFile = find((l) => l.attrs.rel === 'modulepreload', 'modulepreload link (the wasm-bindgen module)');
  const wasmFile = find((l) => l.attrs.rel === 'preload' && l.attrs.type === 'application/wasm', 'wasm preload link');

  const css = await readFile(join(dist, cssFile), 'utf8');
  assertNoRemoteUrls(css, cssFile);
  if (/<\/style/i.test(css)) throw new Error(`single-file: ${cssFile} contains "</style"`);
  const icon = (await readFile(join(dist, iconFile))).toString('base64');
  const wasm = (await readFile(join(dist, wasmFile))).toString('base64');
  const script = moduleScript(await inlineSnippets(dist, await readFile(join(dist, jsFile), 'utf8')), jsFile);
  const [classJsFile, classWasmFile] = classModuleFiles(html);
  const classWasm = (await readFile(join(dist, classWasmFile))).toString('base64');
  const classScript = classModuleScript(await readFile(join(dist, classJsFile), 'utf8'), classJsFile);

  // Drop trunk's bootstrap and every tag that points at another file or at the service worker.
  html = html.replace(/[ \t]*<script type="module">[\s\S]*?<\/script>\n?/g, '');
  const dropped = new Set(['stylesheet', 'icon', 'modulepreload', 'preload', 'manifest', 'apple-touch-icon']);
  for (const link of links) if (dropped.has(link.attrs.rel)) html = html.replace(link.text, '');
  for (const meta of startTags(html, 'meta')) {
    if (meta.attrs.name === 'marginalia-service-worker' || meta.attrs.name === CLASS_META) html = html.replace(meta.text, '');
  }
  html = html.replace(/<!--[\s\S]*?-->/g, '').replace(/\n\s*\n/g, '\n');
  if (/<script\b|<link\b|\bsrc=/i.test(html)) {
    throw new Error('single-file: index.html still refers to other files after inlining; update scripts/single-file.mjs');
  }

  const inlined = [
    `<link rel="icon" href="data:image/svg+xml;base64,${icon}">`,
    `<style>${css}</style>`,
    `<script type="application/octet-stream" id="${WASM_ELEMENT}">${wasm}</script>`,
    `<script type="module">${script}</script>`,
    `<script type="application/octet-stream" id="${CLASS_WASM_ELEMENT}">${classWasm}</script>`,
    `<script type="module">${classScript}</script>`,
  ].join('\n');
  // A function, not a string: a replacement string reads `$&`, `$'` and `` $` `` in the inlined
  // scripts as patterns (minified glue can hold them), which would change the scripts' text.
  html = html.replace(/\s*<\/head>/, () => `\n${inlined}\n</head>`);
  html = setPolicy(html, policy({
    'default-src': ["'none'"],
    'script-src': [hashSource(script), hashSource(classScript), "'wasm-unsafe-eval'"],
    'style-src': [hashSource(css)],
    'img-src': ['data:'],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  }));
  await writeFile(join(dist, SINGLE_FILE), html);
  return Buffer.byteLength(html);
}

/**
 * Replaces each import of a wasm-bindgen snippet (`import{a as b}from"./snippets/…"`) in `js` with
 * the snippet's own code, its `export`s dropped, in a function scope of its own.
 */
async function inlineSnippets(dist, js) {
  const imports = [...js.matchAll(/import\s*\{([^}]*)\}\s*from\s*["']\.\/(snippets\/[^"']+)["'];?/g)];
  for (const [statement, list, path] of imports) {
    const source = (await readFile(join(dist, path), 'utf8')).replace(/^export (?=(?:async )?function |class |const |let |var )/gm, '');
    if (/^\s*(?:import|export)\b/m.test(source)) throw new Error(`single-file: snippet ${path} imports or exports more than declarations`);
    const names = list.split(',').map((s) => s.trim().split(/\s+as\s+/)).map(([name, as]) => `${name}: ${as ?? name}`);
    const exported = list.split(',').map((s) => s.trim().split(/\s+as\s+/)[0]);
    js = js.replace(statement, () => `const { ${names.join(', ')} } = (() => {\n${source}\nreturn { ${exported.join(', ')} };\n})();\n`);
  }
  return js;
}

/**
 * wasm-bindgen's ES module as the body of an inline module script, its `export` keywords removed;
 * returns the body and the local names of its exports ({ default: init, … }).
 */
function moduleBody(js, name) {
  // Anywhere in a line: scripts/minify-glue.mjs leaves the module on one line.
  const exportList = /(?<![\w$.])export\s*\{([^}]*)\};?/;
  const list = js.match(exportList);
  const exports = Object.fromEntries((list?.[1].split(',') ?? []).map((s) => s.trim().split(/\s+as\s+/)).map(([local, as]) => [as ?? local, local]));
  for (const [, declared] of js.matchAll(/(?<![\w$.])export\s+(?:async\s+)?(?:function|class)\s+([\w$]+)/g)) exports[declared] = declared;
  if (!exports.default) throw new Error(`single-file: ${name} has no default export (wasm-bindgen's init)`);
  const body = js.replace(exportList, '').replace(/(?<![\w$.])export (?=(?:async )?function |class |const |let |var )/gm, '');
  if (/^\s*(?:import|export)\b(?!\.meta)|(?<![\w$.])(?:import|export)\s*[{*]/m.test(body)) {
    throw new Error(`single-file: ${name} still imports or exports after inlining (wasm-bindgen snippets?)`);
  }
  if (/<!--|<\/script/i.test(body)) throw new Error(`single-file: ${name} contains "<!--" or "</script"`);
  return { body, exports };
}

/** JS that decodes the base64 wasm of the element `id` into bytes (and removes the element). */
function decodeWasm(id) {
  return `const element = document.getElementById('${id}');
  const binary = atob(element.textContent.trim());
  element.remove();
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);`;
}

/** The app's module script: wasm-bindgen's module followed by a bootstrap that starts the app. */
function moduleScript(js, name) {
  const { body, exports } = moduleBody(js, name);
  // A block keeps the bootstrap's names apart from wasm-bindgen's.
  return body + `
{
  ${decodeWasm(WASM_ELEMENT)}
  const instance = await ${exports.default}({ module_or_path: bytes });
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: instance } }));
}
`;
}

/**
 * The second module's script: wasm-bindgen's module and `marginaliaClassView`, which the app's
 * loader calls when it first needs the module (the class view, an HTML or Markdown file, a paste, an
 * import, an export other than the pack): it starts the module then, not at page load.
 */
function classModuleScript(js, name) {
  const { body, exports } = moduleBody(js, name);
  for (const wanted of ['open_class_view', 'read_article', 'read_pasted', 'render_export', 'read_import', 'pack_article', 'agreement_help', 'key_found']) {
    if (!exports[wanted]) throw new Error(`single-file: ${name} does not export ${wanted}`);
  }
  // Every function the app calls (src/ui/browser/class_module.rs), as the imported module has them.
  const named = Object.entries(exports).filter(([as]) => as !== 'default' && as !== 'initSync');
  // Started once; a second call gets the same promise (the wasm's element is gone by then).
  return body + `
{
  let started;
  globalThis.marginaliaClassView = () => started ??= (async () => {
    ${decodeWasm(CLASS_WASM_ELEMENT)}
    await ${exports.default}({ module_or_path: bytes });
    return { ${named.map(([as, local]) => `${as}: ${local}`).join(', ')} };
  })();
}
`;
}
