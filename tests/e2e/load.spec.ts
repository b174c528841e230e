// Loading articles like a user: paste, open files, drop a saved page, bad files, and a library that keeps each article's annotations.
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openApp, dragSelect, highlightTexts } from './helpers';

const fixture = (name: string) => `tests/e2e/fixtures/${name}`;
const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });
const entries = (page: Page) => sidebar(page).getByRole('listitem');
const title = (page: Page) => page.locator('article h1');

const PASTED = `Council approves new bus lanes

By Sam Carter

March 3, 2025

The city council voted 7 to 2 on Tuesday to add bus lanes on three avenues,
a change supporters said would cut commute times by a fifth.

Opponents said the lanes would hurt shops that depend on street parking.`;

async function painted(page: Page) {
  await page.waitForFunction(() => performance.getEntriesByName('marginalia:highlights-painted').length > 0);
}

async function paste(page: Page, text: string, extra: { title?: string; source?: string } = {}) {
  await page.getByRole('button', { name: 'New article' }).click();
  const dialog = page.getByRole('dialog', { name: 'New article' });
  await dialog.getByRole('textbox', { name: 'Article text' }).fill(text);
  if (extra.title) await dialog.getByRole('textbox', { name: 'Title (optional)' }).fill(extra.title);
  if (extra.source) await dialog.getByRole('textbox', { name: 'Source URL (optional)' }).fill(extra.source);
  await dialog.getByRole('button', { name: 'Add article' }).click();
  await expect(dialog).toBeHidden();
}

async function openFile(page: Page, name: string) {
  await page.locator('input[type=file]:not([multiple])').setInputFiles(fixture(name));
}

test('paste an article and annotate it', async ({ page }) => {
  await openApp(page);
  await paste(page, PASTED, { source: 'https://example.org/bus-lanes' });
  await expect(title(page)).toHaveText('Council approves new bus lanes');
  await expect(page.locator('.byline')).toContainText('Sam Carter · March 3, 2025');
  const source = page.locator('.byline a');
  await expect(source).toHaveAttribute('href', 'https://example.org/bus-lanes');
  await expect(source).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(page.locator('article p[data-block]')).toHaveCount(2);
  await expect(page.locator('article p[data-block]').first()).toContainText('three avenues, a change');
  await expect(entries(page)).toHaveCount(0);

  // The pasted article's painter is attached once it is rendered (the second article this page shows).
  await page.waitForFunction(() => performance.getEntriesByName('marginalia:article-rendered').length >= 2);
  await dragSelect(page, 'cut commute times by a fifth');
  await page.keyboard.press('1');
  await expect(entries(page)).toHaveCount(1);
  await expect.poll(() => highlightTexts(page, 'mg-tag-0')).toEqual(['cut commute times by a fifth']);

  // Reload returns to the article open last, with its annotation.
  await page.reload();
  await painted(page);
  await expect(title(page)).toHaveText('Council approves new bus lanes');
  await expect(entries(page)).toHaveCount(1);

  // The bundled sample is one click away.
  await page.getByRole('button', { name: 'Sample', exact: true }).click();
  await expect(title(page)).toHaveText('Trump tells Mexican president he wants US troops to fight drug cartels');
  await expect(page.getByRole('button', { name: 'Sample', exact: true })).toHaveCount(0);
});

test('open a saved news page: the article is extracted and no script runs', async ({ page }) => {
  await openApp(page);
  await openFile(page, 'hostile-news.html');
  await expect(title(page)).toHaveText('Border talks stall as tariffs loom');
  await painted(page);
  const article = await page.locator('article').innerText();
  expect(article).toContain('Negotiators from both countries');
  expect(article).toContain('No deal is better than a bad deal');
  for (const junk of ['Home', 'Buy now', 'Share on Facebook', 'Related stories', 'First! This is a comment', 'SVG TEXT', 'MATHML TEXT', 'FORM TEXT', 'All rights reserved', 'window.__pwned']) {
    expect(article).not.toContain(junk);
  }
  await expect(page.locator('article blockquote')).toHaveCount(1);
  // Only the safe link survives, and it opens in a new tab without an opener.
  const links = page.locator('article a');
  await expect(links).toHaveCount(1);
  await expect(links.first()).toHaveAttribute('href', 'https://example.org/report');
  await expect(links.first()).toHaveAttribute('target', '_blank');
  await expect(page.locator('article script, article iframe, article svg, article img, article form, article [onclick]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();

  await dragSelect(page, 'a tariff of 25 percent would raise prices');
  await page.keyboard.press('1');
  await expect(entries(page)).toHaveCount(1);
});

test('drop a saved page onto the app', async ({ page }) => {
  await openApp(page);
  const html = readFileSync(fixture('hostile-news.html'), 'utf8');
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'saved-page.html', { type: 'text/html' }));
    return dt;
  }, html);
  await page.dispatchEvent('body', 'dragover', { dataTransfer });
  await expect(page.locator('.drop-overlay')).toBeVisible();
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await expect(title(page)).toHaveText('Border talks stall as tariffs loom');
  await expect(page.locator('.drop-overlay')).toBeHidden();
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
});

