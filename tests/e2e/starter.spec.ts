// A teacher's starter pack: the article and her tag set, locked, and never her answer key, which she keeps for the class view; the student imports it, the teacher scores students against the key.
import { test, expect, type Page } from '@playwright/test';
import { openApp, dragSelect, exportAs, watchCsp, importFiles, fileOf } from './helpers';

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });
const entries = (page: Page) => sidebar(page).getByRole('listitem');
const settings = (page: Page) => page.getByRole('dialog', { name: 'Settings' });
const report = (page: Page) => page.getByRole('dialog', { name: 'Import report' });
const classView = (page: Page) => page.getByRole('dialog', { name: 'Class view' });
const LOCKED = 'Your teacher locked this tag set.';

/** Downloads a starter pack through the Export dialog with the given options. */
async function exportStarter(page: Page, { lock, key, instructions = '' }: { lock: boolean; key: boolean; instructions?: string }) {
  await page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('checkbox', { name: 'Lock the tag set for students' }).setChecked(lock);
  await dialog.getByRole('checkbox', { name: /^Keep my annotations here as the answer key/ }).setChecked(key);
  await dialog.getByRole('textbox', { name: /^Instructions for students/ }).fill(instructions);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download starter pack' }).click(),
  ]);
  await expect(dialog).toBeHidden();
  return fileOf(download);
}

/** The teacher renames tag 1 to "Thesis" and adds "Evidence". */
async function teacherTags(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  const name = settings(page).getByRole('textbox', { name: 'Name of tag 1' });
  await name.fill('Thesis');
  await name.press('Tab');
  await settings(page).getByRole('textbox', { name: 'New tag name' }).fill('Evidence');
  await settings(page).getByRole('button', { name: 'Add tag' }).click();
  await expect(settings(page).locator('.tag-row')).toHaveCount(4);
  await page.keyboard.press('Escape');
  await expect(settings(page)).toBeHidden();
}

test('starter pack: locked tags and no answer key for the student, scores for the teacher', async ({ page, browser }) => {
  const cspViolations = await watchCsp(page);
  await openApp(page);
  await teacherTags(page);
  await dragSelect(page, 'The White House did not immediately respond');
  await page.keyboard.press('1');
  await dragSelect(page, 'sovereignty is inalienable');
  await page.keyboard.press('2');
  await expect(entries(page)).toHaveCount(2);
  const teacherPack = JSON.parse((await exportAs(page, 'Annotation pack')).text);

  const starter = await exportStarter(page, { lock: true, key: true });
  expect(starter.name).toMatch(/\.starter\.marginalia\.json$/);
  const json = JSON.parse(starter.text);
  expect(json.annotations).toEqual([]);
  expect(json.tags.map((t: any) => t.name)).toContain('Evidence');
  expect(json.classroom).toEqual({ lockTags: true });
  expect(starter.text).not.toContain('answerKey');

  // The student, in a browser of her own.
  const context = await browser.newContext();
  const student = await context.newPage();
  await openApp(student);
  await importFiles(student, [starter]);
  await expect(report(student)).toContainText('A starter pack from your teacher');
  await report(student).getByRole('button', { name: 'Import' }).click();
  await expect(report(student)).toBeHidden();
  await expect(entries(student)).toHaveCount(0);
  await expect(sidebar(student)).not.toContainText('sovereignty is inalienable');
  await dragSelect(student, 'nationalism has surged here');
  const toolbar = student.getByRole('toolbar', { name: 'Annotate selection' });
  await expect(toolbar.getByRole('button', { name: /Evidence/ })).toBeVisible();
  await expect(toolbar.getByRole('button', { name: /Thesis/ })).toBeVisible();
  await toolbar.getByRole('button', { name: /Evidence/ }).click();
  await expect(entries(student)).toHaveCount(1);

  await student.getByRole('button', { name: 'Settings' }).click();
  await expect(settings(student)).toContainText(LOCKED);
  await expect(settings(student).getByRole('textbox', { name: 'Name of tag 1' })).not.toBeEditable();
  await expect(settings(student).getByRole('button', { name: 'Add tag' })).toBeDisabled();
  await expect(settings(student).getByRole('button', { name: 'Delete' }).first()).toBeDisabled();
  await expect(settings(student).getByRole('textbox', { name: 'Your name' })).toBeEnabled();
  await expect(settings(student)).not.toContainText('sovereignty is inalienable');
  await expect(settings(student)).not.toContainText('Answer key');
  // Locked stays locked after a reload.
  await student.reload();
  await student.waitForFunction(() => performance.getEntriesByName('marginalia:highlights-painted').length > 0);
  await expect(entries(student)).toHaveCount(1);
  await student.getByRole('button', { name: 'Settings' }).click();
  await expect(settings(student)).toContainText(LOCKED);
  await context.close();

  // The teacher kept her key: the class view scores a student against it.
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(settings(page)).not.toContainText(LOCKED);
  await expect(settings(page).getByRole('textbox', { name: 'Name of tag 1' })).toBeEnabled();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Class' }).click();
  const one = teacherPack.annotations.find((a: any) => a.target.exact === 'sovereignty is inalienable');
  const ana = JSON.stringify({ ...teacherPack, exported: { ...teacherPack.exported, by: 'Ana' }, annotations: [{ ...one, id: '00000000-0000-4000-8000-000000000001', author: 'Ana' }] });
  await classView(page).locator('input[type=file]').setInputFiles([{ name: 'ana.marginalia.json', mimeType: 'application/json', buffer: Buffer.from(ana) }]);
  const scores = classView(page).getByRole('table', { name: 'Scores against the answer key' });
  await expect(scores).toBeVisible();
  const row = scores.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Ana' }) });
  // One of her one passages matches one of the key's two: precision 100 %, recall 50 %, F1 0.67.
  await expect(row.getByRole('cell')).toHaveText(['Found 1 of 2 key passages, 0 extra', '100.0 %', '50.0 %', '0.67']);
  await expect(classView(page)).toContainText('shared words ÷ words in either ≥ 0.5');
  expect(await cspViolations()).toEqual([]);
});

test('a starter pack of another article: open that article, import again, and the tag set and lock apply', async ({ page, browser }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'New article' }).click();
  const dialog = page.getByRole('dialog', { name: 'New article' });
  await dialog.getByRole('textbox', { name: 'Article text' }).fill('Library extends weekend hours\n\nThe city library will open on Sundays from next month.');
  await dialog.getByRole('button', { name: 'Add article' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Library extends weekend hours');
  await teacherTags(page);
  const starter = await exportStarter(page, { lock: true, key: false });
  expect(JSON.parse(starter.text).classroom).toEqual({ lockTags: true });

  const context = await browser.newContext();
  const student = await context.newPage();
  await openApp(student);
  await importFiles(student, [starter]);
  await report(student).getByRole('button', { name: 'Open that article' }).click();
  await expect(student.getByRole('heading', { level: 1 })).toHaveText('Library extends weekend hours');
  await student.waitForFunction(() => performance.getEntriesByName('marginalia:highlights-painted').length > 0);
  await importFiles(student, [starter]);
  await report(student).getByRole('button', { name: 'Import' }).click();
  await expect(report(student)).toBeHidden();
  await student.getByRole('button', { name: 'Settings' }).click();
  await expect(settings(student)).toContainText(LOCKED);
  await expect(settings(student).getByRole('textbox', { name: 'Name of tag 1' })).toHaveValue('Thesis');
  await expect(settings(student).locator('.tag-row')).toHaveCount(4);
  await expect(settings(student)).not.toContainText('Answer key');
  await context.close();
});
