// Tag-set presets beyond one tab (issue 20, item 1): a teacher's starter pack leaves its tag set as a preset on the student's computer, which her next article starts with; presets saved, chosen or deleted in one tab appear in another without a reload, and two tabs saving at once keep both.
import { test, expect, type Page } from '@playwright/test';
import { openApp, appReady, dragSelect, watchCsp, newArticle } from './helpers';

const settings = (page: Page) => page.getByRole('dialog', { name: 'Settings' });
const presetRows = (page: Page) => settings(page).locator('.preset-row');
const report = (page: Page) => page.getByRole('dialog', { name: 'Import report' });
const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Annotate selection' });

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(settings(page)).toBeVisible();
}

async function savePreset(page: Page, name: string) {
  await settings(page).getByRole('textbox', { name: 'Name of the set' }).fill(name);
  await settings(page).getByRole('button', { name: 'Save this set' }).click();
}

/** Makes `page` hold the `storage` events other tabs cause until `__release()` hands them to the
 * app, as a busy tab hears late; `__staleRead(value)` makes it read the presets as `value` until
 * released, as a second browser process that has not received the other tab's write yet. */
async function holdStorageEvents(page: Page) {
  await page.evaluate(() => {
    const w = window as any;
    w.__held = [];
    w.__holding = true;
    w.__realGetItem = Storage.prototype.getItem;
    w.__staleRead = (value: string | undefined) => {
      Storage.prototype.getItem = value === undefined ? w.__realGetItem
        : function (this: Storage, key: string) { return key === 'marginalia/v1/presets' ? value : w.__realGetItem.call(this, key); };
    };
    window.addEventListener('storage', (e) => {
      if (w.__holding && e.isTrusted) {
        e.stopImmediatePropagation();
        w.__held.push({ key: e.key, oldValue: e.oldValue, newValue: e.newValue });
      }
    }, { capture: true });
    w.__release = () => {
      Storage.prototype.getItem = w.__realGetItem;
      for (const { key, oldValue, newValue } of w.__held.splice(0)) {
        window.dispatchEvent(new StorageEvent('storage', { key, oldValue, newValue, storageArea: localStorage }));
      }
    };
    w.__stopHolding = () => { w.__release(); w.__holding = false; };
  });
}

test("a teacher's starter pack leaves its tag set as the student's preset, and her next article starts with it", async ({ page, browser }) => {
  const cspViolations = await watchCsp(page);
  await openApp(page);
  const title = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  // The teacher's own set: Opinion on `o`, and a fourth tag.
  await openSettings(page);
  await settings(page).getByRole('textbox', { name: 'Name of tag 1' }).fill('Opinion');
  await settings(page).getByRole('textbox', { name: 'Name of tag 1' }).press('Tab');
  await settings(page).getByRole('textbox', { name: 'Hotkey of tag 1' }).fill('o');
  await settings(page).getByRole('textbox', { name: 'Hotkey of tag 1' }).press('Tab');
  await settings(page).getByRole('textbox', { name: 'New tag name' }).fill('Evidence');
  await settings(page).getByRole('button', { name: 'Add tag' }).click();
  await expect(settings(page).locator('.tag-row')).toHaveCount(4);
  await page.keyboard.press('Escape');
  await page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('checkbox', { name: 'Lock the tag set for students' }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download starter pack' }).click()]);
  const starter = Buffer.concat(await (await download.createReadStream()).toArray());

  // The student, on her own computer.
  const context = await browser.newContext();
  const student = await context.newPage();
  await openApp(student);
  await student.locator('input[type=file][multiple]').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: starter });
  const preset = `${title} (from your teacher)`;
  await expect(report(student).locator('.preset-note')).toHaveText(`Its tag set is kept as your saved set “${preset}”; your new articles will start with it.`);
  await report(student).getByRole('button', { name: 'Import' }).click();
  await expect(report(student)).toBeHidden();
  await openSettings(student);
  await expect(presetRows(student)).toHaveCount(1);
  await expect(presetRows(student)).toContainText(preset);
  await expect(presetRows(student)).toContainText('4 tags');
  await expect(presetRows(student)).toContainText('new articles start with this one');
  await student.keyboard.press('Escape');

  // Her next article starts with the teacher's set and keys, unlocked; after a reload too.
  await newArticle(student, 'Buses run later\n\nThe city will run buses until midnight from June.');
  await dragSelect(student, 'until midnight');
  await expect(toolbar(student).getByRole('button', { name: /Opinion/ })).toBeVisible();
  await expect(toolbar(student).getByRole('button', { name: /Evidence/ })).toBeVisible();
  await student.keyboard.press('o');
  await expect(student.getByRole('complementary', { name: 'Annotations' })).toContainText('Opinion');
  await student.reload();
  await appReady(student);
  await openSettings(student);
  await expect(settings(student).getByRole('textbox', { name: 'Name of tag 1' })).toHaveValue('Opinion');
  await expect(settings(student).getByRole('textbox', { name: 'Name of tag 1' })).toBeEditable();
  await expect(presetRows(student)).toHaveCount(1);
  await context.close();
  expect(await cspViolations()).toEqual([]);
});

