// Sharing like a user: export a pack and bring it back, import other tools' files, see a report, and re-attach what could not be placed.
import { test, expect, type Page } from '@playwright/test';
import { openApp, dragSelect, highlightTexts, exportAs } from './helpers';

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });
const entries = (page: Page) => sidebar(page).getByRole('listitem');
const report = (page: Page) => page.getByRole('dialog', { name: 'Import report' });

async function importFiles(page: Page, files: { name: string; text: string }[]) {
  await page.locator('input[type=file][multiple]').setInputFiles(
    files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) })));
  await expect(report(page)).toBeVisible();
}

async function annotateThree(page: Page) {
  await dragSelect(page, 'The White House did not immediately respond');
  await page.keyboard.press('1');
  await dragSelect(page, 'sovereignty is inalienable');
  await page.getByRole('toolbar', { name: 'Annotate selection' }).getByRole('textbox', { name: 'Note' }).fill('Key line, “quoted” & <b>bold</b>');
  await page.getByRole('toolbar', { name: 'Annotate selection' }).getByRole('button', { name: 'Quote' }).click();
  await dragSelect(page, 'nationalism has surged here');
  await page.keyboard.press('3');
  await expect(entries(page)).toHaveCount(3);
}

test('export a pack, clear storage, import it: everything is back', async ({ page }) => {
  await openApp(page);
  await annotateThree(page);
  const pack = await exportAs(page, 'Annotation pack');
  expect(pack.name).toMatch(/\.marginalia\.json$/);
  const json = JSON.parse(pack.text);
  expect(json.annotations).toHaveLength(3);

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('marginalia:highlights-painted').length > 0);
  await expect(entries(page)).toHaveCount(0);

  await importFiles(page, [{ name: pack.name, text: pack.text }]);
  await expect(report(page)).toContainText('3 new');
  await report(page).getByRole('button', { name: 'Import' }).click();
  await expect(entries(page)).toHaveCount(3);
  await expect(entries(page).filter({ hasText: 'sovereignty is inalienable' })).toContainText('Key line, “quoted” & <b>bold</b>');
  await expect.poll(() => highlightTexts(page, 'mg-tag-1')).toEqual(['sovereignty is inalienable']);

  // Byte for byte: exporting again gives the same annotations.
  const again = JSON.parse((await exportAs(page, 'Annotation pack')).text);
  expect(again.annotations).toEqual(json.annotations);

  // Importing the same file twice adds nothing.
  await importFiles(page, [{ name: pack.name, text: pack.text }]);
  await expect(report(page)).toContainText('3 duplicates skipped');
  await expect(report(page)).toContainText('Nothing new to import.');
  await report(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(entries(page)).toHaveCount(3);

  // The import is one undoable step.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('marginalia:highlights-painted').length > 0);
  await importFiles(page, [{ name: pack.name, text: pack.text }]);
  await report(page).getByRole('button', { name: 'Import' }).click();
  await expect(entries(page)).toHaveCount(3);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(entries(page)).toHaveCount(0);
});

test('import a Hypothesis export: placed by quote, page notes skipped, unplaced ones listed', async ({ page }) => {
  await openApp(page);
  const text = (await import('node:fs')).readFileSync('tests/fixtures/hypothesis-export.json', 'utf8');
  await importFiles(page, [{ name: 'hypothesis.json', text }]);
  await expect(report(page)).toContainText('Hypothesis');
  await expect(report(page)).toContainText('Skipped');
  await report(page).getByRole('button', { name: 'Import' }).click();
  await expect(entries(page).filter({ hasText: 'sovereignty is inalienable' })).toHaveCount(1);
  await expect(entries(page).filter({ hasText: 'sovereignty is inalienable' })).toContainText('Core of her position.');
  // Hypothesis tags become tags: "Claim" is the known one.
  await expect(entries(page).filter({ hasText: 'sovereignty is inalienable' })).toContainText('Claim');
});

