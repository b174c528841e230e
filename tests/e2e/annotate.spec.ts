// Annotating like a user: mouse drags, tags, notes, reload, overlaps, undo and redo, and the keyboard alone.
import { test, expect } from '@playwright/test';
import { openApp, dragSelect, textBox, highlightSize, highlightTexts, exportAs, settledPending } from './helpers';

const SENTENCE = 'Mexico is "essentially run by the cartels," Trump said earlier this year';
const sidebar = (page) => page.getByRole('complementary', { name: 'Annotations' });

test('tag a sentence as Claim with a note; it survives a reload', async ({ page }) => {
  await openApp(page);
  await dragSelect(page, SENTENCE);
  const toolbar = page.getByRole('toolbar', { name: 'Annotate selection' });
  await expect(toolbar).toBeVisible();
  await toolbar.getByRole('textbox', { name: 'Note' }).fill('Sweeping claim with no evidence given');
  await toolbar.getByRole('button', { name: 'Claim' }).click();
  await expect(toolbar).toBeHidden();

  await expect.poll(() => highlightTexts(page, 'mg-tag-0')).toEqual([SENTENCE]);
  await expect(sidebar(page).getByRole('listitem')).toHaveCount(1);

  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('marginalia:highlights-painted').length > 0);
  const entry = sidebar(page).getByRole('listitem');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Claim');
  await expect(entry).toContainText('essentially run by the cartels');
  await expect(entry).toContainText('Sweeping claim with no evidence given');
  await expect.poll(() => highlightTexts(page, 'mg-tag-0')).toEqual([SENTENCE]);
  await expect(sidebar(page).getByRole('button', { name: /Claim\s*1/ })).toBeVisible();
});

test('a selection that starts and ends mid-word snaps to whole words', async ({ page }) => {
  await openApp(page);
  const box = await textBox(page, 'essentially run by the cartels');
  // Start three letters into "essentially" and stop inside "cartels".
  await page.mouse.move(box.x1 + 20, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2 - 15, box.y2, { steps: 6 });
  await page.mouse.up();
  await page.keyboard.press('2');
  await expect.poll(() => highlightTexts(page, 'mg-tag-1')).toEqual(['essentially run by the cartels']);
});

test('overlapping and nested annotations are all visible and all reachable', async ({ page }) => {
  await openApp(page);
  await dragSelect(page, 'Sheinbaum said she rebuffed his proposal');
  await page.keyboard.press('1');
  await dragSelect(page, 'rebuffed his proposal, saying');
  await page.keyboard.press('2');
  await dragSelect(page, 'his proposal');
  await page.keyboard.press('3');

  await expect.poll(() => highlightTexts(page, 'mg-tag-0')).toEqual(['Sheinbaum said she rebuffed his proposal']);
  await expect.poll(() => highlightTexts(page, 'mg-tag-1')).toEqual(['rebuffed his proposal, saying']);
  await expect.poll(() => highlightTexts(page, 'mg-tag-2')).toEqual(['his proposal']);
  expect((await highlightTexts(page, 'mg-overlap')).sort()).toEqual(
    ['his proposal', 'his proposal', 'rebuffed his proposal'].sort());

  // Clicking inside the nested part opens all three annotations.
  const box = await textBox(page, 'proposal');
  await page.mouse.click(box.x1 + 10, box.y1);
  const editor = page.getByRole('dialog', { name: 'Edit annotation' });
  await expect(editor).toBeVisible();
  await expect(editor.getByRole('heading')).toHaveText('3 annotations here');

  // Editing from there: add Quote to the Claim, then delete the Policy shift.
  await editor.locator('.editor-card').first().getByRole('button', { name: 'Quote' }).click();
  await expect(editor.locator('.editor-card').first().getByRole('button', { name: 'Quote' })).toHaveAttribute('aria-pressed', 'true');
  await editor.locator('.editor-card').nth(2).getByRole('button', { name: 'Delete' }).click();
  await expect(sidebar(page).getByRole('listitem')).toHaveCount(2);
  await expect.poll(() => highlightSize(page, 'mg-tag-2')).toBe(0);
  expect((await highlightTexts(page, 'mg-tag-1')).sort()).toEqual(
    ['Sheinbaum said she rebuffed his proposal', 'rebuffed his proposal, saying'].sort());
});

