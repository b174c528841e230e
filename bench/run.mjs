// `make bench`: drives the release build, Recogito's text annotator and a control page through the same seeded workloads in one headless Chromium, and writes bench/results/latest.md.
//
// Usage: node bench/run.mjs            (full run; BENCH_QUICK=1 for fewer repetitions; E2E_PORT picks the port)
// Every figure is explained in bench/README.md. This reports; it never fails on a missed target.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { chromium } from 'playwright';
import { article, annotations, overlapShare } from './lib/gen.mjs';
import { startServer } from './lib/server.mjs';
import { stats } from './lib/stats.mjs';
import { transferSizes } from './lib/transfer.mjs';
import { report } from './lib/report.mjs';

const QUICK = process.env.BENCH_QUICK === '1';
const REPS = QUICK ? 2 : 5;
const CREATE_RUNS = QUICK ? 1 : 3;
const CREATES_PER_RUN = QUICK ? 4 : 6;
const SCROLL_REPS = QUICK ? 1 : 3;
const IO_REPS = QUICK ? 2 : 7;
/** Recogito's W3C export takes minutes at 10,000 annotations; it stops after this many ms and is extrapolated. */
const EXPORT_BUDGET = 5000;
/** BENCH_ONLY=bulk,cold,create,scroll,io runs only those sections (to iterate on one figure). */
const ONLY = new Set((process.env.BENCH_ONLY ?? 'bulk,cold,create,scroll,io').split(','));
const port = Number(process.env.E2E_PORT ?? 4173);
const VIEWPORT = { width: 1280, height: 860 };
const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage', '--enable-precise-memory-info',
];

/** The articles, by key: about 10 thousand, 120 thousand and 1.2 million characters. */
const ARTICLES = { s: 10_000, m: 120_000, l: 1_200_000 };
/** Bulk-load cases (article, annotations); N = 0 gives the baseline for DOM nodes and memory. */
// 10,000 annotations go on the 120k article: with the 1.2M article they do not fit in localStorage (see bench/README.md).
const BULK = [['s', 100], ['m', 0], ['m', 100], ['m', 1000], ['m', 10000], ['l', 0], ['l', 1000]];
const BIG = ['m', 10000];
const TOOLS = (process.env.BENCH_TOOLS ?? "ours,SPANS,CSS_HIGHLIGHTS").split(",");
const log = (...a) => console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...a);

/** In every page, before its scripts: finds the app's wasm memory, and offers `__arm(cond)`, which resolves with the time just after the first frame painted once `cond()` holds. */
function pageInit() {
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    if (!original) continue;
    WebAssembly[name] = async function (...args) {
      const result = await original.apply(this, args);
      const memory = (result.instance ?? result).exports?.memory;
      if (memory) window.__wasmMemory = memory;
      return result;
    };
  }
  const armed = [];
  window.__arm = (cond) => new Promise((resolve) => armed.push({ cond, resolve }));
  const tick = () => {
    for (let i = armed.length - 1; i >= 0; i--) {
      let ready = false;
      try { ready = armed[i].cond(); } catch { ready = false; }
      if (!ready) continue;
      const [{ resolve }] = armed.splice(i, 1);
      // rAF runs before this frame's style, layout and paint; a message posted now arrives after them.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(0);
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  window.__painted = (mark) => window.__arm(() => performance.getEntriesByName(mark).length > 0);
  window.__loadPainted = window.__painted('marginalia:highlights-painted');
  window.__articlePainted = window.__arm(() =>
    performance.getEntriesByName('marginalia:article-rendered').length > 0 || performance.getEntriesByName('bench:article-in-dom').length > 0);
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
// BENCH_DIST serves another build (e.g. one that keeps wasm function names, for BENCH_PROFILE).
const server = await startServer(port, process.env.BENCH_DIST ?? 'dist');
const base = `http://127.0.0.1:${port}/`;
const results = {};
const add = (key, value) => { (results[key] ??= []).push(value); };

/** Errors met while seeding storage (the 1.2M article with many annotations does not fit), reported once each. */
const seedErrors = new Set();

async function fresh(seed = null, { serviceWorkers = 'block' } = {}) {
  // The worker only precaches files in the background; a fresh context has nothing cached either way.
  const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true, serviceWorkers });
  await context.addInitScript(pageInit);
  const page = await context.newPage();
  page.on('pageerror', (e) => { if (!e.message.includes("reading 'waiting'")) log('page error:', e.message); });
  // localStorage is seeded from a blank page of the same origin, before the measured page is opened, so the
  // writes (a 1.2M article, or 10,000 annotations) are not timed as part of the app's start.
  if (seed) {
    await page.goto(`${base}bench/seed.html`);
    const error = await page.evaluate((s) => {
      try { for (const [k, v] of Object.entries(s)) localStorage.setItem(k, v); return null; } catch (e) { return String(e); }
    }, seed);
    if (error) seedErrors.add(error);
  }
  return { context, page };
}

