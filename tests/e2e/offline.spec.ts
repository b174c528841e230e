// Offline: the served site contacts no other host, obeys its CSP, works with the network off, installs, and updates cleanly.
import { test, expect } from '@playwright/test';
import { openApp, dragSelect, highlightTexts, textBox, watchCsp, waitForServiceWorker } from './helpers';

const sidebar = (page) => page.getByRole('complementary', { name: 'Annotations' });

test('no request to another host and no CSP violation, from the first load on', async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  // Context-wide: page, service worker and preloads alike.
  context.on('request', (r) => {
    const url = new URL(r.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) foreign.push(r.url());
  });
  const violations = await watchCsp(page);
  await openApp(page);

  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'none'");
  expect(csp).toMatch(/script-src 'self' 'sha256-[^']+' 'wasm-unsafe-eval'/);
  expect(csp).not.toMatch(/unsafe-inline|https?:|\*/);

  // Annotate: the toolbar sits just below the selection (placed through the CSSOM, not a style attribute).
  const SENTENCE = 'The White House did not immediately respond';
  await dragSelect(page, SENTENCE);
  const toolbar = page.getByRole('toolbar', { name: 'Annotate selection' });
  await expect(toolbar).toBeVisible();
  const below = await textBox(page, SENTENCE);
  const placed = (await toolbar.boundingBox())!;
  expect(placed.y).toBeGreaterThan(below.y2);
  expect(placed.y).toBeLessThan(below.y2 + 60);
  await page.keyboard.press('1');
  // The editor opens below the highlight, also placed through the CSSOM.
  await page.mouse.click(below.x1 + 10, below.y1);
  const editor = page.getByRole('dialog', { name: 'Edit annotation' });
  await expect(editor).toBeVisible();
  expect(Math.abs((await editor.boundingBox())!.y - placed.y)).toBeLessThan(60);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Help' }).click();
  await page.keyboard.press('Escape');
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);

  await waitForServiceWorker(page);
  await page.reload();
  await expect(sidebar(page).getByRole('listitem')).toHaveCount(1);
  // Served over http, the app never shows the note meant for the single file opened from disk.
  await expect(page.getByText('You opened Marginalia as a file')).toHaveCount(0);

  expect(await violations()).toEqual([]);
  expect(foreign).toEqual([]);
});
