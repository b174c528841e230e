// The whole flow by keyboard alone (page.keyboard only, never the mouse): open, move, select, tag, note, find, edit, delete, undo; visible focus and no traps.
import { test, expect, type Page } from '@playwright/test';
import { openApp, highlightTexts, settledPending } from './helpers';

const liveRegion = (page: Page) => page.locator('div.visually-hidden[role="status"][aria-live="polite"]');

/** A short description of the focused element, for assertions and failure messages. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    if (!e || e === document.body) return 'body';
    const name = e.getAttribute('aria-label') ?? e.textContent?.trim().slice(0, 40) ?? '';
    return `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className ? '.' + String(e.className).split(' ')[0] : ''} ${name}`;
  });
}

/** The focused element shows a focus indicator: a visible outline of at least 2 px (or, for text fields, their own border). */
async function expectVisibleFocus(page: Page) {
  const indicator = await page.evaluate(() => {
    const e = document.activeElement as HTMLElement;
    const style = getComputedStyle(e);
    return { focusVisible: e.matches(':focus-visible'), outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(indicator.focusVisible, await focused(page)).toBe(true);
  expect(indicator.outline, await focused(page)).not.toBe('none');
  expect(indicator.width, await focused(page)).toBeGreaterThanOrEqual(2);
}

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`; fails after `max` presses. */
async function tabTo(page: Page, selector: string, { back = false, max = 40, text = '' } = {}) {
  for (let i = 0; i < max; i++) {
    const here = await page.evaluate(([s, t]) => {
      const e = document.activeElement;
      return !!e && e.matches(s) && (!t || e.textContent?.trim() === t);
    }, [selector, text]);
    if (here) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    await expectVisibleFocus(page);
  }
  throw new Error(`focus never reached ${selector}; it is on ${await focused(page)}`);
}

test('keyboard only: skip link, select, tag with a note, find it in the list, edit, delete, undo, next annotation', async ({ page }) => {
  await openApp(page);

  // The first Tab stop skips the toolbar and lands on the article.
  await page.keyboard.press('Tab');
  expect(await focused(page)).toContain('Skip to the article');
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  expect(await focused(page)).toContain('article#article');

  // Move down three paragraphs and select word by word.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+ArrowDown');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Control+Shift+ArrowRight');
  const toolbar = page.getByRole('toolbar', { name: 'Annotate selection' });
  await expect(toolbar).toBeVisible();
  const quote = await settledPending(page);
  expect(quote.split(/\s+/).length).toBeGreaterThanOrEqual(2);

  // Tab goes into the toolbar; write a note, then back to Claim and Enter.
  await page.keyboard.press('Tab');
  await expectVisibleFocus(page);
  await tabTo(page, '.note-input');
  await page.keyboard.type('Check the source');
  await tabTo(page, '.tag-button[data-tag="0"]', { back: true });
  await page.keyboard.press('Enter');
  await expect(toolbar).toBeHidden();
  await expect(liveRegion(page)).toContainText('Tagged as Claim');
  await expect.poll(() => highlightTexts(page, 'mg-tag-0')).toEqual([quote]);
  expect(await focused(page)).toContain('article#article');

  // Find it in the list by searching, open it with Enter.
  const sidebar = page.getByRole('complementary', { name: 'Annotations' });
  await tabTo(page, 'input.search');
  await page.keyboard.type('source');
  await tabTo(page, '.entry-button');
  await page.keyboard.press('Enter');
  const editor = page.getByRole('dialog', { name: 'Edit annotation' });
  await expect(editor).toBeVisible();
  expect(await focused(page)).toContain('tag-toggle');
  await expectVisibleFocus(page);

  // Edit: add the Quote tag and extend the note.
  await tabTo(page, '.tag-toggle[data-tag="1"]');
  await page.keyboard.press('Space');
  await expect(editor.getByRole('button', { name: 'Quote' })).toHaveAttribute('aria-pressed', 'true');
  await expect(liveRegion(page)).toContainText('Tags changed');
  await tabTo(page, 'textarea.note-editor');
  await page.keyboard.press('End');
  await page.keyboard.type(' and the date');
  await page.keyboard.press('Tab');
  await expect(sidebar.locator('.entry-note')).toHaveText('Check the source and the date');
  await expect.poll(() => highlightTexts(page, 'mg-tag-1')).toEqual([quote]);

  // Delete; focus comes back to the article rather than being lost.
  await tabTo(page, '.annotation-editor button.danger');
  const scrolled = await page.evaluate(() => scrollY);
  await page.keyboard.press('Enter');
  await expect(editor).toBeHidden();
  await expect(liveRegion(page)).toContainText('Annotation deleted');
  await expect.poll(() => highlightTexts(page, 'mg-tag-0')).toEqual([]);
  expect(await focused(page)).toContain('article#article');
  // Focus came back without the page jumping to the top of the article.
  expect(Math.abs((await page.evaluate(() => scrollY)) - scrolled)).toBeLessThan(40);

  // Undo brings it back with both tags and the note.
  await page.keyboard.press('Control+z');
  await expect(liveRegion(page)).toContainText('Undone');
  await expect.poll(() => highlightTexts(page, 'mg-tag-0')).toEqual([quote]);
  await expect.poll(() => highlightTexts(page, 'mg-tag-1')).toEqual([quote]);

  // In the article, Alt+↓ reaches the annotation and reads it; Enter edits it; Escape gives focus back.
  await page.keyboard.press('Escape');
  await tabTo(page, 'article#article', { back: true });
  await page.keyboard.press('Control+ArrowUp');
  await expect(liveRegion(page)).toHaveText(/^Paragraph \d+ of \d+$/);
  await page.keyboard.press('Control+ArrowDown');
  await expect(liveRegion(page)).toHaveText(/^Paragraph \d+ of \d+\. Highlighted: Claim, Quote: “/);
  await page.keyboard.press('Control+ArrowUp');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(liveRegion(page)).toHaveText(`Claim, Quote: “${quote}”, note: Check the source and the date (1 of 1). Press Enter to edit.`);
  await page.keyboard.press('Enter');
  await expect(editor).toBeVisible();
  expect(await focused(page)).toContain('tag-toggle');
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();
  expect(await focused(page)).toContain('article#article');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(liveRegion(page)).toHaveText('No more annotations after this point');
});

test('keyboard only: dialogs take focus, keep Tab inside, close with Escape and give focus back; no traps elsewhere', async ({ page }) => {
  await openApp(page);
  await tabTo(page, 'article#article');

  // "?" opens the help with focus in it; Tab cycles inside; Escape closes it and focus returns.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'How to annotate' });
  await expect(help).toBeVisible();
  await expect(help.getByText('Alt+↓ / Alt+↑')).toBeVisible();
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[role=dialog]'))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  expect(await focused(page)).toContain('article#article');

  // Each dialog of the top bar: focus moves in, Shift+Tab from the first control wraps to the last, Escape returns focus to its button.
  for (const [button, dialog] of [['Library', 'Library'], ['New article', 'New article'], ['Export', 'Export'], ['Settings', 'Settings']]) {
    await tabTo(page, 'nav.actions button', { text: button, back: button === 'Library' });
    await page.keyboard.press('Enter');
    const panel = page.getByRole('dialog', { name: dialog });
    await expect(panel).toBeVisible();
    expect(await page.evaluate(() => !!document.activeElement?.closest('[aria-modal=true]')), `focus in ${dialog}`).toBe(true);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[aria-modal=true]')), `focus kept in ${dialog}, not on ${await focused(page)}`).toBe(true);
    // Focus sent outside by anything else (here a script) comes straight back in.
    await page.evaluate(() => (document.querySelector('article#article') as HTMLElement).focus());
    expect(await page.evaluate(() => !!document.activeElement?.closest('[aria-modal=true]')), `focus pulled back into ${dialog}, not on ${await focused(page)}`).toBe(true);
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    expect(await focused(page)).toContain(button);
  }

  // The selection toolbar is not a trap: Tab walks through it and on out of it.
  await tabTo(page, 'article#article');
  await page.keyboard.press('Control+ArrowDown');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await expect(liveRegion(page)).toHaveText(/^“\S+” selected\. Selection ready: press 1, 2, 3 to tag it, or Tab to the toolbar$/);
  await page.keyboard.press('Control+Shift+ArrowRight');
  await expect(liveRegion(page)).toHaveText(/^“\S+” selected$/);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('[role=toolbar]'))).toBe(true);
  for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('[role=toolbar]'))).toBe(false);

  // Escape from inside the toolbar closes it and puts focus back on the article, not on the page.
  await page.keyboard.press('Escape');
  await tabTo(page, 'article#article', { back: true });
  await page.keyboard.press('Control+ArrowDown');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByRole('toolbar', { name: 'Annotate selection' })).toBeVisible();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('[role=toolbar]'))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('toolbar', { name: 'Annotate selection' })).toBeHidden();
  expect(await focused(page)).toContain('article#article');
});

for (const [label, viewport] of [['desktop', { width: 1280, height: 860 }], ['200% zoom', { width: 640, height: 430 }]] as const) {
  test(`every Tab stop shows a focus ring and is not hidden under the top bar (${label})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openApp(page);
    await page.locator('#article').focus();
    await page.keyboard.press('Control+ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('1');
    await expect(liveRegion(page)).toHaveText('Tagged as Claim');
    // Start from the top of a fresh page, with the annotation listed.
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('marginalia:highlights-painted').length > 0);
    const seen: string[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const e = document.activeElement as HTMLElement;
        if (!e || e === document.body) return null;
        const r = e.getBoundingClientRect();
        const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
        const y = Math.min(Math.max(r.top + Math.min(r.height, 40) / 2, 0), innerHeight - 1);
        const top = document.elementFromPoint(x, y);
        return {
          id: `${e.tagName.toLowerCase()}.${String(e.className).split(' ')[0]} ${e.getAttribute('aria-label') ?? e.textContent?.trim().slice(0, 30)}`,
          ring: e.matches(':focus-visible') && getComputedStyle(e).outlineStyle !== 'none' && parseFloat(getComputedStyle(e).outlineWidth) >= 2,
          onScreen: r.bottom > 0 && r.top < innerHeight,
          uncovered: !!top && (e === top || e.contains(top) || top.contains(e)),
        };
      });
      if (!stop) break;
      if (seen.includes(stop.id)) break;
      seen.push(stop.id);
      expect(stop.ring, `focus ring on ${stop.id}`).toBe(true);
      expect(stop.onScreen, `${stop.id} scrolled into view`).toBe(true);
      expect(stop.uncovered, `${stop.id} not covered`).toBe(true);
    }
    // The skip link, the bar's buttons, the article, the filters, the search and the list entry were all reached.
    expect(seen.length).toBeGreaterThan(12);
    expect(seen.some((s) => s.startsWith('article.'))).toBe(true);
    expect(seen.some((s) => s.startsWith('button.entry-button'))).toBe(true);
  });
}

test('Tab and Shift+Tab never leave a dialog, even when it scrolls at 200% zoom', async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 430 });
  await openApp(page);
  for (const name of ['Library', 'New article', 'Export', 'Settings']) {
    await page.locator('nav.actions').getByRole('button', { name }).press('Enter');
    const panel = page.getByRole('dialog', { name });
    await expect(panel).toBeVisible();
    for (const key of ['Tab', 'Shift+Tab']) {
      for (let i = 0; i < 25; i++) {
        await page.keyboard.press(key);
        expect(await page.evaluate(() => !!document.activeElement?.closest('[aria-modal=true]')), `${key} ${i + 1} kept focus in ${name}, not on ${await focused(page)}`).toBe(true);
      }
    }
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
  }
});
