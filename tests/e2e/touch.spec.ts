// Touch: a phone user scrolls with a finger first; the browser then cancels the pointer instead of lifting it, and annotating must still work.
import { test, expect } from '@playwright/test';
import { openApp, textBox, fingerScroll } from './helpers';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

test('after a finger scroll (pointercancel, no pointerup) a selection still gets the tag toolbar', async ({ page }) => {
  await page.addInitScript(() => {
    (window as any).__pointers = [];
    for (const type of ['pointerdown', 'pointerup', 'pointercancel']) {
      document.addEventListener(type, () => (window as any).__pointers.push(type), true);
    }
  });
  await openApp(page);
  await fingerScroll(page, 700, 300);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  // What the browser sent: a press that was cancelled, not lifted.
  const pointers: string[] = await page.evaluate(() => (window as any).__pointers);
  expect(pointers).toContain('pointercancel');
  expect(pointers).not.toContain('pointerup');

  // The selection a long press and its handles make, then the app's toolbar.
  const phrase = 'rejected an offer';
  await textBox(page, phrase);
  await page.evaluate((text) => {
    const walker = document.createTreeWalker(document.querySelector('article')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(text);
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
    }
  }, phrase);
  const toolbar = page.getByRole('toolbar', { name: 'Annotate selection' });
  await expect(toolbar).toBeVisible();
  await toolbar.getByRole('button', { name: 'Claim' }).tap();
  const sidebar = page.getByRole('complementary', { name: 'Annotations' });
  await expect(sidebar.getByRole('listitem')).toHaveCount(1);
  await expect(sidebar.getByRole('listitem')).toContainText(phrase);
});
