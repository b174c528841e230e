// Saving never loses work: full, blocked and unreadable storage, as a user meets them in the release build.
import { test, expect } from '@playwright/test';
import { openApp, dragSelect, highlightTexts, holdAnimationFrames, releaseFrames } from './helpers';

const sidebar = (page) => page.getByRole('complementary', { name: 'Annotations' });
const entries = (page) => sidebar(page).getByRole('listitem');
/** The key prefix of the open article's stored annotations (`marginalia/v1/<article>/a/`). */
const annotationKeyPrefix = (page) => page.evaluate(() => {
  const key = Object.keys(localStorage).find((k) => k.startsWith('marginalia/v1/'))!;
  return key.slice(0, key.lastIndexOf('/') + 1);
});

test('full storage: a warning, work continues in memory, export offered, saved once space frees', async ({ page }) => {
  await page.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if ((window as any).__full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return real.call(this, k, v);
    };
  });
  await openApp(page);
  await dragSelect(page, 'The White House did not immediately respond');
  await page.keyboard.press('1');
  await page.evaluate(() => ((window as any).__full = true));
  await dragSelect(page, 'Companies have embraced the red, green and white');
  await page.keyboard.press('2');

  const warning = page.getByRole('alert');
  await expect(warning).toContainText('storage is full');
  await expect(warning.getByRole('button', { name: 'Export now' })).toBeVisible();
  await expect(entries(page)).toHaveCount(2);
  const [download] = await Promise.all([page.waitForEvent('download'), warning.getByRole('button', { name: 'Export now' }).click()]);
  const exported = JSON.parse(Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8'));
  expect(exported.annotations).toHaveLength(2);

  // The last good state is what storage holds while it is full.
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('marginalia/v1/')).length);
  expect(stored).toBe(1);

  // Space frees up: the next change saves everything that waited.
  await page.evaluate(() => ((window as any).__full = false));
  await dragSelect(page, 'nationalism has surged here');
  await page.keyboard.press('3');
  await expect(warning).toBeHidden();
  await page.reload();
  await expect(entries(page)).toHaveCount(3);
});

for (const name of ['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']) {
  test(`full storage (${name}): the last good stored state is intact after reload`, async ({ page }) => {
    await page.addInitScript((errorName) => {
      const real = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (sessionStorage.getItem('full')) throw new DOMException('The quota has been exceeded.', errorName);
        return real.call(this, k, v);
      };
    }, name);
    await openApp(page);
    await dragSelect(page, 'The White House did not immediately respond');
    await page.keyboard.press('1');
    // The last good state: the first annotation is stored before storage fills up.
    await expect
      .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('/a/')).length))
      .toBe(1);
    const good = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
    await page.evaluate(() => sessionStorage.setItem('full', '1'));
    await dragSelect(page, 'Companies have embraced the red, green and white');
    await page.keyboard.press('2');
    const warning = page.getByRole('alert');
    await expect(warning).toContainText('storage is full, so 1 change is not saved yet');
    await expect(warning.getByRole('button', { name: 'Export now' })).toBeVisible();
    await expect(entries(page)).toHaveCount(2);

    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('marginalia:highlights-painted').length > 0);
    await expect(entries(page)).toHaveCount(1);
    expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()))).toBe(good);
  });
}

test('blocked storage: the app runs, says it cannot save, and offers export', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const warning = page.getByRole('alert');
  await expect(warning).toContainText('not letting Marginalia save');
  await expect(warning.getByRole('button', { name: 'Export now' })).toBeVisible();
  await page.waitForFunction(() => performance.getEntriesByName('marginalia:highlights-painted').length > 0);
  await dragSelect(page, 'The White House did not immediately respond');
  await page.keyboard.press('1');
  await expect(entries(page)).toHaveCount(1);
  await expect.poll(() => highlightTexts(page, 'mg-tag-0')).toEqual(['The White House did not immediately respond']);
});

