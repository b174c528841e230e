// Rich paste: HTML copied from a web page and pasted with the keyboard (in the New article dialog or on the page) keeps its headings, lists, emphasis and safe links; plain text pastes as before; nothing of the HTML runs or loads.
import { test, expect, type Page } from '@playwright/test';
import { openApp } from './helpers';

const title = (page: Page) => page.locator('article h1');

/** What a browser puts on the clipboard when part of a news page is copied, with hostile extras. */
const COPIED_HTML = `<meta charset="utf-8"><h1 style="font-size:40px">Harbour plan divides the town</h1>
<p>By Ana Ruiz</p>
<p>The council met on <em>Monday</em> to debate the <strong>harbour plan</strong>, <a href="https://example.org/plan">published here</a>.</p>
<h2>What happens next</h2>
<ul><li>A consultation in May</li><li>A <a href="javascript:window.__pwned='link'">final vote</a> in June</li></ul>
<script>window.__pwned = 'script'</script>
<p>Opponents fear for the fishing fleet.<img src="https://tracker.example/pixel.gif" onerror="window.__pwned='img'"></p>`;
const COPIED_TEXT = 'Harbour plan divides the town\nBy Ana Ruiz\nThe council met on Monday to debate the harbour plan, published here.\nWhat happens next\nA consultation in May\nA final vote in June\nOpponents fear for the fishing fleet.';

/** Puts `items` (type → text) on the system clipboard, as copying from a page does. */
async function copy(page: Page, items: Record<string, string>) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(async (items) => {
    const blobs = Object.fromEntries(Object.entries(items).map(([type, text]) => [type, new Blob([text], { type })]));
    await navigator.clipboard.write([new ClipboardItem(blobs)]);
  }, items);
}

/** Requests to any host but the app's own, collected from now on. */
function outsideRequests(page: Page) {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1') && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) seen.push(r.url());
  });
  return seen;
}

async function expectRichArticle(page: Page) {
  await expect(title(page)).toHaveText('Harbour plan divides the town');
  await expect(page.locator('article .byline')).toContainText('Ana Ruiz');
  await expect(page.locator('article h2')).toHaveText('What happens next');
  await expect(page.locator('article li')).toHaveText(['A consultation in May', 'A final vote in June']);
  await expect(page.locator('article em')).toHaveText('Monday');
  await expect(page.locator('article strong')).toHaveText('harbour plan');
  await expect(page.locator('article a[href="https://example.org/plan"]')).toHaveText('published here');
  // The javascript: link keeps its text, never its target; the script, image and handler are gone.
  await expect(page.locator('article a', { hasText: 'final vote' })).toHaveCount(0);
  await expect(page.locator('article img, article script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
}

test('HTML pasted in the New article dialog keeps headings, lists, emphasis and safe links', async ({ page }) => {
  const outside = outsideRequests(page);
  await openApp(page);
  await copy(page, { 'text/html': COPIED_HTML, 'text/plain': COPIED_TEXT });
  await page.getByRole('button', { name: 'New article' }).click();
  const dialog = page.getByRole('dialog', { name: 'New article' });
  const text = dialog.getByRole('textbox', { name: 'Article text' });
  await text.focus();
  await page.keyboard.press('ControlOrMeta+V');
  // The text area shows the plain text, as any paste does.
  await expect(text).toHaveValue(COPIED_TEXT);
  await dialog.getByRole('button', { name: 'Add article' }).click();
  await expect(dialog).toBeHidden();
  await expectRichArticle(page);
  expect(outside).toEqual([]);
});

test('HTML pasted on the page outside any field becomes a new article', async ({ page }) => {
  const outside = outsideRequests(page);
  await openApp(page);
  await copy(page, { 'text/html': COPIED_HTML, 'text/plain': COPIED_TEXT });
  await page.locator('article').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ControlOrMeta+V');
  await expectRichArticle(page);
  expect(outside).toEqual([]);
});

test('plain text, or pasted HTML edited before adding, pastes as plain text', async ({ page }) => {
  await openApp(page);
  await copy(page, { 'text/plain': 'Bus lanes approved\n\nThe council voted 7 to 2 on Tuesday to add bus lanes on three avenues.' });
  await page.getByRole('button', { name: 'New article' }).click();
  let dialog = page.getByRole('dialog', { name: 'New article' });
  await dialog.getByRole('textbox', { name: 'Article text' }).focus();
  await page.keyboard.press('ControlOrMeta+V');
  await dialog.getByRole('button', { name: 'Add article' }).click();
  await expect(title(page)).toHaveText('Bus lanes approved');
  await expect(page.locator('article p[data-block]')).toHaveText(['The council voted 7 to 2 on Tuesday to add bus lanes on three avenues.']);

  // Edited after the paste: the user's text wins, so no list or heading comes from the HTML.
  await copy(page, { 'text/html': COPIED_HTML, 'text/plain': COPIED_TEXT });
  await page.getByRole('button', { name: 'New article' }).click();
  dialog = page.getByRole('dialog', { name: 'New article' });
  const text = dialog.getByRole('textbox', { name: 'Article text' });
  await text.focus();
  await page.keyboard.press('ControlOrMeta+V');
  await page.keyboard.type('\n\nMy own closing line.');
  await dialog.getByRole('button', { name: 'Add article' }).click();
  await expect(title(page)).toHaveText('Harbour plan divides the town');
  await expect(page.locator('article')).toContainText('My own closing line.');
  await expect(page.locator('article li, article h2')).toHaveCount(0);
});
