// Phones (the "phone" project: 390x844, touch, mobile): the student's whole flow with a finger, the compact top bar and its menu, the Annotations drawer, tap targets, dialogs that fit, axe, and screenshots to look at.
import { test, expect, type Page, type CDPSession, type Locator } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openApp, textBox, fingerScroll, highlightTexts } from './helpers';

const PHRASE = 'rejected an offer';
const SHOTS = 'test-results/phone';

/** A finger on the screen through the DevTools protocol: Chromium turns it into touch and pointer events, as on a phone. */
async function finger(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page);
}

/** Selects `count` characters from the start of `text` in the article, as a long press or a dragged handle does (the browser moves the selection; the page gets no pointerup). */
async function selectInArticle(page: Page, text: string, count: number) {
  await page.evaluate(([needle, n]) => {
    for (const el of document.querySelectorAll('[data-block]')) {
      const node = el.firstChild as Text;
      const at = node.data.indexOf(needle as string);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + (n as number));
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return;
    }
    throw new Error(`not in the article: ${needle}`);
  }, [text, count] as const);
}

/**
 * Taps the middle of what `locator` finds with a finger, where it is now. Playwright's own tap first
 * scrolls the element into view, which for a control of the sticky bar (inside the page's scroll
 * padding) scrolls the page to its top, and hides what the app does with the reading position.
 */
async function tapInPlace(page: Page, locator: Locator) {
  const box = (await locator.boundingBox())!;
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

/** Runs axe (WCAG 2.0-2.2, A and AA) on the page as it is now. */
async function expectNoViolations(page: Page, view: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const found = results.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n')}`);
  expect(found, `axe violations in the ${view}`).toEqual([]);
}

/** Every control a finger can reach now (visible, not covered by a modal) at least 44 by 44 CSS pixels; links inside text are exempt. */
async function expectTapTargets(page: Page, view: string) {
  const small = await page.evaluate(() => {
    const modal = document.querySelector('[aria-modal=true]');
    return [...document.querySelectorAll('button, select, summary, input:not([type=hidden]), textarea, [tabindex="0"]')]
      .filter((e) => !e.closest('.visually-hidden') && !e.classList.contains('visually-hidden'))
      .filter((e) => !modal || modal.contains(e))
      .filter((e) => (e as HTMLElement).offsetParent !== null || getComputedStyle(e).position === 'fixed')
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0)
      .filter(({ e, r }) => {
        // Checkboxes and radios count with their label, as a tap on the label toggles them.
        const target = (e as HTMLInputElement).type === 'checkbox' || (e as HTMLInputElement).type === 'radio' ? e.closest('label')?.getBoundingClientRect() ?? r : r;
        return target.height < 43.5 || target.width < 43.5;
      })
      .map(({ e, r }) => `${e.tagName.toLowerCase()}.${e.className} "${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`);
  });
  expect(small, `tap targets under 44 px in the ${view}`).toEqual([]);
}

/** The element is inside the viewport, whole (it fits the screen without sideways scrolling). */
async function expectOnScreen(page: Page, selector: string) {
  const fits = await page.locator(selector).last().evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: innerWidth, height: innerHeight };
  });
  expect(fits.left, `${selector} left edge`).toBeGreaterThanOrEqual(0);
  expect(fits.right, `${selector} right edge`).toBeLessThanOrEqual(fits.width);
  expect(fits.top, `${selector} top edge`).toBeGreaterThanOrEqual(0);
  expect(fits.bottom, `${selector} bottom edge`).toBeLessThanOrEqual(fits.height);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth), `sideways scroll with ${selector}`).toBeLessThanOrEqual(0);
}

const bar = (page: Page) => page.getByRole('banner');
const menuButton = (page: Page) => bar(page).getByRole('button', { name: 'Menu' });
const menu = (page: Page) => page.getByRole('navigation', { name: 'Actions' });
const drawer = (page: Page) => page.locator('#side-column');
const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });
const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Annotate selection' });