test('undo and redo with buttons and with Ctrl+Z / Ctrl+Shift+Z', async ({ page }) => {
  await openApp(page);
  const undo = page.getByRole('button', { name: 'Undo' });
  const redo = page.getByRole('button', { name: 'Redo' });
  await expect(undo).toBeDisabled();

  await dragSelect(page, 'The White House did not immediately respond');
  await page.getByRole('toolbar', { name: 'Annotate selection' }).getByRole('button', { name: 'Quote' }).click();
  await expect(sidebar(page).getByRole('listitem')).toHaveCount(1);

  await undo.click();
  await expect(sidebar(page).getByRole('listitem')).toHaveCount(0);
  await expect.poll(() => highlightSize(page, 'mg-tag-1')).toBe(0);
  await redo.click();
  await expect(sidebar(page).getByRole('listitem')).toHaveCount(1);
  await expect.poll(() => highlightSize(page, 'mg-tag-1')).toBe(1);

  await page.keyboard.press('Control+z');
  await expect(sidebar(page).getByRole('listitem')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(sidebar(page).getByRole('listitem')).toHaveCount(1);

  // Undo survives in storage too: after undoing, a reload shows nothing.
  await page.keyboard.press('Control+z');
  await page.reload();
  await expect(sidebar(page).getByText('No annotations yet')).toBeVisible();
});

test('annotate with the keyboard alone', async ({ page }) => {
  await openApp(page);
  // Tab from the top of the page to the article.
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.tagName === 'ARTICLE')) break;
  }
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('ARTICLE');
  await page.keyboard.press('Control+ArrowDown'); // to the first paragraph
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Shift+ArrowRight');
  const toolbar = page.getByRole('toolbar', { name: 'Annotate selection' });
  await expect(toolbar).toBeVisible();
  // Three word steps from the paragraph's start end "MEXICO", "CITY" and "Mexico's" (the dash is
  // no word, so it is passed over).
  const selected = await settledPending(page);
  expect(selected.startsWith('MEXICO CITY')).toBe(true);
  // Tab into the toolbar, on to the note field, type, and pick Policy shift by keyboard.
  await page.keyboard.press('Tab');
  await expect(toolbar.getByRole('button', { name: 'Claim' })).toBeFocused();
  await toolbar.getByRole('textbox', { name: 'Note' }).focus();
  await page.keyboard.type('Dateline');
  await page.keyboard.press('Shift+Tab');
  await expect(toolbar.getByRole('button', { name: 'Policy shift' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => highlightTexts(page, 'mg-tag-2')).toEqual([selected]);

  // Find it in the list by keyboard and edit it.
  const entry = sidebar(page).getByRole('button', { name: /MEXICO CITY/ });
  await entry.focus();
  await page.keyboard.press('Enter');
  const editor = page.getByRole('dialog', { name: 'Edit annotation' });
  await expect(editor).toBeVisible();
  await expect(editor.getByRole('textbox', { name: 'Note' })).toHaveValue('Dateline');
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();
});

test('help documents the keyboard way to annotate', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Help' }).click();
  const help = page.getByRole('dialog', { name: 'How to annotate' });
  await expect(help).toContainText('With the keyboard only');
  await expect(help).toContainText('Ctrl+← / Ctrl+→');
  await expect(help).toContainText('Hold Shift with any of them to select from the caret');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('export downloads every annotation as an annotation pack', async ({ page }) => {
  await openApp(page);
  await dragSelect(page, 'No administration in modern times');
  await page.keyboard.press('1');
  const json = JSON.parse((await exportAs(page, 'Annotation pack')).text);
  expect(json.format).toBe('marginalia-pack');
  expect(json.schemaVersion).toBe(1);
  expect(json.annotations).toHaveLength(1);
  expect(json.annotations[0].target.exact).toBe('No administration in modern times');
  expect(json.annotations[0].tags).toEqual(['claim']);
});
