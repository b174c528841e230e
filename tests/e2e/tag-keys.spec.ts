// Issue 20: the help, the keyboard hint and the toolbar show the article's real tag keys; deleting a tag changes no other key; tag editor errors stay in Settings next to their field; a new tag looks like no other; a locked set looks and acts locked; Spanish default tag names.
import { test, expect, type Page } from '@playwright/test';
import { openApp, dragSelect, watchCsp } from './helpers';

const settings = (page: Page) => page.getByRole('dialog', { name: 'Settings' });
const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Annotate selection' });
const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(settings(page)).toBeVisible();
}

async function setField(page: Page, label: string, value: string) {
  const field = settings(page).getByRole('textbox', { name: label });
  await field.fill(value);
  await field.press('Tab');
}

/** The help's shortcut rows as "key: what". */
async function helpShortcuts(page: Page) {
  await page.getByRole('button', { name: 'Help' }).click();
  const help = page.getByRole('dialog', { name: 'How to annotate' });
  const rows = await help.locator('table.shortcuts tr').evaluateAll((trs) =>
    trs.map((tr) => `${tr.querySelector('kbd')?.textContent}: ${tr.querySelector('td')?.textContent}`));
  const step = await help.locator('li.tag-step').textContent();
  await help.getByRole('button', { name: 'Close help' }).click();
  return { rows, step };
}

test('the help, the keyboard hint and the toolbar show the teacher’s own keys, and a delete changes no other key', async ({ page }) => {
  const csp = await watchCsp(page);
  await openApp(page);
  await openSettings(page);
  await setField(page, 'Name of tag 1', 'Opinion');
  await setField(page, 'Hotkey of tag 1', 'o');
  await setField(page, 'Name of tag 2', 'Direct quote');
  await setField(page, 'Hotkey of tag 2', 'q');
  await setField(page, 'Name of tag 3', 'Evidence');
  await settings(page).getByRole('textbox', { name: 'New tag name' }).fill('Loaded language');
  await settings(page).getByRole('button', { name: 'Add tag' }).click();
  await expect(settings(page).locator('.tag-row')).toHaveCount(4);
  await page.keyboard.press('Escape');

  const { rows, step } = await helpShortcuts(page);
  expect(rows.slice(0, 4)).toEqual([
    'o: Tag the selection as Opinion',
    'q: Tag the selection as Direct quote',
    '3: Tag the selection as Evidence',
    '4: Tag the selection as Loaded language',
  ]);
  expect(rows.join('\n')).not.toContain('1 2 3');
  expect(step).toContain('Press o for Opinion, q for Direct quote, 3 for Evidence or 4 for Loaded language');
  await expect(page.locator('#keyboard-hint')).toContainText('press o for Opinion, q for Direct quote, 3 for Evidence or 4 for Loaded language to tag');

  await dragSelect(page, 'The White House did not immediately respond');
  const keys = await toolbar(page).locator('.tag-button').evaluateAll((buttons) =>
    buttons.map((b) => `${b.getAttribute('aria-keyshortcuts')} ${b.textContent}`));
  expect(keys).toEqual(['o Opinion' + 'o', 'q Direct quote' + 'q', '3 Evidence3', '4 Loaded language4']);
  await page.keyboard.press('4');
  await expect(sidebar(page).getByRole('listitem')).toContainText('Loaded language');

  // Deleting Direct quote leaves Evidence on 3 and Loaded language on 4.
  await openSettings(page);
  const row = settings(page).locator('.tag-row').nth(1);
  await row.getByRole('button', { name: 'Delete' }).click();
  await row.getByRole('button', { name: 'Cancel' }).waitFor();
  await row.locator('.confirm button.danger').click();
  await expect(settings(page).locator('.tag-row')).toHaveCount(3);
  await expect(settings(page).getByRole('textbox', { name: 'Hotkey of tag 2' })).toHaveValue('3');
  await expect(settings(page).getByRole('textbox', { name: 'Hotkey of tag 3' })).toHaveValue('4');
  await page.keyboard.press('Escape');
  await expect(page.locator('#keyboard-hint')).toContainText('press o for Opinion, 3 for Evidence or 4 for Loaded language to tag');
  expect((await helpShortcuts(page)).rows.slice(0, 3)).toEqual([
    'o: Tag the selection as Opinion',
    '3: Tag the selection as Evidence',
    '4: Tag the selection as Loaded language',
  ]);
  // Undo brings back the deleted tag with every key as it was.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('#keyboard-hint')).toContainText('q for Direct quote, 3 for Evidence or 4 for Loaded language');
  expect(await csp()).toEqual([]);
});

