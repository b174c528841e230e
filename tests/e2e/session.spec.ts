// The session core as a person meets it: nothing waiting to be saved is dropped by opening another article, undo covers everything a step changed, and closing with unsaved work asks first.
import { test, expect } from '@playwright/test';
import { openApp, dragSelect, exportAs, appReady } from './helpers';

const sidebar = (page) => page.getByRole('complementary', { name: 'Annotations' });
const entries = (page) => sidebar(page).getByRole('listitem');

/** Makes localStorage refuse every write while `window.__full` is set, as a full browser storage does. */
async function fillableStorage(page) {
  await page.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if ((window as any).__full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return real.call(this, k, v);
    };
  });
}

/** Opens a small plain-text article through the Open file input. */
async function openTextArticle(page, title: string) {
  await page.locator('input[type=file]:not([multiple])').setInputFiles({
    name: 'other.txt', mimeType: 'text/plain',
    buffer: Buffer.from(`${title}\n\nA short second article with one paragraph of its own words.\n`),
  });
}

test('storage full: annotate, open another article (asked first), free the storage, come back: the annotation is there', async ({ page }) => {
  await fillableStorage(page);
  await openApp(page);
  await page.evaluate(() => ((window as any).__full = true));
  await dragSelect(page, 'The White House did not immediately respond');
  await page.keyboard.press('1');
  await expect(page.getByRole('alert')).toContainText('1 change is not saved');

  await openTextArticle(page, 'A second article');
  const ask = page.getByRole('alertdialog', { name: 'Changes not saved yet' });
  await expect(ask).toContainText('“A second article”');
  await expect(ask.getByRole('button', { name: 'Export, then open' })).toBeVisible();
  await ask.getByRole('button', { name: 'Open without exporting' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('A second article');
  // The first article's write is still waiting (with the new article's own): counted, not dropped.
  await expect(page.getByRole('alert')).toContainText('not saved');

  await page.evaluate(() => ((window as any).__full = false));
  await page.getByRole('button', { name: 'Sample' }).click();
  await appReady(page);
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page)).toContainText('The White House did not immediately respond');
  // Written for good: it survives a reload.
  await page.reload();
  await appReady(page);
  await expect(entries(page)).toHaveCount(1);
});

test('storage full: opening another article offers Export first, and the export holds the waiting annotation', async ({ page }) => {
  await fillableStorage(page);
  await openApp(page);
  await page.evaluate(() => ((window as any).__full = true));
  await dragSelect(page, 'sovereignty is inalienable');
  await page.keyboard.press('2');
  await openTextArticle(page, 'Another article');
  const ask = page.getByRole('alertdialog', { name: 'Changes not saved yet' });
  const [download] = await Promise.all([page.waitForEvent('download'), ask.getByRole('button', { name: 'Export, then open' }).click()]);
  const exported = JSON.parse(Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8'));
  expect(exported.annotations.map((a) => a.target.exact ?? a.exact)).toHaveLength(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Another article');
});

test('closing the page while a change waits to be saved asks first', async ({ page }) => {
  await fillableStorage(page);
  await openApp(page);
  await page.evaluate(() => ((window as any).__full = true));
  await dragSelect(page, 'The White House did not immediately respond');
  await page.keyboard.press('1');
  await expect(page.getByRole('alert')).toContainText('not saved');
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  // Leave anyway: a page kept open after a dismissed beforeunload dialog can make Chromium's
  // context close at the test's end fail ("browserContext.close: Test ended"), as it did in CI.
  const closed = page.waitForEvent('close');
  await dialog.accept();
  await closed;
});

test('closing the page with everything saved does not ask', async ({ page }) => {
  await openApp(page);
  await dragSelect(page, 'The White House did not immediately respond');
  await page.keyboard.press('1');
  await expect(entries(page)).toHaveCount(1);
  let asked = false;
  page.on('dialog', async (d) => { asked = true; await d.dismiss(); });
  await page.close({ runBeforeUnload: true });
  expect(asked).toBe(false);
});

test('undo of an import takes back its new tags and its annotations; redo brings them again', async ({ page }) => {
  await openApp(page);
  await dragSelect(page, 'sovereignty is inalienable');
  await page.keyboard.press('1');
  // A pack of this article whose annotation carries a tag this browser does not have.
  const pack = JSON.parse((await exportAs(page, 'Annotation pack')).text);
  pack.tags = [...(pack.tags ?? []), { id: 'evidence', name: 'Evidence', colour: '#117733', underline: 'dotted' }];
  pack.annotations[0].id = '00000000-0000-4000-8000-000000000001';
  pack.annotations[0].tags = ['evidence'];
  await page.locator('input[type=file][multiple]').setInputFiles({ name: 'pack.marginalia.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) });
  await page.getByRole('dialog').getByRole('button', { name: /^Import/ }).click();
  const evidence = sidebar(page).locator('.filter-chip').filter({ hasText: 'Evidence' });
  await expect(evidence).toBeVisible();
  await expect(entries(page)).toHaveCount(2);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(evidence).toHaveCount(0);
  await expect(entries(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(evidence).toBeVisible();
  await expect(entries(page)).toHaveCount(2);
});
