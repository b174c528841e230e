// Hostile input: every payload of tests/fixtures/hostile/payloads.json goes through every way text enters the app; nothing runs, all of it shows as text, and export then import gives it back byte for byte.
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openApp, dragSelect, exportAs } from './helpers';

const PAYLOADS: string[] = JSON.parse(readFileSync('tests/fixtures/hostile/payloads.json', 'utf8'));
/** The payloads a text file can carry: a NUL byte makes a file binary, which the loader refuses. */
const TEXTUAL = PAYLOADS.filter((p) => !p.includes('\u0000'));
const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });
const entries = (page: Page) => sidebar(page).getByRole('listitem');
const report = (page: Page) => page.getByRole('dialog', { name: 'Import report' });
const QUOTE = 'The White House did not immediately respond';

/**
 * Installs the tripwire before any script of the page: `pwn()`, which every payload calls if it
 * runs, CSP violations, dialogs and requests to other hosts. Returns a check that it never fired.
 * With `inertParse`, CSP reports are allowed if each only says the policy blocked something: a
 * saved page is parsed by DOMParser into an inert document that inherits the app's CSP, so its
 * handlers, styles and <base> are reported as blocked there even though nothing could run.
 */
async function tripwire(page: Page) {
  await page.addInitScript(() => {
    const w = window as any;
    w.__pwned = [];
    w.pwn = (what: unknown) => w.__pwned.push(String(what));
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.disposition} ${e.effectiveDirective} ${e.blockedURI}`));
  });
  const fired: string[] = [];
  page.on('dialog', (dialog) => {
    fired.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (!request.url().startsWith('http://127.0.0.1') && !request.url().startsWith('blob:')) fired.push(`request: ${request.url()}`);
  });
  return async ({ inertParse = false } = {}) => {
    const seen = await page.evaluate(() => {
      const w = window as any;
      // Markup that a payload would have created: handlers, script-capable or loading elements, script links.
      const injected = [...document.body.querySelectorAll('*')].flatMap((el) => {
        const found: string[] = [];
        for (const attr of el.getAttributeNames()) if (/^on/i.test(attr)) found.push(`${el.tagName} ${attr}`);
        if (/^(SCRIPT|IFRAME|OBJECT|EMBED|MATH|BASE|META|LINK|STYLE|MARQUEE|VIDEO|SOURCE|DETAILS|IMG)$/i.test(el.tagName)) found.push(el.tagName);
        const href = el.getAttribute('href') ?? el.getAttribute('xlink:href') ?? el.getAttribute('src');
        if (href && !/^(https?:|mailto:|blob:|#|\.\/|[\w.-]+$)/i.test(href.trim())) found.push(`${el.tagName} -> ${href}`);
        return found;
      });
      return [...w.__pwned.map((p: string) => `ran: ${p}`), ...w.__csp.map((c: string) => `csp: ${c}`), ...injected];
    });
    const blockedOnly = /^csp: enforce (script-src-attr|script-src-elem|style-src-attr|style-src-elem|base-uri|img-src|frame-src|object-src|media-src) /;
    if (inertParse) seen.splice(0, seen.length, ...seen.filter((s) => !blockedOnly.test(s)));
    expect([...fired, ...seen]).toEqual([]);
  };
}

/** The page's visible text, with the whole text of form fields (notes and names live there). */
async function shownText(page: Page) {
  return page.evaluate(() => document.body.textContent + [...document.querySelectorAll('input, textarea')].map((e) => (e as HTMLInputElement).value).join('\n'));
}

async function importFiles(page: Page, files: { name: string; text: string }[]) {
  await page.locator('input[type=file][multiple]').setInputFiles(
    files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) })));
  await expect(report(page)).toBeVisible();
}

function uuid(n: number) {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

test('payloads as notes, tag names and author names, in a pack and typed: nothing runs, all shown as text, round trip byte for byte', async ({ page }) => {
  test.setTimeout(90_000);
  const check = await tripwire(page);
  await openApp(page);
  await dragSelect(page, QUOTE);
  await page.keyboard.press('1');
  const base = JSON.parse((await exportAs(page, 'Annotation pack')).text);

  // A pack whose every note, tag name, tag help, author and exporter is a payload.
  const pack = structuredClone(base);
  pack.exported.by = PAYLOADS[0];
  PAYLOADS.forEach((payload, i) => {
    pack.tags.push({ id: `hostile-${i}`, name: payload, colour: '#123456', underline: 'solid', description: payload });
    pack.annotations.push({ ...base.annotations[0], id: uuid(i + 1), note: payload, author: payload, tags: [`hostile-${i}`] });
  });
  await importFiles(page, [{ name: `${PAYLOADS[3]}.marginalia.json`, text: JSON.stringify(pack) }]);
  await expect(report(page)).toContainText(`${PAYLOADS.length} new`);
  expect(await report(page).textContent()).toContain(PAYLOADS[3]);
  await report(page).getByRole('button', { name: 'Import' }).click();
  await expect(entries(page)).toHaveCount(PAYLOADS.length + 1);

  // Shown as text: each payload (as much as the list shows of it) is in the page's text.
  const text = await shownText(page);
  for (const payload of PAYLOADS) expect(text).toContain([...payload].slice(0, 100).join(''));

  // Typed by hand: a note, a tag name, the user's name.
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('textbox', { name: 'Your name' }).fill(PAYLOADS[1]);
  await settings.getByRole('textbox', { name: 'Your name' }).press('Tab');
  const tagName = settings.getByRole('textbox', { name: 'Name of tag 2', exact: true });
  await tagName.fill(PAYLOADS[4].slice(0, 60));
  await tagName.press('Tab');
  await page.keyboard.press('Escape');
  await dragSelect(page, 'nationalism has surged here');
  const toolbar = page.getByRole('toolbar', { name: 'Annotate selection' });
  const typedNote = `typed ${PAYLOADS[5]}`;
  await toolbar.getByRole('textbox', { name: 'Note' }).fill(typedNote);
  await toolbar.getByRole('button').filter({ hasText: PAYLOADS[4].slice(0, 60) }).click();
  await expect(entries(page)).toHaveCount(PAYLOADS.length + 2);
  await expect(sidebar(page)).toContainText(typedNote);
  await expect(sidebar(page)).toContainText(PAYLOADS[4].slice(0, 60));

  // Export gives every string back exactly, and importing that export into empty storage then exporting again changes nothing.
  const exported = JSON.parse((await exportAs(page, 'Annotation pack')).text);
  const byId = new Map(exported.annotations.map((a: any) => [a.id, a]));
  PAYLOADS.forEach((payload, i) => {
    const a: any = byId.get(uuid(i + 1));
    expect(a.note).toBe(payload);
    expect(a.author).toBe(payload);
    expect(exported.tags.find((t: any) => t.id === a.tags[0]).name).toBe(payload);
    expect(exported.tags.find((t: any) => t.id === a.tags[0]).description).toBe(payload);
  });
  const typed = exported.annotations.find((a: any) => a.note === typedNote);
  expect(typed.author).toBe(PAYLOADS[1]);
  expect(exported.exported.by).toBe(PAYLOADS[1]);

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('marginalia:highlights-painted').length > 0);
  await importFiles(page, [{ name: 'round-trip.marginalia.json', text: JSON.stringify(exported) }]);
  await report(page).getByRole('button', { name: 'Import' }).click();
  await expect(entries(page)).toHaveCount(PAYLOADS.length + 2);
  const again = JSON.parse((await exportAs(page, 'Annotation pack')).text);
  expect(JSON.stringify(again.annotations)).toBe(JSON.stringify(exported.annotations));
  expect(JSON.stringify(again.tags)).toBe(JSON.stringify(exported.tags));
  await check();
});

test('payloads in W3C and Hypothesis files and in rejected files: shown as text in the report and the list, nothing runs', async ({ page }) => {
  const check = await tripwire(page);
  await openApp(page);
  const w3c = PAYLOADS.map((payload, i) => ({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    id: `urn:uuid:${uuid(i + 1)}`,
    creator: { name: payload },
    body: [
      { type: 'TextualBody', value: payload, purpose: 'commenting' },
      { type: 'TextualBody', value: payload, purpose: 'tagging' },
    ],
    target: { selector: { type: 'TextQuoteSelector', exact: QUOTE } },
  }));
  const hypothesis = {
    export_date: '2025-03-10T09:00:12.345Z',
    export_userid: 'acct:someone@hypothes.is',
    annotations: PAYLOADS.map((payload, i) => ({
      id: `hyp${i}`,
      created: '2025-03-09T10:12:44.104118+00:00',
      updated: '2025-03-09T10:15:02.551311+00:00',
      user: 'acct:someone@hypothes.is',
      uri: 'https://example.org/article',
      text: payload,
      tags: [payload],
      target: [{ source: 'https://example.org/article', selector: [{ type: 'TextQuoteSelector', exact: 'nationalism has surged here' }] }],
    })),
  };
  // Rejected files whose names and bad values are payloads: the report quotes them as text.
  const badPack = JSON.stringify({ format: 'marginalia-pack', schemaVersion: 1, exported: PAYLOADS[0], article: {}, tags: [], annotations: [] });
  await importFiles(page, [
    { name: 'w3c.json', text: JSON.stringify(w3c) },
    { name: 'hypothesis.json', text: JSON.stringify(hypothesis) },
    { name: `${PAYLOADS[6]}.json`, text: `{"broken": "${PAYLOADS[0].replace(/"/g, '\\"')}` },
    { name: `${PAYLOADS[2]}.marginalia.json`, text: badPack },
  ]);
  const reportText = await report(page).textContent();
  expect(reportText).toContain(PAYLOADS[6]);
  expect(reportText).toContain(PAYLOADS[2]);
  await report(page).getByRole('button', { name: 'Import' }).click();
  // The sidebar lists the first 100 rows; "Show more" lists the rest, so every payload is on screen.
  await expect(entries(page)).toHaveCount(Math.min(100, PAYLOADS.length * 2));
  await sidebar(page).getByRole('button', { name: 'Show more' }).click();
  await expect(entries(page)).toHaveCount(PAYLOADS.length * 2);
  const text = await shownText(page);
  for (const payload of PAYLOADS) expect(text).toContain([...payload].slice(0, 100).join(''));
  // The W3C export returns every note and tag name exactly.
  const out = JSON.parse((await exportAs(page, 'Web Annotation')).text);
  const items = out.items ?? out.first?.items ?? out;
  const values = new Set(items.flatMap((a: any) => (Array.isArray(a.body) ? a.body : [a.body]).map((b: any) => b?.value)));
  for (const payload of PAYLOADS) expect(values.has(payload)).toBe(true);

  // The printable report, opened on its own, is inert too and shows the payloads as text.
  const reportHtml = (await exportAs(page, 'Printable report')).text;
  const opened = await page.context().newPage();
  const checkReport = await tripwire(opened);
  await opened.goto('./');
  await opened.setContent(reportHtml);
  const reportShown = (await opened.locator('body').textContent())!;
  for (const payload of PAYLOADS.slice(0, 40)) expect(reportShown).toContain(payload.slice(0, 30));
  await checkReport();
  await check();
});

test('payloads as article title and text, pasted and in Markdown and HTML files; naughty strings; a 1 MB article', async ({ page }) => {
  test.setTimeout(90_000);
  const check = await tripwire(page);
  await openApp(page);
  const title = (p: Page) => p.locator('article h1');

  // Pasted: the title and every paragraph are payloads.
  await page.getByRole('button', { name: 'New article' }).click();
  const dialog = page.getByRole('dialog', { name: 'New article' });
  await dialog.getByRole('textbox', { name: 'Article text' }).fill(PAYLOADS.filter((p) => !p.includes('\n')).join('\n\n'));
  await dialog.getByRole('textbox', { name: 'Title (optional)' }).fill(PAYLOADS[0]);
  await dialog.getByRole('button', { name: 'Add article' }).click();
  await expect(title(page)).toHaveText(PAYLOADS[0]);
  const article = (await page.locator('article').textContent())!;
  for (const payload of PAYLOADS.slice(1)) expect(article).toContain(payload.replace(/[ \t\n]+/g, ' ').trim().slice(0, 40));

  // Markdown: payloads as paragraphs, links and raw HTML.
  const markdown = `# ${PAYLOADS[5]}\n\n${TEXTUAL.map((p) => p.replace(/\n/g, ' ')).join('\n\n')}\n`;
  await page.locator('input[type=file]:not([multiple])').setInputFiles({ name: 'hostile.md', mimeType: 'text/markdown', buffer: Buffer.from(markdown) });
  await expect(title(page)).toHaveText(PAYLOADS[5]);
  await expect(page.locator('article')).toContainText(PAYLOADS[0]);

  // HTML: payloads as live markup and as escaped text; the text shows, the markup never runs.
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const html = `<!doctype html><html><head><title>${escape(PAYLOADS[0])}</title></head><body><article><h1>A hostile page</h1>
    ${TEXTUAL.map((p) => `<p>Text: ${escape(p)}</p><div>${p}</div>`).join('\n')}</article></body></html>`;
  await page.locator('input[type=file]:not([multiple])').setInputFiles({ name: 'hostile.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  // (A headline that looks like markup is not taken as the title: the extractor's own rule.)
  await expect(title(page)).toHaveText('A hostile page');
  await expect(page.locator('article')).toContainText(`Text: ${PAYLOADS[0]}`);
  await expect(page.locator('article')).toContainText(`Text: ${PAYLOADS[9]}`);

  // A 1 MB article of naughty strings opens and shows them as text.
  const naughty = TEXTUAL.slice(-6).join(' ');
  const big = `A very long article\n\n${Array.from({ length: Math.ceil(1_048_576 / (naughty.length + 2)) }, () => naughty).join('\n\n')}`;
  await page.locator('input[type=file]:not([multiple])').setInputFiles({ name: 'big.txt', mimeType: 'text/plain', buffer: Buffer.from(big) });
  await expect(title(page)).toHaveText('A very long article', { timeout: 20_000 });
  expect(await page.locator('article p[data-block]').first().textContent()).toBe(naughty.replace(/[ \t\n]+/g, ' '));
  await check({ inertParse: true });
});

test('a megabyte pasted into a note: no hang, the note keeps what a note can hold, nothing else changes', async ({ page }) => {
  const check = await tripwire(page);
  await openApp(page);
  await dragSelect(page, QUOTE);
  await page.keyboard.press('1');
  await sidebar(page).getByRole('button', { name: /White House/ }).click();
  const note = page.getByRole('dialog', { name: 'Edit annotation' }).getByRole('textbox', { name: 'Note' });
  await note.fill(`${PAYLOADS[0]}${'x'.repeat(1_048_576)}`);
  await note.press('Tab');
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('marginalia:highlights-painted').length > 0);
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page)).toContainText(PAYLOADS[0]);
  const stored = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.includes('/a/')).map(([, v]) => JSON.parse(v).annotation.note));
  expect(stored).toHaveLength(1);
  expect(stored[0].length).toBe(10_000);
  await check();
});