async function appReady(page) {
  await page.waitForFunction(() => performance.getEntriesByName('marginalia:highlights-painted').length > 0, null, { timeout: 120_000 });
}

async function memory(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { nodes } = await cdp.send('Memory.getDOMCounters');
  const inPage = await page.evaluate(() => ({
    wasm: window.__wasmMemory?.buffer.byteLength ?? 0,
    elements: document.getElementsByTagName('*').length,
    articleElements: document.querySelector('article')?.getElementsByTagName('*').length ?? 0,
  }));
  return { heap: usedSize, wasm: inPage.wasm, bytes: usedSize + inPage.wasm, nodes, elements: inPage.elements, articleElements: inPage.articleElements };
}

// ---------------------------------------------------------------- setup: articles, DOM, storage snapshots
const setup = {};
log(`${QUICK ? 'quick' : 'full'} run on port ${port}`);
for (const [key, chars] of Object.entries(ARTICLES)) {
  const text = article(chars, chars);
  const { context, page } = await fresh();
  await page.goto(base);
  await appReady(page);
  const before = await page.evaluate(() => performance.getEntriesByName('marginalia:highlights-painted').length);
  await page.locator('input[type=file]:not([multiple])').setInputFiles({ name: `bench-${key}.txt`, mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.waitForFunction((n) => performance.getEntriesByName('marginalia:highlights-painted').length > n, before, { timeout: 120_000 });
  const captured = await page.evaluate(() => {
    const el = document.querySelector('article.article');
    const blocks = [...el.querySelectorAll('[data-block]')].sort((a, b) => a.dataset.block - b.dataset.block);
    const offsetIn = (block) => { const r = document.createRange(); r.setStart(el, 0); r.setEnd(block, 0); return r.toString().length; };
    const storage = Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]));
    const style = [...document.querySelectorAll('link[rel=stylesheet]')].map((l) => l.getAttribute('href').replace(/^\.\//, ''))[0];
    return { html: el.outerHTML, blocks: blocks.map((b) => b.textContent), containerOffsets: blocks.map(offsetIn), storage, style };
  });
  await context.close();
  // The document's text joins blocks with a blank line ("\n\n"); offsets are code points (the text is ASCII).
  let at = 0;
  captured.docOffsets = captured.blocks.map((b) => { const start = at; at += b.length + 2; return start; });
  setup[key] = { ...captured, text, snapshots: { 0: captured.storage }, sets: {} };
  server.page(`control-${key}.html`, { kind: 'control', style: captured.style, article: captured.html });
  server.page(`recogito-${key}.html`, { kind: 'recogito', style: captured.style, article: captured.html, recogito: true });
  log(`article ${key}: ${text.length} chars, ${captured.blocks.length} blocks`);
}

/** The annotation set in both W3C forms: positions in the app's document text, and in the harness container's text (what Recogito counts). */
function w3c(key, n) {
  const a = setup[key];
  const set = annotations(a.blocks, n, n + ARTICLES[key]);
  const id = (k) => `00000000-0000-4000-8000-${String(k).padStart(12, '0')}`;
  const make = (x, k, offsets) => {
    const block = a.blocks[x.block];
    return {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `urn:uuid:${id(k + 1)}`,
      type: 'Annotation',
      created: '2026-01-01T00:00:00Z',
      modified: '2026-01-01T00:00:00Z',
      creator: { type: 'Person', name: 'Bench' },
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: x.tag },
        ...(x.note ? [{ type: 'TextualBody', purpose: 'commenting', value: x.note, format: 'text/plain' }] : []),
      ],
      target: {
        source: 'https://bench.example/article',
        selector: [
          { type: 'TextQuoteSelector', exact: block.slice(x.start, x.end), prefix: block.slice(Math.max(0, x.start - 32), x.start), suffix: block.slice(x.end, x.end + 32) },
          { type: 'TextPositionSelector', start: offsets[x.block] + x.start, end: offsets[x.block] + x.end },
        ],
      },
    };
  };
  return {
    set,
    ours: set.map((x, k) => make(x, k, a.docOffsets)),
    recogito: set.map((x, k) => make(x, k, a.containerOffsets)),
  };
}

