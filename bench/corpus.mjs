// `make corpus`: opens every page of Mozilla Readability's test corpus in the release build through the real Open-file input, in headless Chromium, and scores what the app shows against Readability's expected.html; writes bench/results/corpus.md.
//
// Usage: node bench/corpus.mjs [test-pages folder]   (default: $CORPUS_DIR, else the tarball in
// ../shared/corpora unpacked into a temporary folder). E2E_PORT picks the port. Reports; never fails.
// The scoring is the one of examples/corpus_score.rs (tests/support/corpus.rs): word-multiset
// precision, recall and F1 (each Chinese, Japanese or Korean character a word), a title matching
// Readability's or Readability's plus a " | Site" tail, a byline holding or held by Readability's.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright';
import { startServer } from './lib/server.mjs';
import { stats } from './lib/stats.mjs';

const port = Number(process.env.E2E_PORT ?? 4173);
const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];
/** The warm-up page: enough paragraph text to be an article. */
const WARM_UP = `<!doctype html><title>Warm-up</title><article><h1>Warm-up</h1>${'<p>This paragraph only loads the reader module before the measured page, with commas, words, and more words.</p>'.repeat(4)}</article>`;
const log = (...a) => console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...a);

/** Pages whose difference from Readability is deliberate, with the reason (shown in the worst-pages list). */
const DELIBERATE = {
  mathjax: 'MathML is never read (a formula\'s annotation-xml can carry markup; tests/fixtures/html/hostile_scripts.html), so the formulas Readability keeps as text are left out',
  hukumusume: 'Readability keeps the site\'s menus and link lists after the story; Marginalia keeps the story',
};

function corpusFolder() {
  const given = process.argv[2] ?? process.env.CORPUS_DIR;
  if (given) return resolve(given);
  const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
  execFileSync('tar', ['-xJf', resolve('../shared/corpora/readability-test-pages.tar.xz'), '-C', dir]);
  return join(dir, 'test-pages');
}

function isCjk(c) {
  const n = c.codePointAt(0);
  return (n >= 0x3040 && n <= 0x30ff) || (n >= 0x3400 && n <= 0x4dbf) || (n >= 0x4e00 && n <= 0x9fff)
    || (n >= 0xac00 && n <= 0xd7af) || (n >= 0xf900 && n <= 0xfaff) || (n >= 0xff66 && n <= 0xff9f);
}

/** Words as the native scorer counts them. */
function words(text) {
  const out = [];
  let current = '';
  for (const c of text) {
    if (isCjk(c)) {
      if (current) out.push(current.toLowerCase());
      current = '';
      out.push(c);
    } else if (/[\p{L}\p{N}]/u.test(c)) {
      current += c;
    } else if (current) {
      out.push(current.toLowerCase());
      current = '';
    }
  }
  if (current) out.push(current.toLowerCase());
  return out;
}

function overlap(got, expected) {
  if (!got.length || !expected.length) return got.length === expected.length ? [1, 1, 1] : [0, 0, 0];
  const counts = new Map();
  for (const w of expected) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of got) {
    const c = counts.get(w) ?? 0;
    if (c > 0) { counts.set(w, c - 1); common += 1; }
  }
  const p = common / got.length;
  const r = common / expected.length;
  return [p, r, p + r ? (2 * p * r) / (p + r) : 0];
}

const squash = (s) => words(s).join(' ');

function titleMatches(got, expected) {
  if (squash(got) === squash(expected)) return true;
  const rest = expected.trim().startsWith(got.trim()) ? expected.trim().slice(got.trim().length) : null;
  return !!got.trim() && rest !== null && [' | ', ' - ', ' — ', ' – ', ' · ', ' :: ', ' » ', ' / ', ' _', '_'].some((s) => rest.startsWith(s));
}

function bylineMatches(got, expected) {
  const [g, e] = [squash(got), squash(expected)];
  return g === e || (!!g && !!e && (e.includes(g) || g.includes(e)));
}

/** The first run of `n` words of `a` that `b` does not hold, as a quote for the reasons column. */
function firstMissing(a, b, n = 8) {
  const have = new Set(b);
  const at = a.findIndex((w) => !have.has(w));
  return at < 0 ? '' : a.slice(at, at + n).join(' ');
}

