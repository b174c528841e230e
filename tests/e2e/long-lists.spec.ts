// Lists that can hold thousands of rows (the sidebar, the side lists) use no <q> elements: Chromium attaches each <q> in time that grows with the quotes before it.
import { test, expect } from '@playwright/test';
import { openApp, dragSelect } from './helpers';

test('sidebar rows show the quote in quote marks without <q> elements', async ({ page }) => {
  await openApp(page);
  await dragSelect(page, 'sovereignty is inalienable');
  await page.keyboard.press('1');
  const sidebar = page.getByRole('complementary', { name: 'Annotations' });
  const quote = sidebar.locator('.entry-quote');
  await expect(quote).toHaveText('sovereignty is inalienable');
  expect(await sidebar.locator('q').count()).toBe(0);
  const marks = await quote.evaluate((el) => [getComputedStyle(el, '::before').content, getComputedStyle(el, '::after').content]);
  expect(marks).toEqual(['"“"', '"”"']);
});