async function importInto(page, name, json) {
  await page.locator('input[type=file][multiple]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(json) });
  await page.waitForFunction(() => performance.getEntriesByName('marginalia:import-planned').length > 0, null, { timeout: 300_000 });
  const applied = page.evaluate(() => window.__painted('marginalia:import-applied'));
  await page.getByRole('dialog', { name: 'Import report' }).getByRole('button', { name: 'Import' }).click({ timeout: 300_000 });
  await page.waitForFunction(() => performance.getEntriesByName('marginalia:import-applied').length > 0, null, { timeout: 300_000 });
  return applied;
}

for (const [key, n] of BULK) {
  if (n === 0 || setup[key].sets[n]) continue;
  const sets = w3c(key, n);
  setup[key].sets[n] = sets;
  const { context, page } = await fresh(setup[key].snapshots[0]);
  await page.goto(base);
  await appReady(page);
  const file = JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: sets.ours } });
  await importInto(page, `bench-${key}-${n}.json`, file);
  // A large import is written to storage in idle time after it is painted: wait until it is all written.
  await page.waitForFunction(() => performance.getEntriesByName('marginalia:saves-written').length > 0, null, { timeout: 300_000 });
  const took = await page.evaluate(() => {
    const at = (m) => performance.getEntriesByName(m)[0].startTime;
    return `planned in ${(at('marginalia:import-planned') - at('marginalia:import-start')).toFixed(0)} ms, applied in ${(at('marginalia:import-applied') - at('marginalia:import-apply-start')).toFixed(0)} ms`;
  });
  const state = await page.evaluate(() => ({
    storage: Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])),
    listed: document.querySelectorAll('aside.sidebar li.entry').length,
    warning: document.querySelector('.banner, [role=alert]')?.textContent ?? '',
  }));
  await context.close();
  setup[key].snapshots[n] = state.storage;
  const annotationKeys = Object.keys(state.storage).filter((k) => k.includes('/a/'));
  log(`set ${key}/${n}: ${sets.set.length} generated, ${(overlapShare(sets.set) * 100).toFixed(0)}% overlapping, ${state.listed} listed, ${annotationKeys.length} stored, ${took} ${state.warning ? `(warning: ${state.warning.slice(0, 120)})` : ''}`);
  if (key === BIG[0] && n === BIG[1]) {
    results.storageBytes = annotationKeys.reduce((sum, k) => sum + 2 * (k.length + state.storage[k].length), 0);
    results.storedCount = annotationKeys.length;
  }
}

/**
 * With BENCH_PROFILE=1, a CPU profile, and with BENCH_TRACE=1, a Chromium trace (style, layout, paint, wasm) of what
 * runs in `page` until the returned function is awaited: `.prof/<name>.cpuprofile` and `.prof/<name>.trace.json`,
 * to open in Chrome's DevTools. Serve a build that keeps wasm names with BENCH_DIST to read the profile.
 */