test('a bad file is rejected with its reason and changes nothing; the good one in the same import still works', async ({ page }) => {
  await openApp(page);
  await dragSelect(page, 'The White House did not immediately respond');
  await page.keyboard.press('1');
  const pack = JSON.parse((await exportAs(page, 'Annotation pack')).text);
  pack.annotations[0].id = '00000000-0000-4000-8000-0000000000aa';
  pack.annotations[0].note = 'from a classmate';
  const broken = JSON.stringify({ ...pack, annotations: [{ ...pack.annotations[0], target: { ...pack.annotations[0].target, start: 'ten' } }] });
  await importFiles(page, [
    { name: 'broken.marginalia.json', text: broken },
    { name: 'not-json.json', text: '{"format": "marginalia-pack", ' },
    { name: 'classmate.marginalia.json', text: JSON.stringify(pack) },
  ]);
  const files = report(page).locator('.import-file');
  await expect(files.nth(0)).toContainText('Rejected');
  await expect(files.nth(0)).toContainText('annotations[0].target.start');
  await expect(files.nth(1)).toContainText('Rejected');
  await expect(files.nth(1)).toContainText('line 1');
  await expect(files.nth(2)).toContainText('1 new');
  await report(page).getByRole('button', { name: 'Import' }).click();
  await expect(entries(page)).toHaveCount(2);
  await expect(entries(page).filter({ hasText: 'from a classmate' })).toHaveCount(1);
});

test('an annotation whose passage is gone is listed, never misplaced, and can be re-attached', async ({ page }) => {
  await openApp(page);
  await dragSelect(page, 'The White House did not immediately respond');
  await page.keyboard.press('1');
  const pack = JSON.parse((await exportAs(page, 'Annotation pack')).text);
  const gone = { ...pack.annotations[0], id: '00000000-0000-4000-8000-0000000000bb', note: 'lost passage',
    target: { start: 5, end: 5 + 'This sentence is not in the article at all'.length, exact: 'This sentence is not in the article at all', prefix: '', suffix: '' } };
  await importFiles(page, [{ name: 'lost.marginalia.json', text: JSON.stringify({ ...pack, annotations: [gone] }) }]);
  await expect(report(page)).toContainText('1 not placed');
  await report(page).getByRole('button', { name: 'Import' }).click();
  const side = page.getByRole('region', { name: 'Needs attention' });
  await expect(side).toContainText('Not placed (1)');
  await expect(side).toContainText('This sentence is not in the article at all');
  await expect(entries(page)).toHaveCount(1);

  await side.getByRole('button', { name: 'Re-attach' }).click();
  await dragSelect(page, 'nationalism has surged here');
  await page.getByRole('toolbar', { name: 'Annotate selection' }).getByRole('button', { name: /^Attach/ }).click();
  await expect(side).toHaveCount(0);
  await expect(entries(page)).toHaveCount(2);
  await expect(entries(page).filter({ hasText: 'lost passage' })).toContainText('nationalism has surged here');
  await page.reload();
  await expect(entries(page)).toHaveCount(2);
});

test('CSV and the printable report download with their formats', async ({ page }) => {
  await openApp(page);
  await dragSelect(page, 'The White House did not immediately respond');
  await page.getByRole('toolbar', { name: 'Annotate selection' }).getByRole('textbox', { name: 'Note' }).fill('=HYPERLINK("x")');
  await page.getByRole('toolbar', { name: 'Annotate selection' }).getByRole('button', { name: 'Claim' }).click();
  const csv = await exportAs(page, 'Spreadsheet');
  expect(csv.name).toMatch(/\.csv$/);
  expect(csv.text.charCodeAt(0)).toBe(0xfeff);
  expect(csv.text).toContain(`"'=HYPERLINK(""x"")"`);
  const html = await exportAs(page, 'Printable report');
  expect(html.text).toContain('Content-Security-Policy');
  expect(html.text).not.toContain('<script');
  const w3c = JSON.parse((await exportAs(page, 'Web Annotation')).text);
  expect(w3c.type).toBe('AnnotationCollection');
  const md = await exportAs(page, 'Markdown report');
  expect(md.text).toContain('The White House did not immediately respond');
});
