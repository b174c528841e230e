// Hostile sizes and shapes (issue 21): every pathological article or annotation file at 500 KB opens or is refused with a message, and after each the app still works without a reload (another article opens, a file imports, a passage is annotated).
import { test, expect, type Page } from '@playwright/test';
import { openApp, dragSelect } from './helpers';
import { PATHOLOGICAL } from '../../bench/lib/pathological.mjs';

const SIZE = 500 * 1024;
const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });
const entries = (page: Page) => sidebar(page).getByRole('listitem');
const report = (page: Page) => page.getByRole('dialog', { name: 'Import report' });
const openInput = (page: Page) => page.locator('input[type=file]:not([multiple])');
const importInput = (page: Page) => page.locator('input[type=file][multiple]');
const title = (page: Page) => page.locator('article h1');
const marks = (page: Page, name: string) => page.evaluate((n) => performance.getEntriesByName(n).length, name);

/** The page threw nothing (a stack overflow or a panic shows up here). */
function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

let imports = 0;

/** Opens a small new article, annotates a passage in it and imports a W3C file with one annotation of it. */
async function stillWorks(page: Page, round: string) {
  const heading = `After ${round}`;
  const paragraph = 'The council voted for the new park on Tuesday evening after a long debate.';
  await openInput(page).setInputFiles({ name: `after-${round}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`${heading}\n\n${paragraph}\n`) });
  await expect(title(page)).toHaveText(heading, { timeout: 20_000 });
  await expect(entries(page)).toHaveCount(0);
  await dragSelect(page, 'voted for the new park');
  await page.keyboard.press('1');
  await expect(entries(page)).toHaveCount(1);
  const text = `${heading}\n\n${paragraph}`;
  const exact = 'Tuesday evening';
  const start = text.indexOf(exact);
  const w3c = JSON.stringify([{
    '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', id: `urn:uuid:00000000-0000-4000-8000-${String(++imports).padStart(12, '0')}`,
    body: [{ type: 'TextualBody', purpose: 'tagging', value: 'Checked' }],
    target: { selector: [{ type: 'TextQuoteSelector', exact }, { type: 'TextPositionSelector', start, end: start + exact.length }] },
  }]);
  await importInput(page).setInputFiles({ name: `after-${round}.json`, mimeType: 'application/json', buffer: Buffer.from(w3c) });
  await report(page).getByRole('button', { name: 'Import' }).click();
  await expect(entries(page)).toHaveCount(2);
  await expect(sidebar(page)).toContainText('Tuesday evening');
}

test('pathological article files open or are refused, and the app keeps working after each', async ({ page }) => {
  // 500 KB of unclosed <div>s takes Chromium's own DOMParser about 30 s (quadratic in its stack of
  // open elements, before any of Marginalia's code runs): the waits allow for it; see bench/results/hostile.md.
  test.setTimeout(360_000);
  const errors = watchErrors(page);
  await openApp(page);
  for (const file of PATHOLOGICAL.filter((f) => f.kind === 'open')) {
    const rendered = await marks(page, 'marginalia:article-rendered');
    await openInput(page).setInputFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: Buffer.from(file.make(SIZE)) });
    if (file.outcome === 'opens') {
      await page.waitForFunction((n) => performance.getEntriesByName('marginalia:article-rendered').length > n, rendered, { timeout: 90_000 });
    } else {
      await expect(page.locator('.notice')).toContainText(`${file.name}`, { timeout: 90_000 });
    }
    await stillWorks(page, file.name);
    expect(errors, file.name).toEqual([]);
  }
});

test('pathological annotation files are refused naming the limit, or import, and the app keeps working after each', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await openApp(page);
  const reasons: Record<string, RegExp> = {
    'own-tag-each.w3c.json': /would make \d+ tags; a tag set can hold up to 200/,
    'many-tags-one-annotation.hypothesis.json': /more than 20 tags/,
    'deep-arrays.json': /nested more than 32 levels/,
  };
  for (const file of PATHOLOGICAL.filter((f) => f.kind === 'import')) {
    await importInput(page).setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.make(SIZE)) });
    const item = report(page).getByRole('listitem').filter({ hasText: file.name });
    await expect(item).toBeVisible({ timeout: 30_000 });
    if (file.outcome === 'rejected') {
      await expect(item).toContainText('Rejected, nothing imported');
      await expect(item).toContainText(reasons[file.name]);
      await report(page).getByRole('button', { name: 'Cancel' }).click();
    } else {
      await report(page).getByRole('button', { name: 'Import' }).click();
    }
    await expect(report(page)).toBeHidden();
    await stillWorks(page, file.name);
    expect(errors, file.name).toEqual([]);
  }

  // A starter pack whose locked tag set is empty would leave the student unable to tag: refused.
  await page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('checkbox', { name: 'Lock the tag set for students' }).setChecked(true);
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download starter pack' }).click()]);
  await expect(dialog).toBeHidden();
  const pack = JSON.parse(Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8'));
  pack.tags = [];
  pack.classroom = { lockTags: true, answerKey: [] };
  await importInput(page).setInputFiles({ name: 'locked-empty.starter.marginalia.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) });
  const item = report(page).getByRole('listitem').filter({ hasText: 'locked-empty' });
  await expect(item).toContainText('Rejected, nothing imported');
  await expect(item).toContainText('without a usable tag');
  await report(page).getByRole('button', { name: 'Cancel' }).click();
  await stillWorks(page, 'locked-empty');
  expect(errors).toEqual([]);
});
