// What assistive technology gets: the accessibility tree of a highlighted passage, live announcements, forced colours, reduced motion, and reflow at 320 px and 200% zoom.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openApp, dragSelect } from './helpers';

const PASSAGE = 'The White House did not immediately respond';
const liveRegion = (page: Page) => page.locator('div.visually-hidden[role="status"][aria-live="polite"]');

/** Chromium's own accessibility tree (over the DevTools protocol): role, name and description of every node it exposes. */
async function axTree(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree') as { nodes: any[] };
  return nodes
    .filter((n) => !n.ignored)
    .map((n) => ({ role: n.role?.value, name: n.name?.value, description: n.description?.value ?? '' }));
}

test('a highlighted passage in the accessibility tree: its paragraph is described with tags, quote and note; no node per highlight', async ({ page }) => {
  await openApp(page);
  const paragraph = page.locator('[data-block]', { hasText: PASSAGE });
  const childNodes = await paragraph.evaluate((e) => e.childNodes.length);
  await dragSelect(page, PASSAGE);
  await page.getByRole('toolbar', { name: 'Annotate selection' }).getByRole('textbox', { name: 'Note' }).fill('No reply yet');
  await page.getByRole('toolbar', { name: 'Annotate selection' }).getByRole('button', { name: 'Claim' }).click();
  await expect(liveRegion(page)).toHaveText('Tagged as Claim');

  const description = `Highlighted: Claim: “${PASSAGE}”, note: No reply yet`;
  await expect(paragraph).toHaveAccessibleDescription(description);
  expect(await paragraph.evaluate((e) => e.childNodes.length)).toBe(childNodes);
  // In Chromium's tree, the paragraph (and nothing else) carries the highlight's description.
  const described = (await axTree(page)).filter((n) => String(n.description).startsWith('Highlighted:'));
  expect(described).toEqual([{ role: 'paragraph', name: '', description }]);
  await expect(page.locator('#article')).toMatchAriaSnapshot(`
    - article "Article":
      - heading "Trump tells Mexican president he wants US troops to fight drug cartels" [level=1]
      - paragraph: ${PASSAGE} to a request for comment on Sheinbaum's account.
  `);
  await expect(page.getByRole('complementary', { name: 'Annotations' })).toMatchAriaSnapshot(`
    - complementary "Annotations":
      - heading "Annotations" [level=2]
      - group "Filter by tag":
        - button "All 1" [pressed=true]
        - button "Claim 1"
        - button "Quote 0"
        - button "Policy shift 0"
      - searchbox "Search annotations"
      - list:
        - listitem:
          - button /Claim.*White House.*No reply yet/
  `);

  // A second annotation in the same paragraph joins the description; deleting the first leaves only the second.
  await dragSelect(page, "Sheinbaum's account");
  await page.keyboard.press('2');
  await expect(paragraph).toHaveAccessibleDescription(`${description}; Quote: “Sheinbaum's account”`);
  await page.keyboard.press('Control+z');
  await expect(liveRegion(page)).toContainText('Undone');
  await expect(paragraph).toHaveAccessibleDescription(description);

  // After a reload the paragraphs are described again (just after the first paint).
  await page.reload();
  await expect(paragraph).toHaveAccessibleDescription(description);
});

test('changes are announced politely: created, tags changed, deleted, undone, nothing to redo (imports: a11y.spec.ts)', async ({ page }) => {
  await openApp(page);
  await expect(liveRegion(page)).toHaveAttribute('aria-live', 'polite');
  await dragSelect(page, PASSAGE);
  await page.keyboard.press('1');
  await expect(liveRegion(page)).toHaveText('Tagged as Claim');
  await page.locator('.entry-button').first().click();
  const editor = page.getByRole('dialog', { name: 'Edit annotation' });
  await editor.getByRole('button', { name: 'Quote' }).click();
  await expect(liveRegion(page)).toHaveText(`Tags changed: “${PASSAGE}”`);
  await editor.getByRole('button', { name: 'Delete' }).click();
  await expect(liveRegion(page)).toHaveText(`Annotation deleted: “${PASSAGE}”`);
  await page.keyboard.press('Control+z');
  await expect(liveRegion(page)).toHaveText(`Undone: “${PASSAGE}”`);
  // The same message twice still changes the region, so it is read again.
  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+Shift+z');
  await expect(liveRegion(page)).toHaveText(/^Nothing to redo/);
  const first = await liveRegion(page).textContent();
  await page.keyboard.press('Control+Shift+z');
  expect(await liveRegion(page).textContent()).not.toBe(first);
});

