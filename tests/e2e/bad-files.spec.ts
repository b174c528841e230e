// Oversized and malformed files, for every importer and loader: a clear message each, no hang, no crash, and nothing changed.
import { test, expect, type Page } from '@playwright/test';
import { openApp, dragSelect } from './helpers';

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });
const entries = (page: Page) => sidebar(page).getByRole('listitem');
const report = (page: Page) => page.getByRole('dialog', { name: 'Import report' });
const stored = (page: Page) => page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

test('import: every bad file is rejected with its reason, and nothing changes', async ({ page }) => {
  test.setTimeout(60_000);
  await openApp(page);
  await dragSelect(page, 'The White House did not immediately respond');
  await page.keyboard.press('1');
  const before = await stored(page);
  const files: [string, Buffer, RegExp][] = [
    ['huge.marginalia.json', Buffer.alloc(20 * 1024 * 1024 + 1, 0x20), /20 MB/],
    ['empty.json', Buffer.alloc(0), /empty|not JSON|EOF|end of/i],
    ['truncated.marginalia.json', Buffer.from('{"format":"marginalia-pack","schemaVersion":1,"annotations":[{"id":'), /line 1|column|end of/i],
    ['deep.json', Buffer.from(deep(10_000)), /nest|deep/i],
    ['picture.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /UTF-8|not JSON|binary/i],
    ['newer.marginalia.json', Buffer.from('{"format":"marginalia-pack","schemaVersion":99,"annotations":[]}'), /newer|version/i],
    ['other.json', Buffer.from('{"hello": "world"}'), /not a file Marginalia can import/],
  ];
  // In another tool's file a bad annotation rejects only itself: listed with where and why.
  const leftOut: [string, Buffer, RegExp][] = [
    ['w3c-bad.json', Buffer.from(JSON.stringify([{ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', body: 7, target: { selector: { type: 'TextQuoteSelector', exact: 12 } } }])), /\[0\]\.target\.selector\.exact/],
    ['hypothesis-bad.json', Buffer.from(JSON.stringify({ export_userid: 'acct:x@hypothes.is', annotations: [{ id: 1, text: [], target: 'x' }] })), /annotations\[0\]/],
  ];
  await page.locator('input[type=file][multiple]').setInputFiles([...files, ...leftOut].map(([name, buffer]) => ({ name, mimeType: 'application/json', buffer })));
  await expect(report(page)).toBeVisible({ timeout: 20_000 });
  for (const [name, , reason] of files) {
    const item = report(page).getByRole('listitem').filter({ hasText: name });
    await expect(item).toContainText('Rejected, nothing imported');
    await expect(item).toContainText(reason);
  }
  for (const [name, , reason] of leftOut) {
    const item = report(page).getByRole('listitem').filter({ hasText: name });
    await expect(item).not.toContainText('Rejected');
    await expect(item).toContainText(reason);
  }
  await expect(report(page)).toContainText('Nothing new to import.');
  await report(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(entries(page)).toHaveCount(1);
  expect(await stored(page)).toBe(before);
});

test('open: bad and hostile article files get a clear message, no hang, and the open article stays', async ({ page }) => {
  test.setTimeout(60_000);
  await openApp(page);
  const title = page.locator('article h1');
  const before = await title.textContent();
  const notice = page.locator('.notice');
  const input = page.locator('input[type=file]:not([multiple])');
  for (const [name, buffer, message] of [
    ['huge.html', Buffer.alloc(10 * 1024 * 1024 + 1, 'a'), 'up to 10 MB'],
    ['huge.md', Buffer.alloc(10 * 1024 * 1024 + 1, '#'), 'up to 10 MB'],
    ['binary.md', Buffer.from([0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0]), 'binary file'],
    ['empty.html', Buffer.alloc(0), 'The file is empty.'],
    ['blank.md', Buffer.from('   \n\n\t\n'), 'The file is empty.'],
  ] as [string, Buffer, string][]) {
    await input.setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
    await expect(notice).toContainText(message);
    await expect(title).toHaveText(before!);
  }
  // Pathological but valid: deep nesting in Markdown and HTML opens, without hanging.
  await input.setInputFiles({ name: 'nested.md', mimeType: 'text/markdown', buffer: Buffer.from(`# Nested quotes\n\n${'> '.repeat(5_000)}deep text\n\n${'['.repeat(50_000)}\n`) });
  await expect(title).toHaveText('Nested quotes', { timeout: 20_000 });
  const page200 = `<title>Nested page</title><article><h1>Nested page</h1>${'<div>'.repeat(200)}<p>${'Deep words here. '.repeat(40)}</p></article>`;
  await input.setInputFiles({ name: 'nested.html', mimeType: 'text/html', buffer: Buffer.from(page200) });
  await expect(title).toHaveText('Nested page', { timeout: 20_000 });
  // Text nested deeper than the owned tree keeps (html_tree::MAX_DEPTH) is dropped, with a clear message.
  const page20k = `<title>Too deep</title><article><h1>Too deep</h1>${'<div>'.repeat(20_000)}<p>${'Deep words here. '.repeat(40)}</p></article>`;
  await input.setInputFiles({ name: 'too-deep.html', mimeType: 'text/html', buffer: Buffer.from(page20k) });
  await expect(notice).toContainText('No article', { timeout: 20_000 });
  await expect(title).toHaveText('Nested page');
});
