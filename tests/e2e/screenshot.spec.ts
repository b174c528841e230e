// Takes the README's screenshot: the sample article with a few annotations and the toolbar open.
import { test, expect } from '@playwright/test';
import { openApp, dragSelect } from './helpers';

test('README screenshot', async ({ page }) => {
  await openApp(page);
  await dragSelect(page, 'Mexico\'s leader said Saturday that she rejected an offer');
  await page.keyboard.press('1');
  await dragSelect(page, '"It\'s true," Sheinbaum said.');
  await page.keyboard.press('2');
  await dragSelect(page, 'Sheinbaum said she rebuffed his proposal');
  await page.keyboard.press('1');
  await dragSelect(page, 'rebuffed his proposal, saying');
  await page.getByRole('toolbar', { name: 'Annotate selection' }).getByRole('textbox', { name: 'Note' })
    .fill('She frames it as sovereignty');
  await page.getByRole('toolbar', { name: 'Annotate selection' }).getByRole('button', { name: 'Quote' }).click();
  await dragSelect(page, 'The White House did not immediately respond');
  await page.keyboard.press('3');
  await page.evaluate(() => window.scrollTo(0, 0));
  await dragSelect(page, 'President Claudia Sheinbaum confirmed a report published Friday');
  await expect(page.getByRole('toolbar', { name: 'Annotate selection' })).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'docs/screenshot.png' });
});
