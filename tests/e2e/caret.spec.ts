// The keyboard caret (issue #18): key presses alone tag a phrase in the middle of a paragraph; the caret moves by character, word and line, Home and End, Shift extends, a caret is drawn, and the screen reader hears each step (English and Spanish).
import { test, expect, type Page } from '@playwright/test';
import { openApp, settledPending, highlightTexts, exportAs, textBox } from './helpers';

const liveRegion = (page: Page) => page.locator('div.visually-hidden[role="status"][aria-live="polite"]');

/** Tabs from the top of the page to the article (keys only). */
async function tabToArticle(page: Page) {
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.id === 'article')) return;
  }
  throw new Error('Tab never reached the article');
}

/** The selection's focus in the paragraph holding `needle`: its UTF-16 offset in that paragraph's text. */
async function caretOffset(page: Page, needle: string) {
  return page.evaluate((n) => {
    const s = getSelection()!;
    const block = [...document.querySelectorAll('[data-block]')].find((e) => e.textContent!.includes(n))!;
    if (!block.contains(s.focusNode)) return -1;
    const range = document.createRange();
    range.setStart(block, 0);
    range.setEnd(s.focusNode!, s.focusOffset);
    return range.toString().length;
  }, needle);
}

/** The paragraph holding `needle` cut into its lines as laid out (measured here, character by character). */
async function linesOf(page: Page, needle: string): Promise<{ text: string; start: number; end: number }[]> {
  return page.evaluate((n) => {
    const block = [...document.querySelectorAll('[data-block]')].find((e) => e.textContent!.includes(n))!;
    const node = block.firstChild as Text;
    const range = document.createRange();
    const lines: { text: string; start: number; end: number }[] = [];
    let top = -Infinity;
    for (let i = 0; i < node.length; i++) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const r = range.getBoundingClientRect();
      const middle = (r.top + r.bottom) / 2;
      if (middle > top) {
        lines.push({ text: '', start: i, end: i });
        top = r.bottom;
      }
      const line = lines[lines.length - 1];
      line.end = i + 1;
      line.text += node.data[i];
    }
    return lines;
  }, needle);
}

test('keys alone tag "rejected an offer" in the middle of a paragraph, with a visible caret and every step read out', async ({ page }) => {
  await openApp(page);
  await tabToArticle(page);
  await page.keyboard.press('Control+ArrowDown'); // to the first paragraph: "MEXICO CITY — Mexico's leader said …"
  // Word by word to the end of "she", what the caret passes over (the dash too) read out.
  for (const word of ['MEXICO', 'CITY', "— Mexico's", 'leader', 'said', 'Saturday', 'that', 'she']) {
    await page.keyboard.press('Control+ArrowRight');
    await expect(liveRegion(page)).toHaveText(word);
  }
  await page.keyboard.press('ArrowRight');
  await expect(liveRegion(page)).toHaveText('r');
  await page.keyboard.press('ArrowLeft');
  await expect(liveRegion(page)).toHaveText('space');
  await page.keyboard.press('ArrowRight');
  expect(await caretOffset(page, 'rejected an offer')).toBe("MEXICO CITY — Mexico's leader said Saturday that she ".length);

  // The caret is drawn where the selection's focus is: just before the "r" of "rejected".
  const caret = page.locator('.text-caret');
  await expect(caret).toBeVisible();
  // The caret is redrawn on the selectionchange event, which the browser queues after the move:
  // wait for it to land rather than measuring the previous position.
  const caretToLetter = async () => {
    const [caretBox, letter] = await Promise.all([
      caret.boundingBox(),
      page.evaluate(() => {
        const block = [...document.querySelectorAll('[data-block]')].find((e) => e.textContent!.includes('rejected'))!;
        const node = block.firstChild as Text;
        const range = document.createRange();
        range.setStart(node, node.data.indexOf('rejected'));
        range.setEnd(node, node.data.indexOf('rejected') + 1);
        const r = range.getBoundingClientRect();
        return { x: r.left, y: r.top };
      }),
    ]);
    return Math.max(Math.abs(caretBox!.x + caretBox!.width / 2 - letter.x), Math.abs(caretBox!.y - letter.y));
  };
  await expect.poll(caretToLetter).toBeLessThan(3);

  // Three word steps with Shift select exactly the phrase; each says what it added.
  await page.keyboard.press('Control+Shift+ArrowRight');
  await expect(liveRegion(page)).toHaveText('“rejected” selected. Selection ready: press 1, 2, 3 to tag it, or Tab to the toolbar');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await expect(liveRegion(page)).toHaveText('“an” selected');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await expect(liveRegion(page)).toHaveText('“offer” selected');
  // One step too far and back: the step back says what it took away.
  await page.keyboard.press('Control+Shift+ArrowRight');
  await expect(liveRegion(page)).toHaveText('“by” selected');
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await expect(liveRegion(page)).toHaveText('“by” unselected');
  expect(await settledPending(page)).toBe('rejected an offer');

  await page.keyboard.press('1');
  await expect(liveRegion(page)).toHaveText('Tagged as Claim');
  await expect.poll(() => highlightTexts(page, 'mg-tag-0')).toEqual(['rejected an offer']);
  // Focus leaving the article takes the caret away.
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('article');
  await page.keyboard.press('Tab');
  await expect(caret).toBeHidden();

  // The annotation's quote and offsets are exact in the exported pack.
  const pack = JSON.parse((await exportAs(page, 'Annotation pack')).text);
  expect(pack.annotations).toHaveLength(1);
  const target = pack.annotations[0].target;
  expect(target.exact).toBe('rejected an offer');
  expect(Array.from(pack.article.text as string).slice(target.start, target.end).join('')).toBe('rejected an offer');
});

