// `make bench`, hostile section (issue 21): the time the release build takes to open or import each pathological file at 50 KB and 500 KB, and to import 10,000 annotations at the tag limits; writes bench/results/hostile.md.
//
// Usage: node bench/hostile.mjs (BENCH_QUICK=1 for one repetition; E2E_PORT picks the port). Reports; never fails on a missed target.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { chromium } from 'playwright';
import { startServer } from './lib/server.mjs';
import { PATHOLOGICAL, ARTICLE_FILE, w3c } from './lib/pathological.mjs';

const QUICK = process.env.BENCH_QUICK === '1';
const REPS = QUICK ? 1 : 3;
const SIZES = [50 * 1024, 500 * 1024];
const port = Number(process.env.E2E_PORT ?? 4173);
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const log = (...a) => console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...a);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
const server = await startServer(port, process.env.BENCH_DIST ?? 'dist');
const base = `http://127.0.0.1:${port}/`;
const count = (page, mark) => page.evaluate((m) => performance.getEntriesByName(m).length, mark);
const last = (page, mark) => page.evaluate((m) => performance.getEntriesByName(m).at(-1)?.startTime ?? NaN, mark);

/** A fresh page with the bench article open (so imported quotes are found). */
async function fresh() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base);
  await page.waitForFunction(() => performance.getEntriesByName('marginalia:highlights-painted').length > 0, null, { timeout: 60_000 });
  const rendered = await count(page, 'marginalia:article-rendered');
  await page.locator('input[type=file]:not([multiple])').setInputFiles({ name: 'hostile-bench.txt', mimeType: 'text/plain', buffer: Buffer.from(ARTICLE_FILE) });
  await page.waitForFunction((n) => performance.getEntriesByName('marginalia:article-rendered').length > n, rendered, { timeout: 60_000 });
  return { context, page, errors };
}

/** Milliseconds from choosing the article file until it is rendered or a notice refuses it. */
async function openTime(page, name, bytes) {
  const rendered = await count(page, 'marginalia:article-rendered');
  const t0 = await page.evaluate(() => performance.now());
  await page.locator('input[type=file]:not([multiple])').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
  const outcome = await page.waitForFunction((n) => {
    if (performance.getEntriesByName('marginalia:article-rendered').length > n) return 'opened';
    const notice = document.querySelector('.notice');
    return notice && notice.textContent.trim() ? `refused: ${notice.textContent.trim().slice(0, 80)}` : false;
  }, rendered, { timeout: 300_000 }).then((h) => h.jsonValue());
  const t1 = outcome === 'opened' ? await last(page, 'marginalia:article-rendered') : await page.evaluate(() => performance.now());
  return { ms: t1 - t0, outcome };
}

/** Milliseconds to read and plan an import, and to apply it when it is accepted. */
async function importTime(page, name, bytes) {
  await page.locator('input[type=file][multiple]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(bytes) });
  const dialog = page.getByRole('dialog', { name: 'Import report' });
  const item = dialog.getByRole('listitem').filter({ hasText: name });
  await item.waitFor({ timeout: 300_000 });
  const planned = await page.evaluate(() => {
    const at = (m) => performance.getEntriesByName(m).at(-1).startTime;
    return at('marginalia:import-planned') - at('marginalia:import-start');
  });
  const text = (await item.textContent()) ?? '';
  if (text.includes('Rejected')) {
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    return { ms: planned, outcome: `refused: ${text.replace(/^.*Rejected, nothing imported\.?\s*/, '').slice(0, 80)}` };
  }
  const applied = await count(page, 'marginalia:import-applied');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await page.waitForFunction((n) => performance.getEntriesByName('marginalia:import-applied').length > n, applied, { timeout: 300_000 });
  const apply = await page.evaluate(() => {
    const at = (m) => performance.getEntriesByName(m).at(-1).startTime;
    return at('marginalia:import-applied') - at('marginalia:import-apply-start');
  });
  return { ms: planned, apply, outcome: 'imported' };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
const cases = [
  ...PATHOLOGICAL.flatMap((f) => SIZES.map((size) => ({ label: `${f.name} (${size / 1024} KB)`, kind: f.kind, name: f.name, make: () => f.make(size) }))),
  { label: '10,000 W3C annotations, 197 new tags', kind: 'import', name: 'limits-10k.json', make: () => w3c(10_000, (k) => [`tag ${k % 197}`]) },
  { label: '10,000 W3C annotations, 20 tags each of 197', kind: 'import', name: 'limits-10k-20.json', make: () => w3c(10_000, (k) => Array.from({ length: 20 }, (_, j) => `tag ${(k + j) % 197}`)) },
];
for (const c of cases) {
  const bytes = c.make();
  const runs = [];
  let errors = [];
  for (let rep = 0; rep < REPS; rep++) {
    const session = await fresh();
    runs.push(c.kind === 'open' ? await openTime(session.page, c.name, bytes) : await importTime(session.page, c.name, bytes));
    errors = errors.concat(session.errors);
    await session.context.close();
  }
  const row = {
    label: c.label, kb: (bytes.length / 1024).toFixed(0), ms: median(runs.map((r) => r.ms)),
    apply: runs[0].apply === undefined ? null : median(runs.map((r) => r.apply)), outcome: runs[0].outcome, errors: [...new Set(errors)],
  };
  rows.push(row);
  log(`${row.label}: ${row.ms.toFixed(0)} ms${row.apply === null ? '' : ` + apply ${row.apply.toFixed(0)} ms`} (${row.outcome})${row.errors.length ? ` page errors: ${row.errors.join('; ')}` : ''}`);
}
await browser.close();
server.close?.();

const machine = `${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${new Date().toISOString().slice(0, 10)}, median of ${REPS}`;
const markdown = [
  '# Hostile files (issue 21)',
  '',
  `Time from choosing the file to the article rendered (or the notice refusing it), or to the import planned (and applied); release build, headless Chromium; ${machine}. \`make bench\` writes this file (\`bench/hostile.mjs\`, files from \`bench/lib/pathological.mjs\`).`,
  '',
  '| file | size (KB) | open / plan (ms) | apply (ms) | outcome |',
  '|---|---:|---:|---:|---|',
  ...rows.map((r) => `| ${r.label} | ${r.kb} | ${r.ms.toFixed(0)} | ${r.apply === null ? '' : r.apply.toFixed(0)} | ${r.outcome.replace(/\|/g, '\\|')}${r.errors.length ? ` (page errors: ${r.errors.join('; ')})` : ''} |`),
  '',
].join('\n');
mkdirSync('bench/results', { recursive: true });
writeFileSync(QUICK ? 'bench/results/hostile-quick.md' : 'bench/results/hostile.md', markdown);
console.log(markdown);
process.exit(0);