test('a refused tag edit is shown next to its field inside Settings, keeps what was typed, and leaves no page banner', async ({ page }) => {
  await openApp(page);
  await openSettings(page);
  const key = settings(page).getByRole('textbox', { name: 'Hotkey of tag 2' });
  await key.fill('1');
  await key.press('Tab');
  const error = settings(page).getByRole('alert');
  await expect(error).toHaveText('The key “1” already picks the tag “Claim”.');
  await expect(key).toHaveAttribute('aria-invalid', 'true');
  await expect(key).toHaveAttribute('aria-describedby', 'tag-error');
  await expect(key).toHaveValue('1');
  // The message sits in the same tag row as its field.
  await expect(settings(page).locator('.tag-row').nth(1).getByRole('alert')).toBeVisible();
  await expect(page.locator('.notice, [role=alert]').filter({ hasText: 'already picks' })).toHaveCount(1);

  // A duplicate name: the error moves to that field; the key field is back to its key.
  const name = settings(page).getByRole('textbox', { name: 'Name of tag 3' });
  await name.fill('claim');
  await name.press('Tab');
  await expect(error).toHaveText('There is already a tag called “Claim”.');
  await expect(settings(page).locator('.tag-row').nth(2).getByRole('alert')).toBeVisible();
  await expect(name).toHaveValue('claim');
  await expect(key).toHaveValue('2');
  await expect(key).not.toHaveAttribute('aria-invalid', 'true');
  // Correcting it clears the error.
  await name.fill('Policy change');
  await name.press('Tab');
  await expect(settings(page).getByRole('alert')).toHaveCount(0);

  // A refused new tag keeps its name in the field with the message below it.
  await settings(page).getByRole('textbox', { name: 'New tag name' }).fill('Quote');
  await settings(page).getByRole('button', { name: 'Add tag' }).click();
  await expect(error).toHaveText('There is already a tag called “Quote”.');
  await expect(settings(page).getByRole('textbox', { name: 'New tag name' })).toHaveValue('Quote');
  await page.keyboard.press('Escape');
  await expect(settings(page)).toBeHidden();
  await expect(page.getByText('already a tag called')).toHaveCount(0);
  await expect(page.getByText('already picks')).toHaveCount(0);
});

test('a new tag gets the next palette colour and an unused underline: no look-alike warning', async ({ page }) => {
  await openApp(page);
  await openSettings(page);
  for (const [name, colour, line] of [['Evidence', '#009e73', 'dotted'], ['Loaded language', '#0072b2', 'double']]) {
    await settings(page).getByRole('textbox', { name: 'New tag name' }).fill(name);
    await settings(page).getByRole('button', { name: 'Add tag' }).click();
    const n = (await settings(page).locator('.tag-row').count());
    await expect(settings(page).getByLabel(`Colour of tag ${n}`)).toHaveValue(colour);
    await expect(settings(page).getByRole('combobox', { name: `Underline of tag ${n}` })).toHaveValue(line);
    await expect(settings(page).getByRole('textbox', { name: 'New tag name' })).toHaveValue('');
  }
  await expect(settings(page).locator('.tag-warnings li')).toHaveCount(0);
});

test('a locked tag set looks and acts locked, with the teacher’s note', async ({ page }) => {
  await openApp(page);
  await page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'Export' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export' });
  await exportDialog.getByRole('checkbox', { name: 'Lock the tag set for students' }).setChecked(true);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    exportDialog.getByRole('button', { name: 'Download starter pack' }).click(),
  ]);
  const starter = Buffer.concat(await (await download.createReadStream()).toArray());
  await page.locator('input[type=file][multiple]').setInputFiles([{ name: 'starter.marginalia.json', mimeType: 'application/json', buffer: starter }]);
  const report = page.getByRole('dialog', { name: 'Import report' });
  await report.getByRole('button', { name: 'Import' }).click();
  await expect(report).toBeHidden();

  await openSettings(page);
  const note = settings(page).locator('#tags-locked');
  await expect(note).toBeVisible();
  await expect(note).toContainText('Your teacher locked this tag set.');
  const name = settings(page).getByRole('textbox', { name: 'Name of tag 1' });
  await expect(name).not.toBeEditable();
  await expect(name).toHaveAttribute('aria-describedby', 'tags-locked');
  await expect(settings(page).getByLabel('Colour of tag 1')).toBeDisabled();
  await expect(settings(page).getByRole('combobox', { name: 'Underline of tag 1' })).toBeDisabled();
  await expect(settings(page).getByRole('button', { name: 'Add tag' })).toBeDisabled();
  // It looks locked: a grey, dashed field, not the white one of an editable field.
  const look = await name.evaluate((el) => { const s = getComputedStyle(el); return [s.backgroundColor, s.borderTopStyle, s.cursor]; });
  expect(look).toEqual(['rgb(232, 235, 238)', 'dashed', 'not-allowed']);
  const yourName = settings(page).getByRole('textbox', { name: 'Your name' });
  expect(await yourName.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
  // Typing into it changes nothing.
  await name.click();
  await page.keyboard.type('xyz');
  await expect(name).toHaveValue('Claim');
});

test('the Spanish UI names the default tags in Spanish; a stored set keeps its names', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'es-ES' });
  const page = await context.newPage();
  await openApp(page);
  await dragSelect(page, 'The White House did not immediately respond');
  const barra = page.getByRole('toolbar', { name: 'Anotar la selección' });
  await expect(barra.locator('.tag-button')).toHaveText(['Afirmación1', 'Cita2', 'Cambio de política3']);
  await expect(page.locator('#keyboard-hint')).toContainText('pulsa 1 para Afirmación, 2 para Cita o 3 para Cambio de política');
  await page.keyboard.press('Escape');
  // Switching to English renames the (never edited) default set at once.
  await page.getByRole('button', { name: 'Configuración' }).click();
  const dialog = page.getByRole('dialog', { name: 'Configuración' });
  await dialog.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
  await expect(settings(page).getByRole('textbox', { name: 'Name of tag 1' })).toHaveValue('Claim');
  // An edited set is stored and keeps its names in either language.
  await setField(page, 'Name of tag 2', 'Cita directa');
  await settings(page).getByRole('combobox', { name: 'Language' }).selectOption('es');
  await expect(dialog.getByRole('textbox', { name: 'Nombre de la etiqueta 1' })).toHaveValue('Claim');
  await expect(dialog.getByRole('textbox', { name: 'Nombre de la etiqueta 2' })).toHaveValue('Cita directa');
  await context.close();
});
