// A large import is painted first and written to storage in idle time after that: closing the tab, undoing, a full storage and a second tab all still end with what the user saw.
import { test, expect, type Page } from '@playwright/test';
import { articleBlocks, openApp, w3cCollection } from './helpers';
import { annotations } from '../../bench/lib/gen.mjs';

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });
const allCount = (page: Page) => sidebar(page).getByRole('button', { name: /^All/ });
const stored = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('/a/')).length);

/** More annotations than the app saves at once (64) and than one chunk (250). */
const N = 400;

/** Idle callbacks (when the app writes a large step) run only while `window.__holdIdle` is false; held ones never run, as in a tab closed before the browser was idle. */
async function controlIdle(page: Page) {
  await page.addInitScript(() => {
    const real = window.requestIdleCallback.bind(window);
    window.requestIdleCallback = (callback, options) => ((window as any).__holdIdle ? 0 : real(callback, options));
  });
}

/** Imports `N` generated annotations over the open article (W3C, by position and quote) and waits until the report closes; returns how many there are. */
async function importMany(page: Page, { holdIdle = false } = {}) {
  const blocks = await articleBlocks(page);
  let at = 0;
  const offsets = blocks.map((b) => { const start = at; at += [...b].length + 2; return start; });
  // Code point offsets inside each block: the generator counts UTF-16 units, so stay in ASCII-only blocks.
  const ascii = blocks.map((b, i) => [b, i] as const).filter(([b]) => /^[\x20-\x7e]*$/.test(b));
  const set = annotations(ascii.map(([b]) => b), N, 5).map((x) => ({ ...x, block: ascii[x.block][1], note: undefined }));
  const file = w3cCollection(blocks, offsets, set);
  await page.locator('input[type=file][multiple]').setInputFiles({ name: 'many.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  const report = page.getByRole('dialog', { name: 'Import report' });
  await expect(report).toContainText(`${set.length}`);
  if (holdIdle) await page.evaluate(() => ((window as any).__holdIdle = true));
  await report.getByRole('button', { name: 'Import' }).click();
  await expect(report).toHaveCount(0);
  await expect(allCount(page)).toContainText(String(set.length));
  return set.length;
}

test('a large import is stored right after it is painted', async ({ page }) => {
  await openApp(page);
  const n = await importMany(page);
  expect(n).toBeGreaterThan(250);
  await expect.poll(() => stored(page)).toBe(n);
  await page.reload();
  await expect(allCount(page)).toContainText(String(n));
});

test('a browser that is never idle still writes a large import, once the idle wait times out', async ({ page }) => {
  // Idle callbacks run only when they time out, as on a machine too busy ever to be idle.
  await page.addInitScript(() => {
    window.requestIdleCallback = (callback, options) => (options?.timeout === undefined ? 0
      : window.setTimeout(() => callback({ didTimeout: true, timeRemaining: () => 0 }), options.timeout));
  });
  await openApp(page);
  const n = await importMany(page);
  await expect.poll(() => stored(page)).toBe(n);
});

test('closing the tab before the writes ran loses nothing: they are written when the page is hidden', async ({ page }) => {
  await controlIdle(page);
  await openApp(page);
  const n = await importMany(page, { holdIdle: true });
  // Painted and listed, but the browser was never idle since, so nothing is written yet.
  expect(await stored(page)).toBe(0);
  await page.reload();
  expect(await stored(page)).toBe(n);
  await expect(allCount(page)).toContainText(String(n));
});

test('undo right after a large import, before its writes ran: storage ends empty', async ({ page }) => {
  await controlIdle(page);
  await openApp(page);
  await importMany(page, { holdIdle: true });
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(sidebar(page).getByRole('listitem')).toHaveCount(0);
  await page.reload();
  expect(await stored(page)).toBe(0);
  await expect(sidebar(page).getByRole('listitem')).toHaveCount(0);
});

test('storage full during the writes: a warning, and the last good state stays stored', async ({ page }) => {
  // Room for 100 annotations, then QuotaExceededError.
  await page.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k.includes('/a/') && this.getItem(k) === null && Object.keys(this).filter((x) => x.includes('/a/')).length >= 100) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return real.call(this, k, v);
    };
  });
  await openApp(page);
  const n = await importMany(page);
  const warning = page.getByRole('alert');
  await expect(warning).toContainText(`storage is full, so ${n - 100} changes are not saved yet`);
  await expect(warning.getByRole('button', { name: 'Export now' })).toBeVisible();
  await expect(allCount(page)).toContainText(String(n));
  expect(await stored(page)).toBe(100);
  await page.reload();
  await expect(allCount(page)).toContainText('100');
});

test('two tabs: a large import in one reaches the other', async ({ context }) => {
  const a = await context.newPage();
  await openApp(a);
  const b = await context.newPage();
  await openApp(b, { clear: false });
  const n = await importMany(a);
  await expect(allCount(b)).toContainText(String(n));
  await b.reload();
  await expect(allCount(b)).toContainText(String(n));
});
