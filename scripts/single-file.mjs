// Builds dist/marginalia.html: the whole app in one file (CSS, JS module, wasm as base64, icon) that runs from file://.
//
// It starts from trunk's dist/index.html, drops every reference to another file (stylesheet, icon,
// preloads, manifest, service worker) and trunk's bootstrap, and inlines instead: the stylesheet
// as <style>, the icon as a data URL, the wasm as base64 text in a non-executed <script> element,
// and wasm-bindgen's module with its exports removed plus a bootstrap that passes the wasm bytes
// to wasm-bindgen's init. Its own Content-Security-Policy allows exactly those inline pieces by hash.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assertNoRemoteUrls, hashSource, policy, setPolicy, startTags } from './csp.mjs';

export const SINGLE_FILE = 'marginalia.html';

/** The id of the element that carries the wasm as base64 text. */
const WASM_ELEMENT = 'marginalia-wasm';

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
  const script = moduleScript(await readFile(join(dist, jsFile), 'utf8'), jsFile);

  // Drop trunk's bootstrap and every tag that points at another file or at the service worker.
  html = html.replace(/[ \t]*<script type="module">[\s\S]*?<\/script>\n?/g, '');
  const dropped = new Set(['stylesheet', 'icon', 'modulepreload', 'preload', 'manifest', 'apple-touch-icon']);
  for (const link of links) if (dropped.has(link.attrs.rel)) html = html.replace(link.text, '');
  for (const meta of startTags(html, 'meta')) if (meta.attrs.name === 'marginalia-service-worker') html = html.replace(meta.text, '');
  html = html.replace(/<!--[\s\S]*?-->/g, '').replace(/\n\s*\n/g, '\n');
  if (/<script\b|<link\b|\bsrc=/i.test(html)) {
    throw new Error('single-file: index.html still refers to other files after inlining; update scripts/single-file.mjs');
  }

  const inlined = [
    `<link rel="icon" href="data:image/svg+xml;base64,${icon}">`,
    `<style>${css}</style>`,
    `<script type="application/octet-stream" id="${WASM_ELEMENT}">${wasm}</script>`,
    `<script type="module">${script}</script>`,
  ].join('\n');
  html = html.replace(/\s*<\/head>/, `\n${inlined}\n</head>`);
  html = setPolicy(html, policy({
    'default-src': ["'none'"],
    'script-src': [hashSource(script), "'wasm-unsafe-eval'"],
    'style-src': [hashSource(css)],
    'img-src': ['data:'],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  }));
  await writeFile(join(dist, SINGLE_FILE), html);
  return Buffer.byteLength(html);
}

/**
 * wasm-bindgen's ES module turned into the body of one inline module script: its `export`
 * keywords removed, followed by a bootstrap that decodes the inlined wasm and starts the app.
 */
function moduleScript(js, name) {
  // Anywhere in a line: scripts/minify-glue.mjs leaves the module on one line.
  const exportList = /(?<![\w$.])export\s*\{([^}]*)\};?/;
  const list = js.match(exportList);
  const init = list?.[1].split(',').map((s) => s.trim().split(/\s+as\s+/)).find(([, as]) => as === 'default')?.[0];
  if (!init) throw new Error(`single-file: ${name} has no default export (wasm-bindgen's init)`);
  let body = js.replace(exportList, '').replace(/^export (?=(?:async )?function |class |const |let |var )/gm, '');
  if (/^\s*(?:import|export)\b(?!\.meta)|(?<![\w$.])(?:import|export)\s*[{*]/m.test(body)) {
    throw new Error(`single-file: ${name} still imports or exports after inlining (wasm-bindgen snippets?)`);
  }
  if (/<!--|<\/script/i.test(body)) throw new Error(`single-file: ${name} contains "<!--" or "</script"`);
  // The app is the page's only module, so a block keeps the bootstrap's names apart from wasm-bindgen's.
  body += `
{
  const element = document.getElementById('${WASM_ELEMENT}');
  const binary = atob(element.textContent.trim());
  element.remove();
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const instance = await ${init}({ module_or_path: bytes });
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: instance } }));
}
`;
  return body;
}