test('Markdown keeps its structure and shows raw HTML as text', async ({ page }) => {
  await openApp(page);
  await openFile(page, 'notes.md');
  await expect(title(page)).toHaveText('Reading notes on the summit');
  await expect(page.locator('article em')).toHaveText('three');
  await expect(page.locator('article strong')).toHaveText('one');
  await expect(page.locator('article blockquote')).toContainText('We will meet again in June');
  await expect(page.locator('article ul li')).toHaveCount(3);
  await expect(page.locator('article ol li')).toHaveCount(2);
  await expect(page.locator('article')).toContainText("<script>window.__pwned = 'markdown html ran'</script>");
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
});

test('bad files get a clear message and change nothing', async ({ page }) => {
  await openApp(page);
  const before = await title(page).textContent();
  const notice = page.locator('.notice');
  for (const [file, message] of [
    ['empty.txt', 'The file is empty.'],
    ['picture.txt', 'binary file'],
  ]) {
    await openFile(page, file);
    await expect(notice).toContainText(message);
    await expect(title(page)).toHaveText(before!);
  }
  await page.locator('input[type=file]:not([multiple])').setInputFiles({ name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 'a') });
  await expect(notice).toContainText('up to 10 MB');
  await page.locator('input[type=file]:not([multiple])').setInputFiles({ name: 'slides.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
  await expect(notice).toContainText('.txt, .md and .html');
  await expect(title(page)).toHaveText(before!);

  // Not UTF-8: read as Windows-1252, and said so.
  await openFile(page, 'latin1.txt');
  await expect(title(page)).toHaveText('Café owners protest new rules');
  await expect(page.locator('article')).toContainText('“new rules”');
  await expect(notice).toContainText('Windows-1252');

  // A page with no article: offered all of its text instead.
  await openFile(page, 'no-article.html');
  await expect(notice).toContainText('No article');
  await expect(title(page)).toHaveText('Café owners protest new rules');
  await notice.getByRole('button', { name: 'Load all its text instead' }).click();
  await expect(page.locator('article')).toContainText('Please sign in to continue reading.');
});

test('each article keeps its own annotations; the same article opens again with them', async ({ page }) => {
  await openApp(page);
  await dragSelect(page, 'The White House did not immediately respond');
  await page.keyboard.press('2');
  await paste(page, PASTED);
  await painted(page);
  await expect(entries(page)).toHaveCount(0);
  await dragSelect(page, 'Opponents said the lanes would hurt shops');
  await page.keyboard.press('1');
  await dragSelect(page, 'voted 7 to 2 on Tuesday');
  await page.keyboard.press('3');
  await expect(entries(page)).toHaveCount(2);

  const library = page.getByRole('dialog', { name: 'Library' });
  await page.getByRole('button', { name: 'Library' }).click();
  await expect(library.locator('.library-entry')).toHaveCount(2);
  await expect(library.locator('.library-entry').nth(1)).toContainText('2 annotations');
  await library.locator('.library-entry').first().getByRole('button', { name: 'Open' }).click();
  await expect(title(page)).toHaveText('Trump tells Mexican president he wants US troops to fight drug cartels');
  await painted(page);
  await expect(entries(page)).toHaveCount(1);
  await expect.poll(() => highlightTexts(page, 'mg-tag-1')).toEqual(['The White House did not immediately respond']);

  // Pasting the same article again opens the stored one, annotations and all.
  await paste(page, PASTED);
  await expect(page.locator('.notice')).toContainText('already in your library');
  await expect(entries(page)).toHaveCount(2);
});

test('library: rename, and delete only after confirming', async ({ page }) => {
  await openApp(page);
  await paste(page, PASTED);
  await page.getByRole('button', { name: 'Library' }).click();
  const library = page.getByRole('dialog', { name: 'Library' });
  await expect(library).toContainText('KB of Marginalia');
  const entry = library.locator('.library-entry').nth(1);
  await entry.getByRole('button', { name: 'Rename' }).click();
  await entry.getByRole('textbox', { name: 'New name' }).fill('Bus lanes (week 3 reading)');
  await entry.getByRole('button', { name: 'Save name' }).click();
  await expect(entry.locator('.library-title')).toHaveText('Bus lanes (week 3 reading)');

  await entry.getByRole('button', { name: 'Delete' }).click();
  await expect(entry).toContainText('cannot be undone');
  await entry.getByRole('button', { name: 'Keep it' }).click();
  await expect(library.locator('.library-entry')).toHaveCount(2);
  await entry.getByRole('button', { name: 'Delete' }).click();
  await entry.getByRole('button', { name: 'Delete for good' }).click();
  await expect(library.locator('.library-entry')).toHaveCount(1);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith('/doc')).length)).toBe(0);
});