test('a student on a phone: finger scroll, long press, handles, tag, drawer, undo, redo from the menu, export', async ({ page }) => {
  await openApp(page);
  await fingerScroll(page, 700, 300);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  // The bar stays at the top after the scroll, in one row.
  const barBox = await bar(page).boundingBox();
  expect(barBox!.y).toBe(0);
  expect(barBox!.height).toBeLessThan(64);

  // A long press on "rejected": the finger stays down while the browser selects the word; no toolbar yet.
  const box = await textBox(page, PHRASE);
  const cdp = await finger(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: box.x1 + 4, y: box.y1 }] });
  await selectInArticle(page, PHRASE, 'rejected'.length);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await expect(toolbar(page)).toHaveCount(0);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await expect(toolbar(page)).toBeVisible();
  expect(await highlightTexts(page, 'mg-pending')).toEqual(['rejected']);

  // Dragging the end handle (the browser moves the selection, the page gets no pointer events): the
  // toolbar follows the settled selection.
  for (const n of [10, 14, PHRASE.length]) await selectInArticle(page, PHRASE, n);
  await expect.poll(() => highlightTexts(page, 'mg-pending')).toEqual([PHRASE]);
  // On a touch screen the toolbar is a bottom sheet that leaves the selection and the room of its handles clear.
  const clear = await page.evaluate(() => {
    const selection = getSelection()!.getRangeAt(0).getBoundingClientRect();
    const sheet = document.querySelector('.selection-toolbar')!.getBoundingClientRect();
    return { selectionBottom: selection.bottom, selectionTop: selection.top, sheetTop: sheet.top, sheetBottom: sheet.bottom, height: innerHeight };
  });
  expect(clear.sheetBottom).toBeCloseTo(clear.height, 0);
  expect(clear.selectionBottom + 30).toBeLessThanOrEqual(clear.sheetTop);
  expect(clear.selectionTop).toBeGreaterThan(barBox!.height);
  // The tags' descriptions are a tap away (no tooltips on a touch screen).
  await toolbar(page).getByText('What the tags mean').tap();
  await expect(toolbar(page).getByRole('definition').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/390-toolbar.png` });
  await toolbar(page).getByRole('button', { name: 'Claim' }).tap();
  await expect(toolbar(page)).toHaveCount(0);

  // The Annotations drawer, one tap away from where the student is reading.
  await fingerScroll(page, 600, 400);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
  const scrolled = await page.evaluate(() => window.scrollY);
  await tapInPlace(page, bar(page).getByRole('button', { name: 'Annotations' }));
  await expect(drawer(page)).toHaveClass(/open/);
  await expect(sidebar(page).getByRole('listitem')).toHaveCount(1);
  await expect(sidebar(page).getByRole('listitem')).toContainText(PHRASE);
  await expectOnScreen(page, '#side-column');
  await expect(page.getByRole('button', { name: 'Close annotations' })).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/390-drawer.png` });
  await tapInPlace(page, page.getByRole('button', { name: 'Close annotations' }));
  await expect(drawer(page)).not.toHaveClass(/open/);
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
  await expect(bar(page).getByRole('button', { name: 'Annotations' })).toBeFocused();

  // A tap on a listed annotation closes the drawer and opens it in the editor; closing the editor
  // leaves the student at the passage, not at the list under the article.
  await tapInPlace(page, bar(page).getByRole('button', { name: 'Annotations' }));
  await sidebar(page).locator('.entry-button').first().tap();
  await expect(drawer(page)).not.toHaveClass(/open/);
  const editor = page.getByRole('dialog', { name: 'Edit annotation' });
  await expect(editor).toBeVisible();
  await editor.getByRole('button', { name: 'Close' }).tap();
  await expect(editor).toBeHidden();
  await expect(page.locator('#article')).toBeFocused();
  await expect(page.locator('[data-block]', { hasText: PHRASE })).toBeInViewport();

  // Undo is on the bar; Redo is in the menu.
  await bar(page).getByRole('button', { name: 'Undo' }).tap();
  await expect.poll(() => highlightTexts(page, 'mg-tag-0')).toEqual([]);
  await menuButton(page).tap();
  await expect(menuButton(page)).toHaveAttribute('aria-expanded', 'true');
  await menu(page).getByRole('button', { name: 'Redo' }).tap();
  await expect(menu(page)).toBeHidden();
  await expect.poll(() => highlightTexts(page, 'mg-tag-0')).toEqual([PHRASE]);

  // Export from the bar: the pack holds the passage.
  await bar(page).getByRole('button', { name: 'Export' }).tap();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expectOnScreen(page, '[role=dialog][aria-modal=true]');
  await dialog.getByRole('textbox', { name: /^Your name/ }).fill('Sam');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: /^Annotation pack/ }).tap(),
  ]);
  const pack = JSON.parse(Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8'));
  expect(pack.annotations.map((a: any) => a.target.exact)).toEqual([PHRASE]);
});