async function recording(context, page, name) {
  const cdp = process.env.BENCH_PROFILE ? await context.newCDPSession(page) : null;
  const trace = process.env.BENCH_TRACE ? `.prof/${name}.trace.json` : null;
  if (cdp || trace) mkdirSync('.prof', { recursive: true });
  if (cdp) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 }); await cdp.send('Profiler.start'); }
  if (trace) await browser.startTracing(page, { path: trace, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.wasm', 'blink', 'loading'] });
  return async () => {
    if (cdp) writeFileSync(`.prof/${name}.cpuprofile`, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    if (trace) await browser.stopTracing();
  };
}

// ---------------------------------------------------------------- one run of each kind
async function bulkOurs(key, n) {
  const { context, page } = await fresh(setup[key].snapshots[n]);
  const stop = await recording(context, page, `bulk-${key}-${n}`);
  await page.goto(base);
  const painted = await page.evaluate(() => window.__loadPainted);
  await stop();
  const marks = await page.evaluate(() => Object.fromEntries(['marginalia:annotations-load-start', 'marginalia:article-rendered', 'marginalia:highlights-painted']
    .map((m) => [m, performance.getEntriesByName(m).at(-1)?.startTime])));
  for (const error of seedErrors) log(`seeding ${key}/${n}: ${error}`);
  seedErrors.clear();
  // The floor any per-key localStorage design pays: Chromium's API alone, from plain JS, listing
  // the origin's keys and reading the annotations' values (the app has already read them once).
  const storageFloor = await page.evaluate(() => {
    const t = performance.now();
    let chars = 0;
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k.includes("/a/")) chars += localStorage.getItem(k).length;
    }
    return chars >= 0 ? performance.now() - t : null;
  });
  const mem = await memory(context, page);
  await context.close();
  // The whole start-up too: from the navigation (time 0) to the highlights painted.
  return { load: painted - marks['marginalia:annotations-load-start'], startup: painted, mem, storageFloor };
}

async function recogitoPage(key, renderer) {
  const { context, page } = await fresh();
  await page.goto(`${base}bench/recogito-${key}.html`);
  await page.evaluate(() => window.__articlePainted);
  await page.evaluate((r) => window.benchCreate(r), renderer);
  return { context, page };
}

async function bulkRecogito(key, n, renderer) {
  const { context, page } = await recogitoPage(key, renderer);
  let load = null;
  if (n > 0) {
    await page.evaluate((set) => { window.__set = set; }, setup[key].sets[n].recogito);
    load = await page.evaluate(async () => {
      const t0 = performance.now();
      const painted = window.__arm(() => window.benchPainted() > 0);
      window.benchSet(window.__set);
      return (await painted) - t0;
    });
  }
  await page.evaluate(() => { delete window.__set; });
  const mem = await memory(context, page);
  await context.close();
  return { load, mem };
}

/** Passages to select by mouse in a long article: a few words in blocks spread through it. */
function passages(key, count) {
  const { blocks } = setup[key];
  return Array.from({ length: count }, (_, i) => {
    const b = Math.floor(((i + 0.5) / count) * (blocks.length - 2)) + 1;
    const words = blocks[b].split(' ');
    return { block: b, text: words.slice(2, 7).join(' ') };
  });
}

async function dragOver(page, passage) {
  const box = await page.evaluate(({ block, text }) => {
    const el = document.querySelectorAll('article [data-block]')[block];
    const node = [...el.childNodes].find((c) => c.nodeType === 3 && c.data.includes(text));
    const at = node.data.indexOf(text);
    el.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.setStart(node, at); range.setEnd(node, at + 1);
    const first = range.getClientRects()[0];
    range.setStart(node, at + text.length - 1); range.setEnd(node, at + text.length);
    const last = [...range.getClientRects()].at(-1);
    return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
  }, passage);
  await page.waitForTimeout(100);
  await page.evaluate(() => {
    window.__mouseUp = null; window.__keyDown = null;
    addEventListener('mouseup', (e) => { window.__mouseUp = e.timeStamp; }, { capture: true, once: true });
    addEventListener('keydown', (e) => { window.__keyDown = e.timeStamp; }, { capture: true, once: true });
  });
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
}

