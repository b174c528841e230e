// Handing work in: the student's name asked in the Export dialog and carried by the file's name, two students one after the other on one browser through "New student on this computer", the sample's annotations cleared, a file of several authors flagged in the class view, and import reports naming tags.
import { test, expect, type Page } from '@playwright/test';
import { openApp, dragSelect, watchCsp } from './helpers';

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });
const entries = (page: Page) => sidebar(page).getByRole('listitem');
const exportDialog = (page: Page) => page.getByRole('dialog', { name: 'Export' });
const newStudent = (page: Page) => page.getByRole('alertdialog', { name: 'New student on this computer' });
const TITLE_SLUG = 'trump-tells-mexican-president-he-wants-us-troops';

async function annotate(page: Page, text: string, key = '1') {
  const before = await entries(page).count();
  await dragSelect(page, text);
  await page.keyboard.press(key);
  await expect(entries(page)).toHaveCount(before + 1);
}

/** Opens the Export dialog (unless it is open) and downloads the pack under `name` (typed when given); returns the file name and pack. */
async function handIn(page: Page, name?: string, { open = true } = {}) {
  if (open) await page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'Export' }).click();
  const field = exportDialog(page).getByRole('textbox', { name: 'Your name, so your teacher knows whose file this is' });
  if (name !== undefined) await field.fill(name);
  await expect(exportDialog(page)).toContainText(`Handing in as ${name ?? (await field.inputValue())}.`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    exportDialog(page).getByRole('button', { name: /^Annotation pack/ }).click(),
  ]);
  const text = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
  return { file: download.suggestedFilename(), pack: JSON.parse(text) };
}

async function openNewStudent(page: Page) {
  await page.getByRole('button', { name: 'Library' }).click();
  await page.getByRole('dialog', { name: 'Library' }).getByRole('button', { name: 'New student on this computer' }).click();
  await expect(newStudent(page)).toBeVisible();
}

const storedKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage).sort());