test('a press whose pointer capture is lost (no pointerup, no pointercancel) still ends', async ({ page }) => {
  await openApp(page);
  await textBox(page, PHRASE);
  const cdp = await finger(page);
  const box = await textBox(page, PHRASE);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: box.x1 + 4, y: box.y1 }] });
  await selectInArticle(page, PHRASE, PHRASE.length);
  // What the browser sends when a captured pointer's element goes away: only lostpointercapture;
  // the finger's own end is then taken over (here, by not sending it at all).
  await page.evaluate(() => document.dispatchEvent(new PointerEvent('lostpointercapture', { pointerType: 'touch', bubbles: true })));
  await expect(toolbar(page)).toBeVisible();
  expect(await highlightTexts(page, 'mg-pending')).toEqual([PHRASE]);
});

test('the menu: a disclosure of the other actions that Escape and a tap outside close', async ({ page }) => {
  await openApp(page);
  await expect(menu(page)).toBeHidden();
  await menuButton(page).tap();
  await expect(menu(page)).toBeVisible();
  for (const name of ['Library', 'New article', 'Open file', 'Redo', 'Import', 'Class', 'Settings', 'Help']) {
    await expect(menu(page).getByRole('button', { name, exact: true })).toBeVisible();
  }
  await expectOnScreen(page, '#actions');
  await page.keyboard.press('Escape');
  await expect(menu(page)).toBeHidden();
  await expect(menuButton(page)).toBeFocused();
  await menuButton(page).tap();
  await page.touchscreen.tap(40, 700);
  await expect(menu(page)).toBeHidden();
  // A dialog opened from the menu gives focus back to the menu button when it closes.
  await menuButton(page).tap();
  await menu(page).getByRole('button', { name: 'Help' }).tap();
  await expect(page.getByRole('dialog', { name: 'How to annotate' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menuButton(page)).toBeFocused();
});

for (const [label, viewport] of [['390x844', { width: 390, height: 844 }], ['320x640', { width: 320, height: 640 }]] as const) {
  test.describe(`at ${label}`, () => {
    test.use({ viewport });

    test(`axe, tap targets and fit at ${label}: reading, menu, drawer, toolbar, editor and every dialog`, async ({ page }) => {
      test.setTimeout(90_000);
      const shot = (name: string) => page.screenshot({ path: `${SHOTS}/${label}-${name}.png` });
      await openApp(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
      await expectNoViolations(page, 'reading view');
      await expectTapTargets(page, 'reading view');
      await shot('reading');

      await selectInArticle(page, PHRASE, PHRASE.length);
      await expect(toolbar(page)).toBeVisible();
      await expectOnScreen(page, '.selection-toolbar');
      await expectNoViolations(page, 'selection toolbar');
      await expectTapTargets(page, 'selection toolbar');
      await shot('toolbar');
      await toolbar(page).getByRole('button', { name: 'Quote' }).tap();

      await menuButton(page).tap();
      await expect(menu(page)).toBeVisible();
      await expectNoViolations(page, 'open menu');
      await expectTapTargets(page, 'open menu');
      await shot('menu');
      await menuButton(page).tap();

      await bar(page).getByRole('button', { name: 'Annotations' }).tap();
      await expect(drawer(page)).toHaveClass(/open/);
      await expectNoViolations(page, 'Annotations drawer');
      await expectTapTargets(page, 'Annotations drawer');
      await sidebar(page).locator('.entry-button').first().tap();
      const editor = page.getByRole('dialog', { name: 'Edit annotation' });
      await expect(editor).toBeVisible();
      await expectOnScreen(page, '.annotation-editor');
      await expectNoViolations(page, 'annotation editor');
      await expectTapTargets(page, 'annotation editor');
      await shot('editor');
      await editor.getByRole('button', { name: 'Close' }).tap();

      for (const [button, dialog] of [['Library', 'Library'], ['New article', 'New article'], ['Export', 'Export'], ['Settings', 'Settings'], ['Help', 'How to annotate']]) {
        // Export is on the bar itself; the rest are in the menu.
        if (button === 'Export') {
          await bar(page).getByRole('button', { name: 'Export' }).tap();
        } else {
          await menuButton(page).tap();
          await menu(page).getByRole('button', { name: button, exact: true }).tap();
        }
        await expect(page.getByRole('dialog', { name: dialog })).toBeVisible();
        await expectOnScreen(page, '[role=dialog][aria-modal=true]');
        await expectNoViolations(page, `${dialog} dialog`);
        await expectTapTargets(page, `${dialog} dialog`);
        await shot(button.toLowerCase().replace(' ', '-'));
        await page.keyboard.press('Escape');
        await expect(page.getByRole('dialog', { name: dialog })).toBeHidden();
      }
    });
  });
}

test.describe('desktop', () => {
  test.use({ viewport: { width: 1280, height: 860 }, hasTouch: false, isMobile: false });

  test('the desktop keeps its full bar, the sidebar beside the article and a toolbar under the selection', async ({ page }) => {
    await openApp(page);
    await expect(page.locator('.quick-actions')).toBeHidden();
    await expect(menu(page).getByRole('button', { name: 'Undo' })).toBeVisible();
    await expect(sidebar(page)).toBeInViewport();
    await selectInArticle(page, PHRASE, PHRASE.length);
    await expect(toolbar(page)).toBeVisible();
    const [selection, panel] = await page.evaluate(() => [getSelection()!.getRangeAt(0).getBoundingClientRect().bottom, document.querySelector('.selection-toolbar')!.getBoundingClientRect().top]);
    expect(panel).toBeGreaterThan(selection);
    await page.screenshot({ path: `${SHOTS}/1280-toolbar.png` });
  });
});

test('the class view on a phone: a tap on a mark shows how many students tagged it; axe finds nothing', async ({ page }) => {
  await openApp(page);
  for (const n of ['The White House did not'.length, 'The White House did not immediately respond'.length]) {
    await selectInArticle(page, 'The White House did not immediately respond', n);
    await expect(toolbar(page)).toBeVisible();
    await toolbar(page).getByRole('button', { name: 'Claim' }).tap();
    await expect(toolbar(page)).toHaveCount(0);
  }
  await bar(page).getByRole('button', { name: 'Export' }).tap();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('textbox', { name: /^Your name/ }).fill('Sam');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: /^Annotation pack/ }).tap()]);
  const base = JSON.parse(Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8'));
  await page.keyboard.press('Escape');
  const pack = (author: string, index: number) => JSON.stringify({
    ...base, exported: { ...base.exported, by: author },
    annotations: [{ ...base.annotations[index], author, id: `00000000-0000-4000-8000-${author.charCodeAt(0).toString(16)}0000000000` }],
  });
  await menuButton(page).tap();
  await menu(page).getByRole('button', { name: 'Class', exact: true }).tap();
  const classView = page.getByRole('dialog', { name: 'Class view' });
  await classView.locator('input[type=file]').setInputFiles(['Ana', 'Ben'].map((name, i) =>
    ({ name: `${name}.marginalia.json`, mimeType: 'application/json', buffer: Buffer.from(pack(name, i)) })));
  const both = classView.locator('mark[title^="2 of 2 students"]');
  await expect(both).toHaveCount(1);
  // No tooltip on a touch screen: the tap shows the count beside the mark.
  const shown = () => both.evaluate((e) => getComputedStyle(e, '::after').content);
  expect(await shown()).toBe('none');
  await both.tap();
  await expect.poll(shown).toBe('"2 of 2 students: Claim (Ana, Ben)"');
  await page.screenshot({ path: `${SHOTS}/390x844-class-view.png` });
  await expectNoViolations(page, 'class view');
});

