// Measures Mozilla's Readability.js the way Marginalia would run it (DOMParser document, in Chromium) on Readability's test corpus: word F1 against expected.html, title match, and time per page. For docs/extractor-choice.md; not part of any make target.
//
// Usage: (cd /tmp && npm pack @mozilla/readability@0.6.0 && tar xzf mozilla-readability-0.6.0.tgz)
//        node bench/readability-compare.mjs /tmp/package/Readability.js <test-pages folder>
// The words, F1 and title rules are the ones of bench/corpus.mjs and tests/support/corpus.rs.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { stats } from './lib/stats.mjs';

const [script, folder] = process.argv.slice(2);
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
const page = await browser.newPage();
await page.setContent('<!doctype html><title>readability</title>');
await page.addScriptTag({ content: readFileSync(script, 'utf8') });
// The scoring helpers, defined once in the page.
await page.evaluate(() => {
  const cjk = (c) => { const n = c.codePointAt(0); return (n >= 0x3040 && n <= 0x30ff) || (n >= 0x3400 && n <= 0x4dbf) || (n >= 0x4e00 && n <= 0x9fff) || (n >= 0xac00 && n <= 0xd7af) || (n >= 0xf900 && n <= 0xfaff) || (n >= 0xff66 && n <= 0xff9f); };
  window.words = (text) => {
    const out = []; let cur = '';
    for (const c of text) {
      if (cjk(c)) { if (cur) out.push(cur.toLowerCase()); cur = ''; out.push(c); } else if (/[\p{L}\p{N}]/u.test(c)) cur += c; else if (cur) { out.push(cur.toLowerCase()); cur = ''; }
    }
    if (cur) out.push(cur.toLowerCase());
    return out;
  };
  window.f1 = (got, expected) => {
    if (!got.length || !expected.length) return got.length === expected.length ? 1 : 0;
    const counts = new Map(); for (const w of expected) counts.set(w, (counts.get(w) ?? 0) + 1);
    let common = 0; for (const w of got) { const c = counts.get(w) ?? 0; if (c > 0) { counts.set(w, c - 1); common++; } }
    const p = common / got.length, r = common / expected.length; return p + r ? (2 * p * r) / (p + r) : 0;
  };
});

const rows = [];
for (const name of readdirSync(folder).sort()) {
  const dir = join(folder, name);
  if (!existsSync(join(dir, 'source.html'))) continue;
  const source = readFileSync(join(dir, 'source.html'), 'utf8');
  const expected = readFileSync(join(dir, 'expected.html'), 'utf8');
  const meta = JSON.parse(readFileSync(join(dir, 'expected-metadata.json'), 'utf8'));
  const r = await page.evaluate(({ source, expected }) => {
    const start = performance.now();
    const doc = new DOMParser().parseFromString(source, 'text/html');
    const article = new Readability(doc).parse();
    const ms = performance.now() - start;
    const text = (html) => { const d = new DOMParser().parseFromString(html, 'text/html'); d.querySelectorAll('script, style, noscript').forEach((e) => e.remove()); return d.body.textContent; };
    return { ms, found: !!article, title: article?.title ?? '', f1: article ? window.f1(window.words(text(article.content)), window.words(text(expected))) : 0 };
  }, { source, expected });
  rows.push({ name, real: statSync(join(dir, 'source.html')).size >= 5000, ...r, titleOk: r.title.trim() === (meta.title ?? '').trim() });
}
await browser.close();
const real = rows.filter((r) => r.real);
const mean = (xs, f) => xs.reduce((a, x) => a + f(x), 0) / xs.length;
const t = stats(real.map((r) => r.ms));
console.log(`Readability.js on ${real.length} real sites: no article ${real.filter((r) => !r.found).length}, mean F1 ${mean(real, (r) => r.f1).toFixed(3)}, F1>=0.9 ${(100 * real.filter((r) => r.f1 >= 0.9).length / real.length).toFixed(1)}%, title ${(100 * real.filter((r) => r.titleOk).length / real.length).toFixed(1)}%, DOMParser+parse median ${t.median.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms`);
for (const r of [...real].sort((a, b) => a.f1 - b.f1).slice(0, 5)) console.log(`  ${r.name}: F1 ${r.f1.toFixed(3)}`);
