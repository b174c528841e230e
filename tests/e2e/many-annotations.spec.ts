// At 10,000 annotations the sidebar stays small: it lists a bounded number of rows, "Show more" adds some, and search reaches the rest.
import { test, expect, type Page } from '@playwright/test';
import { appReady, articleBlocks, dragSelect, highlightTexts, holdAnimationFrames, openApp, releaseFrames, w3cCollection } from './helpers';
import { article, annotations } from '../../bench/lib/gen.mjs';

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });
const entries = (page: Page) => sidebar(page).getByRole('listitem');

/** Opens a generated article of about 120,000 characters and imports `n` generated annotations over it (W3C, by position and quote). */
async function importMany(page: Page, n: number) {
  const text = article(120_000, 7);
  const painted = await page.evaluate(() => performance.getEntriesByName('marginalia:highlights-painted').length);
  await page.locator('input[type=file]:not([multiple])').setInputFiles({ name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.waitForFunction((before) => performance.getEntriesByName('marginalia:highlights-painted').length > before, painted, { timeout: 30_000 });
  const blocks = await articleBlocks(page);
  // The document's text joins blocks with a blank line; the text is ASCII, so code points are UTF-16 units.
  let at = 0;
  const offsets = blocks.map((b) => { const start = at; at += b.length + 2; return start; });
  const set = annotations(blocks, n, 11);
  const file = w3cCollection(blocks, offsets, set);
  await page.locator('input[type=file][multiple]').setInputFiles({ name: 'many.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  const report = page.getByRole('dialog', { name: 'Import report' });
  await report.getByRole('button', { name: 'Import' }).click({ timeout: 60_000 });
  await expect(report).toHaveCount(0, { timeout: 60_000 });
  return set;
}

test('10,000 annotations: the sidebar lists a bounded number of rows, and search finds one far down', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  const set = await importMany(page, 10_000);
  expect(set.length).toBeGreaterThan(9_000);
  await expect(sidebar(page).getByRole('button', { name: /^All/ })).toContainText(String(set.length), { timeout: 60_000 });

  await expect(entries(page)).toHaveCount(100);
  await expect(sidebar(page)).toContainText(`Listing the first 100 of ${set.length}.`);
  await sidebar(page).getByRole('button', { name: 'Show more' }).click();
  await expect(entries(page)).toHaveCount(200);

  // The last annotation with a note is near the end of the article, far below the listed rows.
  const last = set.map((x, k) => ({ ...x, k })).filter((x) => x.note).at(-1)!;
  await sidebar(page).getByRole('searchbox', { name: 'Search annotations' }).fill(`Note ${last.k}:`);
  await expect(entries(page)).toHaveCount(1);
  await expect(sidebar(page)).toContainText(`1 of ${set.length} shown`);
  await expect(sidebar(page).getByRole('button', { name: 'Show more' })).toHaveCount(0);
  // Opening it from the list opens its editor.
  await entries(page).getByRole('button').click();
  await expect(page.getByRole('dialog', { name: 'Edit annotation' })).toBeVisible();
});

test('no error when the browser blocks service workers', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ serviceWorkers: 'block', baseURL });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openApp(page);
  // Start-up is over once the paragraphs are described (the last start-up step, after the paint).
  await page.waitForFunction(() => document.querySelectorAll('article [data-block]').length > 0
    && performance.getEntriesByName('marginalia:highlights-painted').length > 0);
  await expect(page.getByRole('button', { name: 'Library' })).toBeEnabled();
  expect(errors).toEqual([]);
  await context.close();
});

test('after a reload, two overlapping annotations have one overlap range, gone when one is deleted', async ({ page }) => {
  await openApp(page);
  await dragSelect(page, 'Sheinbaum said she rebuffed his proposal');
  await page.keyboard.press('1');
  await dragSelect(page, 'rebuffed his proposal, saying');
  await page.keyboard.press('2');
  await page.reload();
  await appReady(page);
  await expect.poll(() => highlightTexts(page, 'mg-overlap')).toEqual(['rebuffed his proposal']);
  await sidebar(page).getByRole('button', { name: /saying/ }).click();
  await page.getByRole('dialog', { name: 'Edit annotation' }).getByRole('button', { name: 'Delete' }).click();
  await expect(entries(page)).toHaveCount(1);
  await expect.poll(() => highlightTexts(page, 'mg-overlap')).toEqual([]);
});

/** How many ranges the tag highlights hold in all (each generated annotation has one tag, so one range). */
async function tagRanges(page: Page) {
  return page.evaluate(() => [...(CSS as any).highlights.keys()].filter((k: string) => k.startsWith('mg-tag'))
    .reduce((n: number, k: string) => n + (CSS as any).highlights.get(k).size, 0));
}

test('1,000 annotations: only those near the viewport are painted; scrolling paints the rest as they come; printing paints all', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  const set = await importMany(page, 1_000);
  await expect(sidebar(page).getByRole('button', { name: /^All/ })).toContainText(String(set.length), { timeout: 30_000 });
  const atTop = await tagRanges(page);
  expect(atTop).toBeGreaterThan(0);
  expect(atTop).toBeLessThan(set.length / 4);

  // The last annotation, at the end of the article, is painted once the reader gets there.
  const last = set.at(-1)!;
  const lastQuote = await page.evaluate(({ block, start, end }) =>
    document.querySelectorAll('article [data-block]')[block].textContent!.slice(start, end), last);
  const painted = async () => (await Promise.all([0, 1, 2].map((i) => highlightTexts(page, `mg-tag-${i}`)))).flat();
  expect(await painted()).not.toContain(lastQuote);
  // (Scrolled, not by the End key: with the article focused, End moves the keyboard caret, whose
  // queued redraw could scroll the page back to it after the scroll below.)
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect.poll(painted).toContain(lastQuote);
  expect(await tagRanges(page)).toBeLessThan(set.length / 4);

  // Printing shows every highlight, and afterwards only those near the viewport again.
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await expect.poll(() => tagRanges(page)).toBe(set.length);
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  await expect.poll(() => tagRanges(page)).toBeLessThan(set.length / 4);
});

test('at start-up the article is painted first, then the stored annotations are read and painted', async ({ page }) => {
  await openApp(page);
  await dragSelect(page, 'Sheinbaum said she rebuffed his proposal');
  await page.keyboard.press('1');
  await page.reload();
  await appReady(page);
  const order = await page.evaluate(() => ['marginalia:article-rendered', 'marginalia:annotations-load-start', 'marginalia:highlights-painted']
    .map((m) => performance.getEntriesByName(m)[0]?.startTime ?? -1));
  expect(order.every((t) => t >= 0)).toBe(true);
  expect(order[0]).toBeLessThan(order[1]);
  expect(order[1]).toBeLessThanOrEqual(order[2]);
  await expect.poll(() => highlightTexts(page, 'mg-tag-0')).toEqual(['Sheinbaum said she rebuffed his proposal']);
  await expect(entries(page)).toHaveCount(1);
});

test('while the stored annotations are read at start-up, the sidebar says so rather than "no annotations"', async ({ page }) => {
  await openApp(page);
  await dragSelect(page, 'Sheinbaum said she rebuffed his proposal');
  await page.keyboard.press('1');
  // Animation frames are held, so the read just after the first paint waits.
  await holdAnimationFrames(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(sidebar(page)).toContainText('Loading annotations…');
  await expect(sidebar(page)).not.toContainText('No annotations yet');
  await releaseFrames(page);
  await expect(entries(page)).toHaveCount(1);
  await expect(sidebar(page)).not.toContainText('Loading annotations…');
});