async function measure(browser, folder, name) {
  const dir = join(folder, name);
  const expectedHtml = readFileSync(join(dir, 'expected.html'), 'utf8');
  const meta = existsSync(join(dir, 'expected-metadata.json')) ? JSON.parse(readFileSync(join(dir, 'expected-metadata.json'), 'utf8')) : {};
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
  const page = await context.newPage();
  try {
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => performance.getEntriesByName('marginalia:highlights-painted').length > 0);
    await page.evaluate(() => {
      window.__fileAt = null;
      document.addEventListener('change', (e) => {
        if (e.target instanceof HTMLInputElement && e.target.type === 'file') window.__fileAt = performance.now();
      }, true);
    });
    // A small page first: it loads the second module (the readers), as the first file of a visit
    // does; its time is the cold cost, and the corpus page is then timed as every later file is.
    const input = page.locator('input[type=file]:not([multiple])');
    await input.setInputFiles({ name: 'warm-up.html', mimeType: 'text/html', buffer: Buffer.from(WARM_UP) });
    const cold = await page.waitForFunction(() => {
      const mark = window.__fileAt !== null && performance.getEntriesByName('marginalia:article-rendered').find((m) => m.startTime >= window.__fileAt);
      return mark ? mark.startTime - window.__fileAt : false;
    }, null, { timeout: 20_000 }).then((h) => h.jsonValue());
    await page.evaluate(() => { window.__fileAt = null; });
    await input.setInputFiles(join(dir, 'source.html'));
    const outcome = await page.waitForFunction(() => {
      if (window.__fileAt === null) return false;
      const mark = performance.getEntriesByName('marginalia:article-rendered').find((m) => m.startTime >= window.__fileAt);
      if (mark) return { shown: true, ms: mark.startTime - window.__fileAt };
      const notice = document.querySelector('.notice');
      if (notice && /no article/i.test(notice.textContent)) return { shown: false, ms: performance.now() - window.__fileAt };
      return false;
    }, null, { timeout: 20_000 }).then((h) => h.jsonValue());
    const shown = outcome.shown ? await page.evaluate(() => ({
      title: document.querySelector('article h1')?.textContent ?? '',
      byline: document.querySelector('article .byline')?.textContent ?? '',
      body: [...document.querySelectorAll('article [data-block]')].filter((b) => b.getAttribute('data-block') !== '0').map((b) => b.textContent).join('\n'),
    })) : { title: '', byline: '', body: '' };
    const expectedText = await page.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      doc.querySelectorAll('script, style, noscript').forEach((e) => e.remove());
      return doc.body.textContent;
    }, expectedHtml);
    const got = words(shown.body);
    const expected = words(expectedText);
    const [precision, recall, f1] = overlap(got, expected);
    return {
      name,
      real: statSync(join(dir, 'source.html')).size >= 5000,
      found: outcome.shown,
      ms: outcome.ms,
      coldMs: cold,
      precision, recall, f1,
      title: shown.title,
      expectedTitle: meta.title ?? '',
      titleOk: outcome.shown && titleMatches(shown.title, meta.title ?? ''),
      // The byline line is "byline · date · source"; only pages where Readability found a byline count.
      bylineOk: meta.byline ? bylineMatches(shown.byline.split(' · ')[0] ?? '', meta.byline) || squash(shown.byline).includes(squash(meta.byline)) : null,
      missing: firstMissing(expected, got),
      extra: firstMissing(got, expected),
    };
  } finally {
    await context.close();
  }
}

function reason(s) {
  if (DELIBERATE[s.name]) return `deliberate: ${DELIBERATE[s.name]}`;
  if (!s.found) return 'no article found';
  if (s.recall < s.precision) return `misses text (recall ${s.recall.toFixed(2)}), first missing: “${s.missing}…”`;
  return `keeps extra text (precision ${s.precision.toFixed(2)}), first extra: “${s.extra}…”`;
}

function summarise(label, xs) {
  const times = stats(xs.map((s) => s.ms));
  const mean = (f) => xs.reduce((a, s) => a + f(s), 0) / xs.length;
  const share = (f) => (100 * xs.filter(f).length) / xs.length;
  return `| ${label} | ${xs.length} | ${xs.filter((s) => !s.found).length} | ${mean((s) => s.f1).toFixed(3)} | ${share((s) => s.f1 >= 0.9).toFixed(1)}% | ${mean((s) => s.precision).toFixed(3)} | ${mean((s) => s.recall).toFixed(3)} | ${share((s) => s.titleOk).toFixed(1)}% | ${(100 * xs.filter((s) => s.bylineOk === true).length / Math.max(1, xs.filter((s) => s.bylineOk !== null).length)).toFixed(1)}% | ${times.median.toFixed(0)} ms | ${times.p95.toFixed(0)} ms | ${stats(xs.map((s) => s.coldMs)).median.toFixed(0)} ms |`;
}

