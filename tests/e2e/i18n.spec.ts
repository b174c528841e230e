// The UI's language: Spanish for a Spanish-speaking browser, English otherwise, a switch in Settings that applies at once and is remembered.
import { test, expect, type Browser } from '@playwright/test';
import { openApp, appReady, watchCsp } from './helpers';

async function pageIn(browser: Browser, locale: string) {
  const context = await browser.newContext({ locale });
  return { context, page: await context.newPage() };
}

test('a browser in Mexican Spanish opens Marginalia in Spanish', async ({ browser }) => {
  const { context, page } = await pageIn(browser, 'es-MX');
  const csp = await watchCsp(page);
  await openApp(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  const actions = page.getByRole('navigation', { name: 'Acciones' });
  for (const label of ['Biblioteca', 'Nuevo artículo', 'Abrir archivo', 'Deshacer', 'Rehacer', 'Importar', 'Exportar', 'Clase', 'Configuración', 'Ayuda']) {
    await expect(actions.getByRole('button', { name: label, exact: true })).toBeVisible();
  }
  const sidebar = page.getByRole('complementary', { name: 'Anotaciones' });
  await expect(sidebar.getByRole('heading', { name: 'Anotaciones' })).toBeVisible();
  await expect(sidebar.getByRole('searchbox', { name: 'Buscar anotaciones' })).toHaveAttribute('placeholder', 'Buscar en citas y notas');
  await expect(sidebar.getByText('Aún no hay anotaciones.', { exact: false })).toBeVisible();

  await actions.getByRole('button', { name: 'Ayuda' }).click();
  const help = page.getByRole('dialog', { name: 'Cómo anotar' });
  await expect(help.getByRole('heading', { name: 'Atajos de teclado' })).toBeVisible();
  await expect(help.getByRole('heading', { name: 'Idioma' })).toBeVisible();
  await help.getByRole('button', { name: 'Cerrar la ayuda' }).click();
  expect(await csp()).toEqual([]);
  await context.close();
});

test('the switch in Settings changes the language at once and is remembered', async ({ browser }) => {
  const { context, page } = await pageIn(browser, 'es-MX');
  await openApp(page);
  await page.getByRole('button', { name: 'Configuración' }).click();
  const settings = page.getByRole('dialog', { name: 'Configuración' });
  const language = settings.getByRole('combobox', { name: 'Idioma' });
  await expect(language).toHaveValue('es');

  await language.selectOption('en');
  const english = page.getByRole('dialog', { name: 'Settings' });
  await expect(english.getByRole('heading', { name: 'Tags for this article' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Library', exact: true })).toBeVisible();

  await page.reload();
  await appReady(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Library', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('combobox', { name: 'Language' }).selectOption('es');
  await expect(page.getByRole('dialog', { name: 'Configuración' }).getByRole('heading', { name: 'Etiquetas de este artículo' })).toBeVisible();
  await page.getByRole('dialog', { name: 'Configuración' }).getByRole('button', { name: 'Cerrar' }).click();
  await page.reload();
  await appReady(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('button', { name: 'Biblioteca', exact: true })).toBeVisible();
  await context.close();
});

test('a browser in US English opens Marginalia in English', async ({ browser }) => {
  const { context, page } = await pageIn(browser, 'en-US');
  await openApp(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Annotations' })).toBeVisible();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' }).getByRole('combobox', { name: 'Language' })).toHaveValue('en');
  await context.close();
});