async function createOurs(key, n) {
  const { context, page } = await fresh(setup[key].snapshots[n]);
  await page.goto(base);
  await page.evaluate(() => window.__loadPainted);
  const out = [];
  const stop = await recording(context, page, 'create-ours');
  for (const passage of passages(key, CREATES_PER_RUN)) {
    await dragOver(page, passage);
    await page.evaluate(() => { window.__toolbar = window.__arm(() => document.querySelector('[role=toolbar][aria-label="Annotate selection"]')); });
    await page.mouse.up();
    const toolbar = await page.evaluate(async () => (await window.__toolbar) - window.__mouseUp);
    await page.evaluate(() => {
      const before = performance.getEntriesByName('marginalia:create-painted').length;
      window.__created = window.__arm(() => performance.getEntriesByName('marginalia:create-painted').length > before);
    });
    await page.keyboard.press('1');
    const created = await page.evaluate(async () => (await window.__created) - window.__keyDown);
    out.push({ toolbar, created, total: toolbar + created });
  }
  await stop();
  await context.close();
  return out;
}

async function createRecogito(key, n, renderer) {
  const { context, page } = await recogitoPage(key, renderer);
  await page.evaluate((set) => { window.benchSet(set); }, setup[key].sets[n].recogito);
  await page.evaluate(() => window.__arm(() => window.benchPainted() > 0));
  const out = [];
  const stop = await recording(context, page, `create-${renderer}`);
  for (const passage of passages(key, CREATES_PER_RUN)) {
    await dragOver(page, passage);
    await page.evaluate(() => {
      const before = window.benchCreated.length;
      window.__created = window.__arm(() => window.benchCreated.length > before);
    });
    await page.mouse.up();
    const total = await page.evaluate(async () => {
      const t = await Promise.race([window.__created, new Promise((r) => setTimeout(() => r(null), 3000))]);
      return t === null ? null : t - window.__mouseUp;
    });
    out.push({ total });
    await page.mouse.click(5, 5);
  }
  await stop();
  await context.close();
  return out;
}

/** Scrolls the whole article one viewport height per frame; returns the frame intervals (ms). */
async function scrollRun(page) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  return page.evaluate(() => new Promise((done) => {
    const step = innerHeight;
    const end = document.documentElement.scrollHeight - innerHeight;
    const intervals = [];
    let last = null;
    const frame = (t) => {
      if (last !== null) intervals.push(t - last);
      last = t;
      if (scrollY >= end) { done(intervals); return; }
      scrollBy(0, step);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }));
}

async function exportImportOurs(key, n) {
  const { context, page } = await fresh(setup[key].snapshots[n]);
  await page.goto(base);
  await page.evaluate(() => window.__loadPainted);
  await page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'Export' }).click();
  // A pack carries the student's name: the dialog asks for it before the first export (not timed).
  const nameField = page.getByRole('dialog', { name: 'Export' }).getByRole('textbox', { name: /^Your name/ });
  if ((await nameField.count()) && (await nameField.inputValue()) === '') await nameField.fill('Bench');
  const stopExport = await recording(context, page, 'export');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: /^Annotation pack/ }).click(),
  ]);
  await stopExport();
  const pack = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
  const exported = await page.evaluate(() => performance.getEntriesByName('marginalia:export-done')[0].startTime - performance.getEntriesByName('marginalia:export-start')[0].startTime);
  await context.close();
  const second = await fresh(setup[key].snapshots[0]);
  await second.page.goto(base);
  await second.page.evaluate(() => window.__loadPainted);
  const stop = await recording(second.context, second.page, 'import');
  const appliedPaint = await importInto(second.page, 'bench.marginalia.json', pack);
  await appliedPaint;
  await stop();
  const imported = await second.page.evaluate(async (applied) => {
    const at = (m) => performance.getEntriesByName(m)[0].startTime;
    return [at('marginalia:import-planned') - at('marginalia:import-start'), applied - at('marginalia:import-apply-start'), at('marginalia:import-applied') - at('marginalia:import-apply-start')];
  }, await appliedPaint).then(([plan, apply, marks]) => { log(`import: planned in ${plan.toFixed(0)} ms, applied and painted in ${apply.toFixed(0)} ms (${marks.toFixed(0)} ms to the applied mark)`); return plan + apply; });
  await second.page.waitForFunction(() => performance.getEntriesByName('marginalia:saves-written').length > 0, null, { timeout: 300_000 });
  const stored = await second.page.evaluate(() => performance.getEntriesByName('marginalia:saves-written')[0].startTime - performance.getEntriesByName('marginalia:import-apply-start')[0].startTime);
  log(`import: every annotation written to storage ${stored.toFixed(0)} ms after the user clicked Import`);
  const placed = await second.page.evaluate(() => document.querySelectorAll('aside.sidebar li.entry').length);
  await second.context.close();
  return { exported, imported, stored, placed, packBytes: pack.length };
}

