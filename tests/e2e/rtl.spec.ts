// Right-to-left and mixed-direction articles (Arabic, Hebrew, with Latin words and numbers): rendered right to left, annotated by mouse and keyboard, offsets exact.
import { test, expect, type Page } from '@playwright/test';
import { openApp, dragSelect, textBox, highlightTexts, exportAs, settledPending } from './helpers';

const TITLE = 'مقالة تجريبية عن الميزانية';
const ARABIC = 'قال الوزير إن الحكومة ستخفض الضرائب بنسبة 15 في المئة في عام 2025 وفق تقرير Reuters.';
const HEBREW = 'ראש הממשלה אמר כי התקציב יגדל ב־3.5 אחוזים בשנת 2026, לפי דיווח של BBC News.';
const ENGLISH = 'An English paragraph stays left to right.';

async function addArticle(page: Page) {
  await page.getByRole('button', { name: 'New article' }).click();
  const dialog = page.getByRole('dialog', { name: 'New article' });
  await dialog.getByRole('textbox', { name: 'Article text' }).fill([TITLE, ARABIC, HEBREW, ENGLISH].join('\n\n'));
  await dialog.getByRole('button', { name: 'Add article' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await page.waitForFunction(() => performance.getEntriesByName('marginalia:highlights-painted').length > 1);
}

/** Every exported annotation's quote, checked against the article text at its code point offsets. */
function quotesAt(packText: string) {
  const pack = JSON.parse(packText);
  const chars = Array.from(pack.article.text as string);
  return pack.annotations.map((a: any) => {
    expect(chars.slice(a.target.start, a.target.end).join('')).toBe(a.target.exact);
    return a.target.exact as string;
  }).sort();
}

test('an Arabic and Hebrew article renders right to left and is annotated by mouse and keyboard with exact offsets', async ({ page }) => {
  await openApp(page);
  await addArticle(page);

  // Each block takes its direction from its own text; the page around it stays left to right.
  const direction = (text: string) => page.locator('[data-block]', { hasText: text }).evaluate((e) => getComputedStyle(e).direction);
  expect(await direction('قال الوزير')).toBe('rtl');
  expect(await direction('ראש הממשלה')).toBe('rtl');
  expect(await direction('An English paragraph')).toBe('ltr');
  expect(await page.locator('h1').evaluate((e) => getComputedStyle(e).direction)).toBe('rtl');
  expect(await page.locator('nav.actions').evaluate((e) => getComputedStyle(e).direction)).toBe('ltr');
  // Right to left: the paragraph's first word is at its right edge.
  const edges = await page.locator('[data-block]', { hasText: 'قال الوزير' }).evaluate((e) => {
    const node = e.firstChild as Text;
    const range = document.createRange();
    range.setStart(node, 0);
    range.setEnd(node, 1);
    return { first: range.getBoundingClientRect().right, right: e.getBoundingClientRect().right };
  });
  expect(Math.abs(edges.right - edges.first)).toBeLessThan(4);

  // Mouse: an Arabic phrase with a number inside it, and a Hebrew phrase with Latin letters.
  await dragSelect(page, 'ستخفض الضرائب بنسبة 15 في المئة');
  await page.keyboard.press('1');
  await expect.poll(() => highlightTexts(page, 'mg-tag-0')).toEqual(['ستخفض الضرائب بنسبة 15 في المئة']);
  // Ending a drag at the edge between the Latin run and the Hebrew text is ambiguous in any
  // browser (one point, two logical positions), so the drag ends inside "News" and snaps out to it.
  const box = await textBox(page, 'דיווח של BBC Ne');
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, box.y2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
  await expect(page.getByRole('toolbar', { name: 'Annotate selection' })).toBeVisible();
  await page.keyboard.press('3');
  await expect.poll(() => highlightTexts(page, 'mg-tag-2')).toEqual(['דיווח של BBC News']);

  // Keyboard: to the Hebrew paragraph, select three words forward (in reading order: the caret
  // goes the way the arrow points, so ← in right-to-left text), tag Quote.
  await page.locator('#article').focus();
  await page.keyboard.press('Control+ArrowDown');
  await page.keyboard.press('Control+ArrowDown');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Shift+ArrowLeft');
  const pending = await settledPending(page);
  expect(HEBREW.startsWith(pending)).toBe(true);
  expect(pending.split(' ').length).toBeGreaterThanOrEqual(2);
  await page.keyboard.press('2');
  await expect.poll(() => highlightTexts(page, 'mg-tag-1')).toEqual([pending]);

  // The sidebar lists the quotes right to left too, and the export's offsets point at exactly the quotes.
  const entry = page.locator('.entry-quote', { hasText: 'ستخفض' });
  expect(await entry.evaluate((e) => getComputedStyle(e).direction)).toBe('rtl');
  const pack = await exportAs(page, 'Annotation pack');
  expect(quotesAt(pack.text)).toEqual(['ستخفض الضرائب بنسبة 15 في المئة', 'דיווח של BBC News', pending].sort());

  // After a reload the highlights come back on the same text.
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('marginalia:highlights-painted').length > 0);
  await expect.poll(() => highlightTexts(page, 'mg-tag-0')).toEqual(['ستخفض الضرائب بنسبة 15 في المئة']);
  await expect.poll(() => highlightTexts(page, 'mg-tag-2')).toEqual(['דיווח של BBC News']);
});
