// The release build opens on the sample article: heading, paragraphs, no console errors, and a screenshot for the README.
import { test, expect } from '@playwright/test';
import { openApp } from './helpers';

test('opens on the sample article, readable and error-free', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  await openApp(page);

  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText('Trump tells Mexican president he wants US troops to fight drug cartels');
  await expect(page.locator('.byline')).toHaveText('Kate Linthicum, Los Angeles Times · 2025');

  const paragraphs = page.locator('article p[data-block]');
  expect(await paragraphs.count()).toBeGreaterThanOrEqual(10);
  for (let i = 0; i < 10; i++) await expect(paragraphs.nth(i)).toBeVisible();

  const article = await page.locator('article').innerText();
  for (const furniture of ['Current News', 'ArcaMax', 'Published in News & Features', 'Disqus', '———']) {
    expect(article).not.toContain(furniture);
  }
  // A readable measure: the article column is between 55 and 80 average characters wide.
  const chars = await page.evaluate(() => {
    const p = document.querySelector('article p[data-block]') as HTMLElement;
    const probe = document.createElement('span');
    probe.textContent = 'abcdefghijklmnopqrstuvwxyz'.repeat(4);
    p.append(probe);
    const perChar = probe.getBoundingClientRect().width / 104;
    probe.remove();
    return p.getBoundingClientRect().width / perChar;
  });
  expect(chars).toBeGreaterThan(55);
  expect(chars).toBeLessThan(85);

  await page.screenshot({ path: 'test-results/foundation.png' });
  expect(problems).toEqual([]);
});

test('works on a phone-sized screen without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await openApp(page);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/phone.png', fullPage: false });
});
