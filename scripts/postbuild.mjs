// Turns trunk's release build into the offline site: a CSP in index.html, the class view's module, the single file, and a versioned service worker.
//
// Usage: node scripts/postbuild.mjs [dist]   (run by `make dist` after `trunk build --release`)
// Safe to run again on its own output: each step replaces what an earlier run wrote.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { finishClassModule } from './class-module.mjs';
import { assertNoRemoteUrls, hashSource, inlineBodies, policy, setPolicy } from './csp.mjs';
import { minifyGlue } from './minify-glue.mjs';
import { buildSingleFile, SINGLE_FILE } from './single-file.mjs';

const SERVICE_WORKER = 'sw.js';

/** Runs the five steps on `dist`; returns figures for the build log. */
export async function postbuild(dist) {
  const glue = await minifyGlue(dist);
  const classModule = await finishClassModule(dist);
  await writeIndexPolicy(dist);
  const singleFileBytes = await buildSingleFile(dist);
  const { version, files, bytes } = await writeServiceWorker(dist, classModule);
  return { version, files: files.length, precacheBytes: bytes, singleFileBytes, glue, classModule };
}

/**
 * Puts a strict policy in index.html: scripts only from this site plus trunk's inline bootstrap
 * (by hash), wasm compilation, and nothing from any other host.
 */
async function writeIndexPolicy(dist) {
  const file = join(dist, 'index.html');
  const html = await readFile(file, 'utf8');
  assertNoRemoteUrls(html, 'index.html');
  const scripts = inlineBodies(html, 'script');
  if (scripts.length === 0) throw new Error("index.html has no inline bootstrap script; did trunk's output change?");
  if (inlineBodies(html, 'style').length > 0) throw new Error('index.html has an inline <style>; use www/style.css');
  const content = policy({
    'default-src': ["'none'"],
    'script-src': ["'self'", ...scripts.map(hashSource), "'wasm-unsafe-eval'"],
    'style-src': ["'self'"],
    'img-src': ["'self'"],
    'connect-src': ["'self'"],
    'manifest-src': ["'self'"],
    'worker-src': ["'self'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  });
  await writeFile(file, setPolicy(html, content));
}

/**
 * Fills in dist/sw.js: the list of files to precache (everything trunk wrote except the worker,
 * the single file and the class view's module), the module's files (`lazy`), which the worker
 * caches when the app first loads them, and a version that is a hash of all their names and
 * contents, so any change to any file makes a new cache and the old one is deleted when the new
 * worker takes over.
 */
async function writeServiceWorker(dist, lazy) {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => relative(dist, join(e.parentPath ?? e.path, e.name)).split(sep).join('/'))
    .filter((name) => !name.split('/').some((part) => part.startsWith('.')))
    .filter((name) => name !== SERVICE_WORKER && name !== SINGLE_FILE && !lazy.includes(name))
    .sort();
  const hash = createHash('sha256');
  let bytes = 0;
  for (const name of [...files, ...lazy]) {
    const body = await readFile(join(dist, name));
    if (/\.(webmanifest|css)$/.test(name)) assertNoRemoteUrls(body.toString('utf8'), name);
    if (files.includes(name)) bytes += body.length;
    hash.update(name).update('\0').update(body).update('\0');
  }
  const version = hash.digest('hex').slice(0, 16);
  const file = join(dist, SERVICE_WORKER);
  let worker = await readFile(file, 'utf8').catch(() => {
    throw new Error(`${file} is missing: index.html must copy www/sw.js (<link data-trunk rel="copy-file">)`);
  });
  worker = replaceLine(worker, 'VERSION', JSON.stringify(version));
  worker = replaceLine(worker, 'PRECACHE', JSON.stringify(files.map((name) => `./${name}`)));
  worker = replaceLine(worker, 'LAZY', JSON.stringify(lazy.map((name) => `./${name}`)));
  await writeFile(file, worker);
  return { version, files, bytes };
}

/** Replaces the one line `const NAME = …;` of the worker template. */
function replaceLine(source, name, value) {
  const line = new RegExp(`^const ${name} = .*;$`, 'm');
  if (!line.test(source)) throw new Error(`${SERVICE_WORKER} has no line "const ${name} = …;"`);
  return source.replace(line, () => `const ${name} = ${value};`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = process.argv[2] ?? 'dist';
  const figures = await postbuild(dist);
  console.log(`postbuild: JS glue minified ${figures.glue.before} -> ${figures.glue.after} bytes; ${dist}/index.html has its CSP; ${dist}/${SINGLE_FILE} is ${figures.singleFileBytes} bytes; ` +
    `${dist}/${SERVICE_WORKER} precaches ${figures.files} files (${figures.precacheBytes} bytes) as version ${figures.version}; ` +
    `the class view's module is ${figures.classModule.join(' and ')}, cached on first use`);
}