async function main() {
  const folder = corpusFolder();
  const names = readdirSync(folder).filter((n) => existsSync(join(folder, n, 'source.html'))).sort();
  const server = await startServer(port);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
  const results = [];
  try {
    for (const name of names) {
      const s = await measure(browser, folder, name);
      log(name, s.found ? `F1 ${s.f1.toFixed(3)}` : 'NO ARTICLE', `${s.ms.toFixed(0)} ms`);
      results.push(s);
    }
  } finally {
    await browser.close();
    server.close();
  }
  const real = results.filter((s) => s.real);
  const worst = [...real].sort((a, b) => a.f1 - b.f1).slice(0, 10);
  const row = (s) => `| ${s.name} | ${s.real ? 'real' : 'unit'} | ${s.found ? 'yes' : '**no**'} | ${s.f1.toFixed(3)} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} | ${s.titleOk ? 'yes' : 'no'} | ${s.bylineOk === null ? '–' : s.bylineOk ? 'yes' : 'no'} | ${s.ms.toFixed(0)} |`;
  const md = `# Corpus: Marginalia's reader mode on Readability's test pages

Written by \`make corpus\` (bench/corpus.mjs) on ${new Date().toISOString().slice(0, 10)}: every page of Mozilla
Readability's test corpus (130 pages, 94 of them saved real sites, the rest hand-made unit cases
under 5,000 bytes) opened in the release build in headless Chromium through the Open-file input,
and what the app shows compared with \`expected.html\`, Readability.js's own output. That output is
not a human judgement: where Readability keeps furniture, dropping it counts against Marginalia here.

- **F1**: word-level precision and recall of the article's body (title block left out) against the
  text of expected.html, as multisets of lower-cased words; each Chinese, Japanese or Korean character is a word.
- **title**: the shown title equals Readability's (case and punctuation aside), or Readability's is it
  plus a site name after a separator (" | Site"), which Marginalia leaves out.
- **byline**: the shown byline holds Readability's or is held by it; only pages where Readability
  found a byline count (the byline line also shows the date, so an absent byline cannot be told apart).
- **time**: from the file input's change event to the \`marginalia:article-rendered\` performance mark
  (reading, decoding, DOMParser, extraction, storing and rendering); for "no article", to the notice.
  Each page is opened in a fresh browser context after a small warm-up page, which loads the second
  wasm module (the readers) as the first file of a visit does: "median time" is every later file,
  "first file of a visit" is the warm-up's own time (module fetched from the local server and compiled).

## Summary

| pages | n | no article | mean F1 | F1 ≥ 0.9 | mean precision | mean recall | title | byline | median time | p95 time | first file of a visit (median) |
|---|---|---|---|---|---|---|---|---|---|---|---|
${summarise('real sites', real)}
${summarise('all pages', results)}

Before issue 16 (the native scorer, \`examples/corpus_score\`, on commit f537bce with the same scoring):
real sites: 10 with no article, mean F1 0.833, 79.8% at F1 ≥ 0.9, title 73.4%, byline 67.0% (empty matching empty).

Targets (issue 16): 0 "no article" on the real sites; mean F1 ≥ 0.95 and ≥ 90% of real sites at
F1 ≥ 0.9; title match ≥ 90%; median time ≤ 200 ms.

## The 10 worst real sites

| page | F1 | reason |
|---|---|---|
${worst.map((s) => `| ${s.name} | ${s.f1.toFixed(3)} | ${reason(s).replaceAll('|', '\\|')} |`).join('\n')}

## Every page

| page | kind | article | F1 | precision | recall | title | byline | ms |
|---|---|---|---|---|---|---|---|---|
${results.map(row).join('\n')}
`;
  writeFileSync('bench/results/corpus.md', md);
  log('wrote bench/results/corpus.md');
  console.log(summarise('real sites', real));
}

await main();
