// Printing the article adds a legend of the tags and every annotation's note, and the reports for people speak the UI's language.
import { test, expect, type Page } from '@playwright/test';
import { openApp, dragSelect, watchCsp } from './helpers';

async function annotate(page: Page, quote: string, tag: RegExp, note: string) {
  await dragSelect(page, quote);
  const toolbar = page.getByRole('toolbar');
  await toolbar.getByRole('textbox').first().fill(note);
  await toolbar.getByRole('button', { name: tag }).click();
  await expect(toolbar).toBeHidden();
}

/** What the browser does when someone presses Ctrl+P: the `beforeprint` event, then print media. */
async function print(page: Page) {
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
}

test('printing the article prints a legend of its tags and every note in article order', async ({ page }) => {
  const cspViolations = await watchCsp(page);
  await openApp(page);
  await annotate(page, 'sovereignty is inalienable', /^Quote/, 'The president\'s own words');
  await annotate(page, 'The White House did not immediately respond', /^Claim/, 'Who was asked?');
  // On screen, no print notes.
  await expect(page.locator('.print-notes')).toHaveCount(0);
  await print(page);
  const notes = page.locator('.print-notes');
  await expect(notes).toBeVisible();
  await expect(notes.locator('.print-legend li')).toHaveText([/^Claim/, /^Quote/, /^Policy shift/]);
  const items = notes.locator('.print-list > li');
  await expect(items).toHaveCount(2);
  // In article order, whatever order they were made in.
  await expect(items).toHaveText([
    /^Quote · Paragraph \d+ of \d+: “sovereignty is inalienable” The president's own words$/,
    /^Claim · Paragraph \d+ of \d+: “The White House did not immediately respond” Who was asked\?$/,
  ]);
  // The app's controls are not printed; every highlight is painted.
  await expect(page.getByRole('navigation', { name: 'Actions' })).toBeHidden();
  await expect(page.getByRole('complementary', { name: 'Annotations' })).toBeHidden();
  if (process.env.PRINT_SCREENSHOT) await page.screenshot({ path: process.env.PRINT_SCREENSHOT, fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(notes).toHaveCount(0);
  expect(await cspViolations()).toEqual([]);
});

test('a Spanish UI writes Spanish reports and prints Spanish notes', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'es-ES' });
  const page = await context.newPage();
  await openApp(page);
  await annotate(page, 'sovereignty is inalienable', /^Cita/, 'Sus palabras');
  const actions = page.getByRole('navigation', { name: 'Acciones' });
  const download = async (label: string) => {
    await actions.getByRole('button', { name: 'Exportar' }).click();
    const dialog = page.getByRole('dialog', { name: 'Exportar' });
    const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: new RegExp(`^${label}`) }).click()]);
    return Buffer.concat(await (await file.createReadStream()).toArray()).toString('utf8');
  };
  const markdown = await download('Informe en Markdown');
  expect(markdown).toMatch(/^# Anotaciones: Trump tells Mexican president/);
  expect(markdown).toContain('## Etiquetas');
  expect(markdown).toContain('| Etiqueta | Anotaciones |');
  expect(markdown).toMatch(/1 anotación · exportado el \d{4}-\d\d-\d\d \d\d:\d\d/);
  expect(markdown).toMatch(/Párrafo \d+ · /);
  const html = await download('Informe para imprimir');
  expect(html).toContain('<html lang="es">');
  expect(html).toContain('<h2>Notas</h2>');
  await print(page);
  await expect(page.locator('.print-notes h2')).toHaveText(['Etiquetas', 'Anotaciones']);
  await expect(page.locator('.print-list > li')).toContainText(/Cita · Párrafo \d+ de \d+/);
  await context.close();
});