test('presets saved, chosen and deleted in one tab appear in another without a reload; two tabs saving at once keep both', async ({ context }) => {
  const a = await context.newPage();
  await openApp(a);
  const b = await context.newPage();
  await openApp(b, { clear: false });
  await openSettings(a);
  await openSettings(b);
  await expect(settings(b)).toContainText('No saved sets yet.');

  await savePreset(a, 'Debate');
  await expect(settings(a)).toContainText('Set “Debate” saved.');
  await expect(presetRows(b)).toHaveText([/Debate/]);

  // Both tabs save a different set at the same moment. (1) Tab b has not heard of tab a's save
  // yet (its storage event waits): its save is made on top of the stored list. (2) The two writes
  // cross (tab b also reads the list as it was before tab a's save, as a second browser process
  // can): b's write goes over a's, and b, hearing of a's save, writes both back.
  await holdStorageEvents(b);
  for (const [first, second, stale] of [['Essay', 'Quiz', false], ['Notes', 'Poll', true]] as const) {
    const before = await b.evaluate(() => localStorage.getItem('marginalia/v1/presets'));
    await b.evaluate(([value, on]) => (window as any).__staleRead(on ? value : undefined), [before, stale] as const);
    await savePreset(a, first);
    await b.waitForFunction(() => (window as any).__held.length > 0);
    await savePreset(b, second);
    await b.evaluate(() => (window as any).__release());
    for (const page of [a, b]) {
      for (const name of ['Debate', first, second]) {
        await expect(presetRows(page).filter({ hasText: name })).toHaveCount(1);
      }
    }
  }
  await expect(presetRows(a)).toHaveCount(5);
  await expect(presetRows(b)).toHaveCount(5);
  await b.evaluate(() => (window as any).__stopHolding());

  // Chosen in one tab: the other tab's new articles start with it too.
  await settings(a).getByRole('button', { name: 'Apply Quiz to this article' }).click();
  await expect(presetRows(b).filter({ hasText: 'Quiz' })).toContainText('new articles start with this one');
  // Deleted in one tab: gone from the other.
  await settings(b).getByRole('button', { name: 'Delete the set Essay' }).click();
  await expect(presetRows(a)).toHaveCount(4);
  await expect(presetRows(a).filter({ hasText: 'Essay' })).toHaveCount(0);

  // Nothing stale was written back: each tab, reloaded, lists the same.
  for (const page of [a, b]) {
    await page.reload();
    await appReady(page);
    await openSettings(page);
    await expect(presetRows(page)).toHaveCount(4);
    await expect(presetRows(page).filter({ hasText: 'Quiz' })).toContainText('new articles start with this one');
  }
});