test('forced colours (high contrast) and reduced motion: highlights and markers use system colours, nothing animates', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
  await openApp(page);
  await dragSelect(page, PASSAGE);
  await page.keyboard.press('1');
  // The tag stylesheet and the page's stylesheet both carry forced-colours rules for highlights.
  const rules = await page.evaluate(() => {
    const sheets = [...document.styleSheets, ...(document as any).adoptedStyleSheets];
    const texts: string[] = [];
    for (const sheet of sheets) for (const rule of sheet.cssRules) if (rule.cssText.includes('forced-colors')) texts.push(rule.cssText);
    return texts.join('\n');
  });
  expect(rules).toMatch(/::highlight\(mg-tag-0\)[^}]*background-color: mark/i);
  expect(rules).toMatch(/::highlight\(mg-tag-1\)[^}]*underline[^}]*dashed/i);
  expect(rules).toMatch(/::highlight\(mg-tag-2\)[^}]*underline[^}]*wavy/i);
  expect(rules).toMatch(/::highlight\(mg-active\)[^}]*highlight/i);
  expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
  // The current paragraph keeps a marker (an outline: box shadows are dropped in this mode).
  await page.locator('#article').focus();
  await page.keyboard.press('Control+ArrowDown');
  const marker = await page.locator('.current-block').evaluate((e) => getComputedStyle(e).outlineStyle);
  expect(marker).not.toBe('none');
  expect(await page.locator('.entry-button').first().evaluate((e) => getComputedStyle(e).transitionDuration)).toBe('0s');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('more contrast when the system asks: darker secondary text and borders, still no axe violations', async ({ page }) => {
  await openApp(page);
  const muted = () => page.locator('.byline').evaluate((e) => getComputedStyle(e).color);
  const normal = await muted();
  await page.emulateMedia({ contrast: 'more' });
  expect(await page.evaluate(() => matchMedia('(prefers-contrast: more)').matches)).toBe(true);
  const more = await muted();
  expect(more).not.toBe(normal);
  expect(more).toBe('rgb(47, 54, 62)');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

/** Nothing is wider than the viewport: no horizontal scrolling (WCAG 1.4.10 reflow). */
async function expectNoHorizontalScroll(page: Page, where: string) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, `horizontal scroll ${where}`).toBeLessThanOrEqual(widths.client);
}

/** The element lies inside the viewport's width. */
async function expectInsideWidth(page: Page, selector: string) {
  const box = await page.locator(selector).boundingBox();
  const width = page.viewportSize()!.width;
  expect(box, selector).not.toBeNull();
  expect(box!.x, selector).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, selector).toBeLessThanOrEqual(width + 0.5);
}

for (const [label, viewport, scale] of [
  ['320 CSS pixels wide', { width: 320, height: 640 }, 1],
  ['1280 x 860 at 200% zoom', { width: 640, height: 430 }, 2],
] as const) {
  test.describe(`reflow at ${label}`, () => {
    test.use({ viewport, deviceScaleFactor: scale });

    test(`usable at ${label}: no horizontal scroll; toolbar, editor, sidebar and dialogs fit`, async ({ page }) => {
      await openApp(page);
      await expectNoHorizontalScroll(page, 'reading');
      await dragSelect(page, 'did not immediately respond');
      await expectInsideWidth(page, '.selection-toolbar');
      await page.keyboard.press('1');
      const entry = page.locator('.entry-button').first();
      await entry.scrollIntoViewIfNeeded();
      await expectInsideWidth(page, '.sidebar');
      await entry.click();
      await expectInsideWidth(page, '.annotation-editor');
      await expectNoHorizontalScroll(page, 'with the editor open');
      await page.keyboard.press('Escape');
      for (const [button, dialog] of [['Settings', 'Settings'], ['Help', 'How to annotate'], ['Export', 'Export']]) {
        await page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: button, exact: true }).click();
        await expect(page.getByRole('dialog', { name: dialog })).toBeVisible();
        await expectInsideWidth(page, '[role=dialog][aria-modal=true]');
        await expectNoHorizontalScroll(page, `in ${dialog}`);
        await page.keyboard.press('Escape');
      }
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(results.violations.map((v) => v.id)).toEqual([]);
    });
  });
}

test('text spacing (WCAG 1.4.12): wider lines, letters, words and paragraphs lose no content at 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await openApp(page);
  // The WCAG test values, added through the CSSOM (the page's policy refuses <style> elements).
  await page.evaluate(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }');
    (document as any).adoptedStyleSheets = [...(document as any).adoptedStyleSheets, sheet];
  });
  await dragSelect(page, 'did not immediately respond');
  await expectInsideWidth(page, '.selection-toolbar');
  await page.keyboard.press('1');
  await expectNoHorizontalScroll(page, 'with text spacing');
  // No control clips its text: nothing is cut off inside a button, field or chip.
  const clipped = await page.evaluate(() => [...document.querySelectorAll('button, .tag-chip, .filter-chip, label')]
    .filter((e) => {
      const style = getComputedStyle(e);
      const hides = style.overflow !== 'visible' || style.overflowX !== 'visible';
      return hides && (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1);
    })
    .map((e) => e.textContent?.trim()));
  expect(clipped).toEqual([]);
});
