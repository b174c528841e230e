// Interop with the real clients from npm, run on the article as Marginalia renders it: Apache Annotator anchors the W3C export and Recogito's text annotator the export made for it, Recogito's own annotations import, and every pack export passes the schema in ajv.
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { openApp, exportAs } from './helpers';
import { clientsScript } from './lib/clients.mjs';

// The clients are injected into the app's page, whose CSP (rightly) allows no other script.
test.use({ bypassCSP: true });

const ARTICLE = `Ünïcode café notes

By Zoë Ðuric

March 3, 2025

Émile paid 5 € for a crème brûlée 🍮 at the café, then walked home.

The family 👩‍👩‍👧 met 𝒳 at noon; «ça va» said Zoë, and everyone laughed.

Last paragraph ends with an emoji 🎉`;

/** Quotes in Marginalia's text (blocks joined by a blank line): first and last words of blocks, overlaps, non-ASCII, emoji, across blocks. */
const QUOTES = [
  'Ünïcode', 'Émile', 'walked home.', 'paid 5 € for a crème', '€ for a crème brûlée 🍮', 'crème brûlée',
  '👩‍👩‍👧', '𝒳 at noon', '«ça va»', 'walked home.\n\nThe family', 'The family', 'emoji 🎉', 'laughed.',
];

async function paste(page: Page, text: string) {
  await page.getByRole('button', { name: 'New article' }).click();
  const dialog = page.getByRole('dialog', { name: 'New article' });
  await dialog.getByRole('textbox', { name: 'Article text' }).fill(text);
  await dialog.getByRole('textbox', { name: 'Source URL (optional)' }).fill('https://example.org/notes');
  await dialog.getByRole('button', { name: 'Add article' }).click();
  await expect(dialog).toBeHidden();
}