async function exportImportRecogito(key, n, renderer) {
  const { context, page } = await recogitoPage(key, renderer);
  await page.evaluate((set) => { window.__json = JSON.stringify(set); }, setup[key].sets[n].recogito);
  const imported = await page.evaluate(async () => {
    const t0 = performance.now();
    const painted = window.__arm(() => window.benchPainted() > 0);
    window.benchSet(JSON.parse(window.__json));
    return (await painted) - t0;
  });
  const run = await page.evaluate((budget) => window.benchExport(budget), EXPORT_BUDGET);
  await context.close();
  // When the budget runs out, the figure is extrapolated from the share exported, and flagged.
  const exported = run.done < run.total ? (run.ms * run.total) / run.done : run.ms;
  if (run.done < run.total) results.exportExtrapolated = { done: run.done, total: run.total, ms: run.ms };
  return { exported, imported };
}

async function coldStart(url, seed, name) {
  const { context, page } = await fresh(seed, { serviceWorkers: 'allow' });
  const loaded = [];
  page.on('response', (r) => loaded.push(r.url()));
  const stop = await recording(context, page, `cold-${name}`);
  await page.goto(url);
  const painted = await page.evaluate(() => window.__articlePainted);
  await stop();
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
  await context.close();
  return { painted, fcp, loaded };
}

// ---------------------------------------------------------------- the runs, alternating tools
const order = (rep) => TOOLS.map((_, i) => TOOLS[(i + rep) % TOOLS.length]);
for (let rep = 0; rep < (ONLY.has('bulk') || ONLY.has('cold') ? REPS : 0); rep++) {
  if (ONLY.has('bulk')) log(`bulk load, repetition ${rep + 1}/${REPS}`);
  for (const [key, n] of ONLY.has('bulk') ? BULK : []) {
    for (const tool of order(rep)) {
      const r = tool === 'ours' ? await bulkOurs(key, n) : await bulkRecogito(key, n, tool);
      if (r.load !== null && n > 0) add(`bulk:${tool}:${key}:${n}`, r.load);
      if (r.startup !== undefined && n > 0) add(`bulkStartup:${tool}:${key}:${n}`, r.startup);
      if (r.storageFloor !== undefined && n > 0) add(`storageFloor:${key}:${n}`, r.storageFloor);
      add(`mem:${tool}:${key}:${n}`, r.mem);
    }
  }
  if (ONLY.has('cold')) log(`cold start, repetition ${rep + 1}/${REPS}`);
  for (const key of ONLY.has('cold') ? ['m', 'l'] : []) {
    for (const tool of rep % 2 ? ['control', 'ours'] : ['ours', 'control']) {
      const r = tool === 'ours'
        ? await coldStart(base, setup[key].snapshots[0], `ours-${key}`)
        : await coldStart(`${base}bench/control-${key}.html`, null, `control-${key}`);
      add(`cold:${tool}:${key}`, r.painted);
      add(`fcp:${tool}:${key}`, r.fcp);
      if (tool === 'ours' && !results.loadedAtStart) results.loadedAtStart = r.loaded;
    }
  }
}