test('↑ ↓ move by line keeping the column, Home and End go to the line\'s edges, and Shift extends across lines', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 800 });
  await openApp(page);
  const needle = 'Speaking at a public event';
  const lines = await linesOf(page, needle);
  expect(lines.length, 'the paragraph wraps onto at least three lines').toBeGreaterThanOrEqual(3);
  const trimmedEnd = (line: { text: string; end: number }) => line.end - (line.text.endsWith(' ') ? 1 : 0);

  await page.locator('#article').focus();
  await page.keyboard.press('Control+ArrowDown');
  await page.keyboard.press('Control+ArrowDown');
  expect(await caretOffset(page, needle)).toBe(0);

  // End: after the first line's last word; Home: back to its start.
  await page.keyboard.press('End');
  expect(await caretOffset(page, needle)).toBe(trimmedEnd(lines[0]));
  await page.keyboard.press('Home');
  expect(await caretOffset(page, needle)).toBe(0);

  // ↓ reads the next line and lands on it; ↑ comes back to the same place.
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect(liveRegion(page)).toHaveText(lines[1].text.trim());
  const onSecond = await caretOffset(page, needle);
  expect(onSecond).toBeGreaterThanOrEqual(lines[1].start);
  expect(onSecond).toBeLessThan(lines[1].end);
  await page.keyboard.press('ArrowUp');
  expect(await caretOffset(page, needle)).toBe(4);

  // Shift+↓ twice selects into the third line, Shift+↑ comes back to the second: the same selection as one Shift+↓.
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+ArrowDown');
  const oneLine = await settledPending(page);
  expect(oneLine).toBe(lines[0].text.trim());
  await page.keyboard.press('Shift+ArrowDown');
  expect(await settledPending(page)).toBe((lines[0].text + lines[1].text).trim());
  expect(await caretOffset(page, needle)).toBe(lines[2].start);
  await page.keyboard.press('Shift+ArrowUp');
  await expect.poll(() => settledPending(page)).toBe(oneLine);

  // Shift+End takes the rest of the second line, Shift+Home leaves exactly the first line.
  await page.keyboard.press('Shift+End');
  const paragraph = lines.map((l) => l.text).join('');
  await expect.poll(() => settledPending(page)).toBe(paragraph.slice(0, trimmedEnd(lines[1])));
  await page.keyboard.press('Shift+Home');
  await expect.poll(() => settledPending(page)).toBe(lines[0].text.trim());

  // ↓ from the paragraph's last line goes on to the next paragraph; Escape drops the selection.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('toolbar', { name: 'Annotate selection' })).toBeHidden();
  for (let i = 0; i < lines.length; i++) await page.keyboard.press('ArrowDown');
  expect(await caretOffset(page, needle)).toBe(-1);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('article');
});

test('the help says how to use the caret, and a Spanish reader hears the selection in Spanish', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'es-MX' });
  const page = await context.newPage();
  await openApp(page);
  await page.locator('#article').focus();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Cómo anotar' });
  await expect(help.getByText('Mover el cursor una palabra (con el foco en el artículo)')).toBeVisible();
  await expect(help.getByText('Ctrl+← / Ctrl+→')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+ArrowDown');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await expect(liveRegion(page)).toHaveText('«MEXICO» seleccionado. Selección lista: pulsa 1, 2, 3 para etiquetarla, o Tab para ir a la barra');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await expect(liveRegion(page)).toHaveText('«MEXICO» deseleccionado');
  await context.close();
});

test('a click puts no caret on screen, but the keys go on from where it landed', async ({ page }) => {
  await openApp(page);
  const box = await textBox(page, 'rejected');
  await page.mouse.click(box.x1 - 1, box.y1);
  const caret = page.locator('.text-caret');
  await expect(caret).toBeHidden();
  await page.keyboard.press('Control+Shift+ArrowRight');
  await expect(caret).toBeVisible();
  expect(await settledPending(page)).toBe('rejected');
});

test('right to left: the caret goes the way the arrow points, and End is on the left', async ({ page }) => {
  const hebrew = 'ראש הממשלה אמר כי התקציב יגדל.';
  await openApp(page);
  await page.getByRole('button', { name: 'New article' }).click();
  const dialog = page.getByRole('dialog', { name: 'New article' });
  await dialog.getByRole('textbox', { name: 'Article text' }).fill(['כותרת', hebrew].join('\n\n'));
  await dialog.getByRole('button', { name: 'Add article' }).click();
  await expect(dialog).toBeHidden();
  await page.waitForFunction(() => performance.getEntriesByName('marginalia:highlights-painted').length > 1);
  await page.locator('#article').focus();
  await page.keyboard.press('Control+ArrowDown');
  await page.keyboard.press('ArrowLeft');
  expect(await caretOffset(page, hebrew)).toBe(1);
  await page.keyboard.press('ArrowRight');
  expect(await caretOffset(page, hebrew)).toBe(0);
  for (let i = 0; i < 2; i++) await page.keyboard.press('Control+Shift+ArrowLeft');
  expect(await settledPending(page)).toBe('ראש הממשלה');
  await page.keyboard.press('Escape');
  await page.keyboard.press('End');
  expect(await caretOffset(page, hebrew)).toBe(hebrew.length);
  // The end of a right-to-left line is its left edge: the caret is drawn there.
  // (It is redrawn on the selectionchange event the browser queues after the move: wait for it.)
  const caretToLeftEdge = async () => {
    const caret = await page.locator('.text-caret').boundingBox();
    const left = await page.locator('[data-block="1"]').evaluate((e) => {
      const range = document.createRange();
      range.selectNodeContents(e);
      return range.getBoundingClientRect().left;
    });
    return Math.abs(caret!.x + caret!.width / 2 - left);
  };
  await expect.poll(caretToLeftEdge).toBeLessThan(3);
});