/** Imports `file` through the import button and accepts the report; returns the report's text. */
async function importFile(page: Page, name: string, file: string) {
  await page.locator('input[type=file][multiple]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(file) });
  const report = page.getByRole('dialog', { name: 'Import report' });
  await expect(report).toBeVisible();
  const text = await report.innerText();
  await report.getByRole('button', { name: 'Import' }).click();
  await expect(report).toHaveCount(0);
  return text;
}

/** A W3C file of quote-only annotations, as a tool that knows nothing of positions writes them. */
function quotesFile(quotes: string[]) {
  const items = quotes.map((exact, k) => ({
    id: `urn:uuid:00000000-0000-4000-8000-${String(k + 1).padStart(12, '0')}`,
    type: 'Annotation',
    body: [{ type: 'TextualBody', purpose: 'tagging', value: 'Claim' }],
    target: { selector: { type: 'TextQuoteSelector', exact } },
  }));
  return JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationPage', items });
}

/** Marginalia's text of each annotation of a pack export, by id, as a page shows it (no blank lines between blocks). */
function packTexts(pack: string): Map<string, string> {
  const value = JSON.parse(pack);
  const chars = [...value.article.text];
  return new Map(value.annotations.map((a: any) => [a.id, chars.slice(a.target.start, a.target.end).join('').replaceAll('\n\n', '')]));
}

function validatePack(pack: string) {
  const ajv = new Ajv2020({ allErrors: true });
  const validate = ajv.compile(JSON.parse(readFileSync('schema/marginalia-pack.v1.schema.json', 'utf8')));
  const ok = validate(JSON.parse(pack));
  expect(validate.errors ?? [], 'the pack passes the published schema in ajv').toEqual([]);
  expect(ok).toBe(true);
}

test.beforeAll(async () => {
  script = await clientsScript();
});
let script = '';

/**
 * Loads `file` into a real Recogito text annotator on the article, as its `loadAnnotations` does with
 * the JSON it fetches, and returns [id, text of the range Recogito revived] for each annotation it
 * kept, and how many it discarded.
 */
async function throughRecogito(page: Page, file: unknown, source: string) {
  return page.evaluate(([file, source]) => {
    const { recogito } = (window as any).Clients;
    const article = document.getElementById('article')!;
    const anno = recogito.createTextAnnotator(article, { adapter: recogito.W3CTextFormat(source, article) });
    const warn = console.warn;
    let discarded = 0;
    console.warn = (message: string, failed?: unknown[]) => { if (String(message).startsWith('Discarded')) discarded += failed?.length ?? 0; };
    try {
      anno.setAnnotations(file);
    } finally {
      console.warn = warn;
    }
    const texts = anno.state.store.all().map((a: any) =>
      [a.id.replace('urn:uuid:', ''), recogito.reviveTarget(a.target, article).selector[0].range.toString()] as [string, string]);
    anno.destroy();
    return { texts, discarded };
  }, [file, source] as const);
}

test('Recogito and Apache Annotator anchor every exported annotation on the same text as Marginalia', async ({ page }) => {
  await openApp(page);
  await paste(page, ARTICLE);
  const report = await importFile(page, 'quotes.jsonld', quotesFile(QUOTES));
  expect(report).toContain(String(QUOTES.length));
  const w3c = JSON.parse((await exportAs(page, 'Web Annotation')).text);
  const forRecogito = await exportAs(page, 'Recogito');
  expect(forRecogito.name).toMatch(/\.recogito\.jsonld$/);
  const pack = (await exportAs(page, 'Annotation pack')).text;
  validatePack(pack);
  const expected = packTexts(pack);
  expect(expected.size).toBe(QUOTES.length);

  await page.addScriptTag({ content: script });
  const found = await page.evaluate(async (items: any[]) => {
    const { recogito, apache } = (window as any).Clients;
    const article = document.getElementById('article')!;
    const out = [];
    for (const item of items) {
      const selectors = item.target.selector;
      const quote = selectors.find((s: any) => s.type === 'TextQuoteSelector');
      const position = selectors.find((s: any) => s.type === 'TextPositionSelector');
      // Recogito given the standard file: its own W3C parser, then its reviving of the target.
      const parsed = recogito.parseW3CTextAnnotation(item).parsed;
      const revived = recogito.reviveTarget(parsed.target, article);
      const byRecogito = revived.selector[0].range.toString();
      // Apache Annotator: every match of the position and of the quote selector.
      const byPosition: Range[] = [];
      for await (const r of apache.createTextPositionSelectorMatcher(position)(article)) byPosition.push(r);
      const byQuote: Range[] = [];
      for await (const r of apache.createTextQuoteSelectorMatcher(quote)(article)) byQuote.push(r);
      // Where a range starts, in UTF-16 units of the article's text (boundary points may sit at
      // the end of one text node or the start of the next and still be the same place).
      const offset = (r: Range) => {
        const before = document.createRange();
        before.setStart(article, 0);
        before.setEnd(r.startContainer, r.startOffset);
        return before.toString().length;
      };
      const same = byQuote.length === 1 && byPosition.length === 1 && offset(byQuote[0]) === offset(byPosition[0]);
      out.push({
        id: item.id.replace('urn:uuid:', ''),
        recogito: byRecogito,
        position: byPosition.map((r) => r.toString()),
        quote: byQuote.map((r) => r.toString()),
        same,
        // What Recogito counts: UTF-16 units up to the passage's end, against the code points the W3C model counts.
        astralBefore: [...article.textContent!].slice(0, position.end).some((c) => c.length > 1),
      });
    }
    return out;
  }, w3c.first.items);

  const apachePosition = found.filter((f) => f.position.length === 1 && f.position[0] === expected.get(f.id));
  const apacheQuote = found.filter((f) => f.quote.length === 1 && f.quote[0] === expected.get(f.id));
  const recogitoOnW3c = found.filter((f) => f.recogito === expected.get(f.id));
  const bmpOnly = found.filter((f) => !f.astralBefore);
  expect(apachePosition.map((f) => f.id)).toEqual(found.map((f) => f.id));
  expect(apacheQuote.map((f) => f.id)).toEqual(found.map((f) => f.id));
  expect(found.every((f) => f.same), 'the quote and the position select the same range').toBe(true);
  // The standard file counts code points, Recogito UTF-16 units: the two agree up to the first
  // character outside the Basic Multilingual Plane (docs/interop.md), which is why the Recogito
  // file exists.
  expect(recogitoOnW3c.filter((f) => !f.astralBefore).map((f) => f.id)).toEqual(bmpOnly.map((f) => f.id));
  expect(bmpOnly.length).toBeLessThan(found.length);

  // The Recogito file, loaded whole into a real text annotator: every annotation on the same text.
  const recogito = await throughRecogito(page, JSON.parse(forRecogito.text), 'https://example.org/notes');
  const landed = recogito.texts.filter(([id, text]) => text === expected.get(id));
  console.log(`Apache Annotator (W3C file): ${apachePosition.length}/${found.length} by position, ${apacheQuote.length}/${found.length} by quote; `
    + `Recogito: W3C file ${recogitoOnW3c.length}/${found.length}, Recogito file ${landed.length}/${found.length}`);
  expect(recogito.discarded).toBe(0);
  expect(recogito.texts.length).toBe(QUOTES.length);
  for (const [id, text] of recogito.texts) expect(text, id).toBe(expected.get(id));
});

test('Recogito lands 100% of an export of an article without astral characters', async ({ page }) => {
  await openApp(page);
  const blocks = await page.evaluate(() => [...document.querySelectorAll('article [data-block]')].map((b) => b.textContent ?? ''));
  // First and last words of each block, and overlapping pairs in the longest one.
  const quotes = new Set<string>();
  for (const b of blocks) {
    const words = b.split(' ');
    if (words.length > 3) quotes.add(words.slice(0, 2).join(' ')).add(words.slice(-2).join(' '));
  }
  const long = blocks.reduce((a, b) => (b.length > a.length ? b : a));
  quotes.add(long.slice(10, 60)).add(long.slice(40, 90));
  const unique = [...quotes].filter((q) => blocks.join('').split(q).length === 2);
  await importFile(page, 'quotes.jsonld', quotesFile(unique));
  const w3c = JSON.parse((await exportAs(page, 'Web Annotation')).text);
  const expected = packTexts((await exportAs(page, 'Annotation pack')).text);
  await page.addScriptTag({ content: script });
  const texts = await page.evaluate((items: any[]) => {
    const { recogito } = (window as any).Clients;
    const article = document.getElementById('article')!;
    return items.map((item) => [item.id.replace('urn:uuid:', ''),
      recogito.reviveTarget(recogito.parseW3CTextAnnotation(item).parsed.target, article).selector[0].range.toString()]);
  }, w3c.first.items);
  expect(texts.length).toBe(unique.length);
  console.log(`Recogito on an article without astral characters: ${texts.filter(([id, text]) => text === expected.get(id)).length}/${texts.length}`);
  for (const [id, text] of texts) expect(text, id).toBe(expected.get(id));
});

test('annotations made and exported by Recogito import 100% with their tags and notes', async ({ page }) => {
  await openApp(page);
  await paste(page, ARTICLE);
  await page.addScriptTag({ content: script });
  const made = await page.evaluate(() => {
    const { recogito } = (window as any).Clients;
    const article = document.getElementById('article')!;
    // Ranges as a user's selections would make them: inside a block, across blocks, on emoji.
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    while (walker.nextNode()) nodes.push(walker.currentNode as Text);
    const locate = (needle: string, occurrence = 0): [Text, number] => {
      const all = nodes.map((n) => n.data).join('');
      let at = -1;
      for (let i = 0; i <= occurrence; i++) at = all.indexOf(needle, at + 1);
      for (const n of nodes) { if (at < n.data.length) return [n, at]; at -= n.data.length; }
      throw new Error(needle);
    };
    const rangeOf = (from: string, to: string, occurrence = 0) => {
      const r = document.createRange();
      const [sn, so] = locate(from, occurrence);
      const [en, eo] = locate(to, occurrence);
      r.setStart(sn, so);
      r.setEnd(en, eo + to.length);
      return r;
    };
    const picks: [string, string, string[], string, number?][] = [
      ['crème', '🍮', ['Food', 'Claim'], 'A dessert 🍮'],
      // The second "café", after an emoji: only its UTF-16 positions tell it from the first.
      ['café', 'café', ['Place'], '', 1],
      ['walked', 'family', ['Claim'], ''],
      ['👩‍👩‍👧', 'noon', ['Family'], 'Note with\nline break'],
      ['«ça', 'va»', ['Quote'], 'French'],
      ['emoji', '🎉', ['Emoji'], ''],
    ];
    const creator = { id: 'https://example.org/ana', name: 'Ana' };
    return picks.map(([from, to, tags, note, occurrence]) => {
      const id = crypto.randomUUID();
      const selector = recogito.rangeToSelector(rangeOf(from, to, occurrence), article);
      const created = new Date('2026-12-07T07:43:20.057Z');
      const bodies = [
        ...tags.map((value) => ({ id: crypto.randomUUID(), annotation: id, purpose: 'tagging', value, created, creator })),
        ...(note ? [{ id: crypto.randomUUID(), annotation: id, purpose: 'commenting', value: note, created, creator }] : []),
      ];
      const annotation = { id, bodies, target: { annotation: id, selector: [selector], created, creator } };
      return { id, quote: selector.quote, tags, note, w3c: recogito.serializeW3CTextAnnotation(annotation, 'https://example.org/notes', article) };
    });
  });
  const report = await importFile(page, 'recogito.json', JSON.stringify(made.map((m) => m.w3c)));
  expect(report, 'every one placed').toContain(`${made.length} new, 0 merged, 0 duplicates skipped, 0 not placed`);
  await expect(page.getByRole('heading', { name: /Not placed/ })).toHaveCount(0);
  const pack = JSON.parse((await exportAs(page, 'Annotation pack')).text);
  const names = new Map(pack.tags.map((t: any) => [t.id, t.name]));
  const chars = [...pack.article.text];
  let landed = 0;
  for (const m of made) {
    const a = pack.annotations.find((x: any) => x.id === m.id);
    expect(a, `${m.quote} was imported`).toBeTruthy();
    expect(chars.slice(a.target.start, a.target.end).join('').replaceAll('\n\n', '')).toBe(m.quote);
    expect(a.tags.map((t: string) => names.get(t))).toEqual(m.tags);
    expect(a.note).toBe(m.note);
    expect(a.author).toBe('Ana');
    expect(a.created).toBe('2026-12-07T07:43:20.057Z');
    landed += 1;
  }
  console.log(`Recogito-made annotations imported on the same text: ${landed}/${made.length}`);
});

test('a pack with unplaced annotations and other versions passes ajv and imports back with nothing new', async ({ page }) => {
  await openApp(page);
  const version = (note: string, modified: string) => JSON.stringify([{
    '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:uuid:6f1c2b3a-0000-4000-8000-000000000001', type: 'Annotation',
    created: '2026-12-07T07:43:20.057Z', modified,
    body: [{ type: 'TextualBody', purpose: 'tagging', value: 'Claim' }, { type: 'TextualBody', purpose: 'commenting', value: note }],
    target: { selector: { type: 'TextQuoteSelector', exact: 'Coca Cola' } },
  }, {
    '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:uuid:6f1c2b3a-0000-4000-8000-000000000002', type: 'Annotation',
    body: { type: 'TextualBody', purpose: 'tagging', value: 'Claim' },
    // Not in this article: kept unplaced, with a context longer than Marginalia keeps.
    target: { selector: { type: 'TextQuoteSelector', exact: 'a passage of another article', prefix: 'p'.repeat(60) } },
  }]);
  await importFile(page, 'first.jsonld', version('first', '2026-12-07T08:00:00.000Z'));
  await importFile(page, 'second.jsonld', version('second', '2026-12-07T09:00:00.000Z'));
  const attention = page.getByRole('region', { name: 'Needs attention' });
  await expect(attention.getByRole('heading', { name: 'Other versions (1)' })).toBeVisible();
  await expect(attention.getByRole('heading', { name: 'Not placed (1)' })).toBeVisible();
  const pack = (await exportAs(page, 'Annotation pack')).text;
  validatePack(pack);
  const value = JSON.parse(pack);
  expect(value.annotations).toHaveLength(2);
  expect(value.otherVersions.map((a: any) => a.note)).toEqual(['first']);
  // Into the same browser: nothing new, no new conflict; every export of the app imports back.
  for (const [label, name] of [['Annotation pack', 'again.marginalia.json'], ['Web Annotation', 'again.jsonld'], ['Hypothesis', 'again.hypothesis.json'], ['Recogito', 'again.recogito.jsonld']]) {
    const file = label === 'Annotation pack' ? pack : (await exportAs(page, label)).text;
    await page.locator('input[type=file][multiple]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(file) });
    const report = page.getByRole('dialog', { name: 'Import report' });
    await expect(report, label).toContainText('Nothing new to import.');
    await report.getByRole('button', { name: 'Cancel' }).click();
  }
  await expect(attention.getByRole('heading', { name: 'Other versions (1)' })).toBeVisible();
  await expect(attention.getByRole('heading', { name: 'Not placed (1)' })).toBeVisible();
  // Recogito loads the file made for it, and skips the annotation that is not placed, as the dialog says.
  await page.addScriptTag({ content: script });
  const recogito = await throughRecogito(page, JSON.parse((await exportAs(page, 'Recogito')).text), 'urn:x');
  expect(recogito.discarded).toBe(1);
  expect(recogito.texts.map(([, text]) => text)).toEqual(['Coca Cola']);
});