const [bigKey, bigN] = BIG;
for (let run = 0; run < (ONLY.has('create') ? CREATE_RUNS : 0); run++) {
  log(`create at N = ${bigN}, run ${run + 1}/${CREATE_RUNS}`);
  for (const tool of order(run)) {
    const r = tool === 'ours' ? await createOurs(bigKey, bigN) : await createRecogito(bigKey, bigN, tool);
    for (const x of r) {
      if (x.total !== null) add(`create:${tool}`, x.total); else add(`createMissed:${tool}`, 1);
      if (x.toolbar !== undefined) { add('createToolbar:ours', x.toolbar); add('createTag:ours', x.created); }
    }
  }
}

for (let run = 0; run < (ONLY.has('scroll') ? SCROLL_REPS : 0); run++) {
  log(`scrolling at N = ${bigN}, run ${run + 1}/${SCROLL_REPS}`);
  for (const tool of [...order(run), 'control']) {
    let handle;
    if (tool === 'ours') {
      handle = await fresh(setup[bigKey].snapshots[bigN]);
      await handle.page.goto(base);
      await handle.page.evaluate(() => window.__loadPainted);
    } else if (tool === 'control') {
      handle = await fresh();
      await handle.page.goto(`${base}bench/control-${bigKey}.html`);
      await handle.page.evaluate(() => window.__articlePainted);
    } else {
      handle = await recogitoPage(bigKey, tool);
      await handle.page.evaluate((set) => { window.benchSet(set); }, setup[bigKey].sets[bigN].recogito);
      await handle.page.evaluate(() => window.__arm(() => window.benchPainted() > 0));
    }
    const intervals = await scrollRun(handle.page);
    add(`scroll:${tool}`, intervals);
    await handle.context.close();
  }
}

for (let run = 0; run < (ONLY.has('io') ? IO_REPS : 0); run++) {
  log(`export and import of ${bigN}, run ${run + 1}/${IO_REPS}`);
  for (const tool of order(run)) {
    const r = tool === 'ours' ? await exportImportOurs(bigKey, bigN) : await exportImportRecogito(bigKey, bigN, tool);
    add(`export:${tool}`, r.exported);
    add(`import:${tool}`, r.imported);
    if (r.stored !== undefined) add(`import-stored:${tool}`, r.stored);
    if (r.placed !== undefined) results.importPlaced = r.placed;
  }
}

results.transfer = await transferSizes('dist', results.loadedAtStart, base);
const chromiumVersion = browser.version();
await browser.close();
server.close();

const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '?', memoryGb: (totalmem() / 2 ** 30).toFixed(1), chromium: chromiumVersion, date: new Date().toISOString(), quick: QUICK, reps: REPS };
const workload = Object.fromEntries(Object.entries(setup).map(([k, a]) => [k, {
  chars: a.text.length, blocks: a.blocks.length,
  sets: Object.fromEntries(Object.entries(a.sets).map(([n, s]) => [n, { count: s.set.length, overlap: overlapShare(s.set) }])),
}]));
const markdown = report({ results, stats, machine, workload, ARTICLES, BULK, BIG });
mkdirSync('bench/results', { recursive: true });
writeFileSync(QUICK ? 'bench/results/quick.md' : 'bench/results/latest.md', markdown);
writeFileSync(QUICK ? 'bench/results/quick.json' : 'bench/results/latest.json', JSON.stringify({ machine, workload, results: summarise(results) }, null, 1));
console.log(markdown);

function summarise(all) {
  const out = {};
  for (const [k, v] of Object.entries(all)) {
    out[k] = Array.isArray(v) && typeof v[0] === 'number' ? stats(v) : k.startsWith('scroll:') ? { frames: v.flat().length } : v;
  }
  return out;
}