test('key mode on a phone: the bar stays on screen with Done in reach, over a scrolled article; axe finds nothing', async ({ page }) => {
  await openApp(page);
  await selectInArticle(page, 'The White House did not immediately respond', 'The White House did not immediately respond'.length);
  await expect(toolbar(page)).toBeVisible();
  await toolbar(page).getByRole('button', { name: 'Claim' }).tap();
  await expect(toolbar(page)).toHaveCount(0);
  await menuButton(page).tap();
  await menu(page).getByRole('button', { name: 'Class', exact: true }).tap();
  const classView = page.getByRole('dialog', { name: 'Class view' });
  await classView.getByRole('button', { name: 'Use my 1 annotation on this article as the key' }).tap();
  await classView.getByRole('button', { name: 'Edit the key on the article' }).tap();
  const keyBar = page.getByRole('region', { name: /^Editing the answer key/ });
  await expect(keyBar).toContainText('Editing the answer key — 1 passage');
  // A key passage added with a finger; the bottom sheet covers the bar only while it is open.
  await selectInArticle(page, 'rejected an offer', 'rejected an offer'.length);
  await toolbar(page).getByRole('button', { name: 'Quote' }).tap();
  await expect(keyBar).toContainText('2 passages');
  await fingerScroll(page, 700, 200);
  await expectOnScreen(page, '.key-mode-bar');
  await expectOnScreen(page, '.key-mode-bar button');
  await expect(bar(page).getByRole('button', { name: 'Export' })).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/390x844-key-mode.png` });
  await expectNoViolations(page, 'key mode');
  await tapInPlace(page, keyBar.getByRole('button', { name: 'Done — back to the class' }));
  await expect(classView).toContainText('The key has 2 passages.');
  await expect(keyBar).toHaveCount(0);
});
