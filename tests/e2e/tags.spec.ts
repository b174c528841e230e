// The tag set editor and the user's name: rename, merge, add with a hotkey, delete with a choice, and a name in every export.
import { test, expect, type Page } from '@playwright/test';
import { openApp, dragSelect, highlightTexts, exportAs } from './helpers';

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });
const entries = (page: Page) => sidebar(page).getByRole('listitem');
const settings = (page: Page) => page.getByRole('dialog', { name: 'Settings' });

test('rename and merge tags; the annotations follow, and undo brings them back', async ({ page }) => {
  await openApp(page);
  await dragSelect(page, 'The White House did not immediately respond');
  await page.keyboard.press('1');
  await dragSelect(page, 'sovereignty is inalienable');
  await page.keyboard.press('2');
  await page.getByRole('button', { name: 'Settings' }).click();
  const name = settings(page).getByRole('textbox', { name: 'Name of tag 1' });
  await name.fill('Assertion');
  await name.press('Tab');
  await expect(sidebar(page).getByRole('button', { name: /^Assertion\s*1/ })).toBeVisible();

  await settings(page).getByRole('combobox', { name: 'Merge Quote into' }).selectOption({ label: 'Assertion' });
  await expect(settings(page).locator('.tag-row')).toHaveCount(2);
  await page.keyboard.press('Escape');
  await expect(entries(page).filter({ hasText: 'sovereignty' })).toContainText('Assertion');
  expect((await highlightTexts(page, 'mg-tag-0')).sort()).toEqual(['The White House did not immediately respond', 'sovereignty is inalienable'].sort());

  await page.getByRole('button', { name: 'Undo' }).click();
  // The tag set comes back whole: Quote by its name and colour, not its raw id.
  await expect(entries(page).filter({ hasText: 'sovereignty' })).toContainText('Quote');
  await expect(entries(page).filter({ hasText: 'sovereignty' })).not.toContainText('quote');
  await expect(sidebar(page).locator('.filter-chip').filter({ hasText: 'Quote' })).toBeVisible();
  expect(await highlightTexts(page, 'mg-tag-1')).toEqual(['sovereignty is inalienable']);
  // The edited tag set survives a reload.
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('marginalia:highlights-painted').length > 0);
  await expect(sidebar(page).locator('.filter-chip').filter({ hasText: 'Assertion' })).toBeVisible();
});

test('add a tag with its own hotkey, then delete a tag choosing what happens to its annotations', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  await settings(page).getByRole('textbox', { name: 'New tag name' }).fill('Evidence');
  await settings(page).getByRole('button', { name: 'Add tag' }).click();
  await expect(settings(page).locator('.tag-row')).toHaveCount(4);
  const key = settings(page).getByRole('textbox', { name: 'Hotkey of tag 4' });
  await key.fill('e');
  await key.press('Tab');
  await page.keyboard.press('Escape');

  await dragSelect(page, 'a report published Friday in the Wall Street Journal');
  await expect(page.getByRole('toolbar', { name: 'Annotate selection' }).getByRole('button', { name: 'Evidence' })).toBeVisible();
  await page.keyboard.press('e');
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page)).toContainText('Evidence');
  await expect.poll(() => highlightTexts(page, 'mg-tag-3')).toEqual(['a report published Friday in the Wall Street Journal']);

  await page.getByRole('button', { name: 'Settings' }).click();
  const row = settings(page).locator('.tag-row').nth(3);
  await row.getByRole('button', { name: 'Delete' }).click();
  await expect(row).toContainText('1 annotation(s) use “Evidence”');
  await row.getByRole('button', { name: 'Tag them “Claim” instead' }).click();
  await expect(settings(page).locator('.tag-row')).toHaveCount(3);
  await page.keyboard.press('Escape');
  await expect(entries(page)).toContainText('Claim');
});

test('the name is asked in settings and written into annotations and exports', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  const name = settings(page).getByRole('textbox', { name: 'Your name' });
  await name.fill('Ana Ruiz');
  await name.press('Tab');
  await page.keyboard.press('Escape');
  await dragSelect(page, 'The White House did not immediately respond');
  await page.keyboard.press('1');
  const pack = JSON.parse((await exportAs(page, 'Annotation pack')).text);
  expect(pack.exported.by).toBe('Ana Ruiz');
  expect(pack.annotations[0].author).toBe('Ana Ruiz');
  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(settings(page).getByRole('textbox', { name: 'Your name' })).toHaveValue('Ana Ruiz');
});