test('unreadable or newer stored values are reported, kept untouched, and backed up', async ({ page }) => {
  await openApp(page);
  await dragSelect(page, 'The White House did not immediately respond');
  await page.keyboard.press('1');
  const prefix = await annotationKeyPrefix(page);
  const corrupt = `${prefix}00000000-0000-4000-8000-000000000001`;
  const newer = `${prefix}00000000-0000-4000-8000-000000000002`;
  await page.evaluate(([c, n]) => {
    localStorage.setItem(c, '{"schema":1,"annotation":{"id":"trunc');
    localStorage.setItem(n, '{"schema":9,"annotation":{"from":"the future"}}');
  }, [corrupt, newer]);
  await page.reload();

  const warning = page.getByRole('alert');
  await expect(warning).toContainText('2 saved annotation(s) could not be loaded');
  await expect(entries(page)).toHaveCount(1);
  // New work saves, and the unreadable values stay exactly as they were.
  await dragSelect(page, 'nationalism has surged here');
  await page.keyboard.press('2');
  const values = await page.evaluate(([c, n]) => [localStorage.getItem(c), localStorage.getItem(n),
    localStorage.getItem(c.replace('marginalia/', 'marginalia/backup/'))], [corrupt, newer]);
  expect(values).toEqual(['{"schema":1,"annotation":{"id":"trunc', '{"schema":9,"annotation":{"from":"the future"}}',
    '{"schema":1,"annotation":{"id":"trunc']);

  const [download] = await Promise.all([page.waitForEvent('download'), warning.getByRole('button', { name: 'Export backup' }).click()]);
  const backup = JSON.parse(Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8'));
  expect(backup[newer]).toBe('{"schema":9,"annotation":{"from":"the future"}}');
});

test('a note typed in the editor is kept when the tab closes right away', async ({ page, context }) => {
  await openApp(page);
  await dragSelect(page, 'The White House did not immediately respond');
  await page.keyboard.press('1');
  await sidebar(page).getByRole('button', { name: /White House/ }).click();
  await page.getByRole('dialog', { name: 'Edit annotation' }).getByRole('textbox', { name: 'Note' }).fill('Silence is news too');
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await openApp(again, { clear: false });
  await expect(entries(again)).toContainText('Silence is news too');
});

test('storage cleared behind the app (eviction): noticed on start, with the last export to import', async ({ page }) => {
  await openApp(page);
  await dragSelect(page, 'The White House did not immediately respond');
  await page.keyboard.press('1');
  await page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'Export' }).click();
  await page.getByRole('dialog', { name: 'Export' }).getByRole('textbox', { name: /^Your name/ }).fill('Ana');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: /^Annotation pack/ }).click(),
  ]);
  const pack = Buffer.concat(await (await download.createReadStream()).toArray());
  const name = download.suggestedFilename();

  // What eviction does to localStorage; the app's cookie marker is not part of it.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('marginalia:highlights-painted').length > 0);
  const warning = page.getByRole('alert').filter({ hasText: 'are gone' });
  await expect(warning).toContainText(`Import your last export, “${name}”`);
  await expect(warning).toContainText(/saved \d{4}-\d\d-\d\d \d\d:\d\d UTC/);

  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), warning.getByRole('button', { name: 'Import last export' }).click()]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: pack });
  await page.getByRole('dialog', { name: 'Import report' }).getByRole('button', { name: 'Import' }).click();
  await expect(entries(page)).toHaveCount(1);
  await expect(warning).toBeHidden();
  // Saved again: the next start is a normal one.
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('marginalia:highlights-painted').length > 0);
  await expect(entries(page)).toHaveCount(1);
  await expect(page.getByRole('alert')).toBeHidden();
});

test('a first visit is not mistaken for eviction', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('alert')).toBeHidden();
  await dragSelect(page, 'The White House did not immediately respond');
  await page.keyboard.press('1');
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('marginalia:highlights-painted').length > 0);
  await expect(page.getByRole('alert')).toBeHidden();
});

test('an article opened before the start-up read of annotations has run is read once: its unreadable values are reported once', async ({ page }) => {
  await openApp(page);
  await dragSelect(page, 'The White House did not immediately respond');
  await page.keyboard.press('1');
  const prefix = await annotationKeyPrefix(page);
  await page.evaluate((p) => {
    localStorage.setItem(`${p}00000000-0000-4000-8000-000000000001`, '{"schema":1,"annotation":{"id":"trunc');
    localStorage.setItem(`${p}00000000-0000-4000-8000-000000000002`, '{"schema":9,"annotation":{"from":"the future"}}');
  }, prefix);
  // Another article becomes the one opened at start-up.
  await page.getByRole('button', { name: 'New article' }).click();
  const dialog = page.getByRole('dialog', { name: 'New article' });
  await dialog.getByRole('textbox', { name: 'Article text' }).fill('Library extends weekend hours\n\nThe library will open on Sundays from March.');
  await dialog.getByRole('button', { name: 'Add article' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Library extends weekend hours');

  // Animation frames are held, so the start-up read (just after the first paint) waits while the sample is opened.
  await holdAnimationFrames(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Library extends weekend hours');
  await page.getByRole('button', { name: 'Sample' }).click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Library extends weekend hours');
  await releaseFrames(page);
  // The held start-up read has now run (an animation frame, then a task).
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50))));
  await expect(page.getByRole('alert')).toContainText('2 saved annotation(s) could not be loaded');
  await expect(entries(page)).toHaveCount(1);
});