test('two students one after the other on one browser: each hands in under their own name, Ben only his own work', async ({ page }) => {
  const cspViolations = await watchCsp(page);
  await openApp(page);

  // Ana annotates and exports: the pack needs her name, asked in the Export dialog (focused, as it is empty).
  await annotate(page, 'The White House did not immediately respond');
  await annotate(page, 'our territory is inalienable', '2');
  await page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'Export' }).click();
  const field = exportDialog(page).getByRole('textbox', { name: 'Your name, so your teacher knows whose file this is' });
  await expect(field).toBeFocused();
  let downloads = 0;
  page.on('download', () => downloads++);
  await exportDialog(page).getByRole('button', { name: /^Annotation pack/ }).click();
  await expect(exportDialog(page)).toContainText('Write your name first: your teacher needs it to know whose file this is.');
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  expect(downloads, 'no file without a name').toBe(0);
  await page.keyboard.press('Escape');

  const ana = await handIn(page, 'Ana');
  expect(ana.file).toBe(`ana-${TITLE_SLUG}.marginalia.json`);
  expect(ana.pack.exported.by).toBe('Ana');
  expect(ana.pack.annotations).toHaveLength(2);
  // The name is kept: the dialog and Settings show it.
  await page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'Export' }).click();
  await expect(exportDialog(page)).toContainText('Handing in as Ana.');
  await page.keyboard.press('Escape');

  // The next student: everything was exported, so starting fresh loses nothing.
  await openNewStudent(page);
  await expect(newStudent(page)).toContainText('Everything here was exported.');
  await newStudent(page).getByRole('button', { name: 'Start fresh' }).click();
  await expect(newStudent(page)).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'the next student starts fresh' }).first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trump tells Mexican president he wants US troops to fight drug cartels');
  await expect(entries(page)).toHaveCount(0);
  expect((await storedKeys(page)).filter((k) => k.includes('/a/') || k.endsWith('/author'))).toEqual([]);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();

  // Ben annotates one passage and hands in under his name (asked again: Ana's is gone).
  await annotate(page, 'sovereignty is inalienable', '3');
  await page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'Export' }).click();
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('');
  await page.keyboard.press('Escape');
  const ben = await handIn(page, 'Ben');
  expect(ben.file).toBe(`ben-${TITLE_SLUG}.marginalia.json`);
  expect(ben.pack.exported.by).toBe('Ben');
  expect(ben.pack.annotations).toHaveLength(1);
  expect(ben.pack.annotations[0].target.exact).toBe('sovereignty is inalienable');

  // Reloading keeps Ben's work and does not take the fresh start for a browser that lost data.
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('marginalia:highlights-painted').length > 0);
  await expect(entries(page)).toHaveCount(1);
  await expect(page.getByRole('alert').filter({ hasText: 'are gone' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' }).getByRole('textbox', { name: 'Your name' })).toHaveValue('Ben');
  expect(await cspViolations()).toEqual([]);
});

test('new student with work not exported: Export first comes back, or Discard names how many are lost', async ({ page }) => {
  await openApp(page);
  await annotate(page, 'The White House did not immediately respond');
  await openNewStudent(page);
  await expect(newStudent(page)).toContainText('1 annotation here was not exported and will be lost.');

  // Export first: the Export dialog, then back to the question, now with nothing to lose.
  await newStudent(page).getByRole('button', { name: 'Export first' }).click();
  await expect(exportDialog(page)).toBeVisible();
  const { file } = await handIn(page, 'Cleo Ñúñez', { open: false });
  expect(file).toBe(`cleo-ñúñez-${TITLE_SLUG}.marginalia.json`);
  await expect(newStudent(page)).toContainText('Everything here was exported.');
  await newStudent(page).getByRole('button', { name: 'Cancel' }).click();

  // A change after the export is not in the file: both annotations count again.
  await annotate(page, 'sovereignty is inalienable', '2');
  await openNewStudent(page);
  await expect(newStudent(page)).toContainText('2 annotations here were not exported and will be lost.');
  await newStudent(page).getByRole('button', { name: 'Discard 2 annotations and start fresh' }).click();
  await expect(entries(page)).toHaveCount(0);
  expect((await storedKeys(page)).filter((k) => k.includes('/a/'))).toEqual([]);
});

test("the sample's annotations can be cleared from the library", async ({ page }) => {
  await openApp(page);
  await annotate(page, 'The White House did not immediately respond');
  await annotate(page, 'sovereignty is inalienable', '2');
  await page.getByRole('button', { name: 'Library' }).click();
  const library = page.getByRole('dialog', { name: 'Library' });
  const sample = library.getByRole('listitem').filter({ hasText: 'Bundled sample' });
  await expect(sample).toContainText('2 annotations');
  await sample.getByRole('button', { name: 'Clear annotations' }).click();
  await expect(sample).toContainText('Clear the 2 annotations of the sample article? This cannot be undone.');
  await sample.getByRole('button', { name: 'Clear them' }).click();
  await expect(sample).toContainText('0 annotations');
  await expect(sample.getByRole('button', { name: 'Clear annotations' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(entries(page)).toHaveCount(0);
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('marginalia:highlights-painted').length > 0);
  await expect(entries(page)).toHaveCount(0);
});

test('the class view names a file by its exporter and flags annotations by several authors', async ({ page }) => {
  await openApp(page);
  await annotate(page, 'The White House did not immediately respond');
  const { pack } = await handIn(page, 'Ana');
  const withAuthor = (a: any, author: string, n: number) => ({ ...a, id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, author });
  const a = pack.annotations[0];
  // Ben's file as a shared laptop made it before "New student": Ana's two annotations and his one.
  const mixed = { ...pack, exported: { ...pack.exported, by: 'Ben' }, annotations: [withAuthor(a, 'Ana', 1), withAuthor(a, 'Ana', 2), withAuthor(a, 'Ben', 3)] };
  const own = { ...pack, exported: { ...pack.exported, by: 'Cleo' }, annotations: [withAuthor(a, '', 4)] };
  await page.getByRole('button', { name: 'Class', exact: true }).click();
  const view = page.getByRole('dialog', { name: 'Class view' });
  await view.locator('input[type=file]').setInputFiles([
    { name: `ben-${TITLE_SLUG}.marginalia.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(mixed)) },
    { name: `cleo-${TITLE_SLUG}.marginalia.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(own)) },
  ]);
  const table = view.getByRole('table', { name: 'Students by tag' });
  await expect(table.getByRole('rowheader')).toHaveText(['Ben', 'Cleo', 'Total']);
  await expect(view).toContainText("Ben's file holds annotations by several people: Ana (2), Ben (1).");
  await expect(view.locator('.class-mixed li')).toHaveCount(1);
});

test('an import report names tags by their names and says what a starter pack changes', async ({ page }) => {
  await openApp(page);
  await annotate(page, 'The White House did not immediately respond');
  const { pack } = await handIn(page, 'Teacher');
  const [claim, quote] = pack.tags;
  const starter = {
    ...pack,
    annotations: [],
    tags: [{ ...claim, name: 'Thesis' }, quote, { ...quote, id: 'loaded-language', name: 'Loaded language', hotkey: null }],
    classroom: { lockTags: true, answerKey: [] },
  };
  await page.locator('input[type=file][multiple]').setInputFiles({ name: 'starter.marginalia.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(starter)) });
  const report = page.getByRole('dialog', { name: 'Import report' });
  await expect(report).toContainText('The tag set is locked.');
  await expect(report).toContainText('New tags: Loaded language.');
  await expect(report).toContainText('Renamed tags: Claim → Thesis.');
  await expect(report).toContainText('Removed tags: Policy shift.');
  await expect(report).not.toContainText('loaded-language');
});
