// Accessibility audits: axe-core (WCAG 2.0, 2.1 and 2.2, A and AA) finds nothing on every view of the app.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openApp, dragSelect, exportAs } from './helpers';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the page as it is now and fails with every violation, its rule, help and offending nodes. */
async function expectNoViolations(page: Page, view: string) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const found = results.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n')}`);
  expect(found, `axe violations in the ${view}`).toEqual([]);
}

async function importFiles(page: Page, files: { name: string; text: string }[]) {
  await page.locator('input[type=file][multiple]').setInputFiles(
    files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) })));
}

test('axe: reading view, selection toolbar, editor and sidebar with filters', async ({ page }) => {
  await openApp(page);
  await expectNoViolations(page, 'reading view');

  await dragSelect(page, 'The White House did not immediately respond');
  await expect(page.getByRole('toolbar', { name: 'Annotate selection' })).toBeVisible();
  await expectNoViolations(page, 'selection toolbar');
  await page.keyboard.press('1');

  await page.locator('.entry-button').first().click();
  await expect(page.getByRole('dialog', { name: 'Edit annotation' })).toBeVisible();
  await expectNoViolations(page, 'annotation editor');
  await page.keyboard.press('Escape');

  const sidebar = page.getByRole('complementary', { name: 'Annotations' });
  await sidebar.getByRole('group', { name: 'Filter by tag' }).getByRole('button', { name: /^Claim/ }).click();
  await sidebar.getByRole('searchbox', { name: 'Search annotations' }).fill('White');
  await expect(sidebar.getByText(/of \d+ shown/)).toBeVisible();
  await expectNoViolations(page, 'sidebar with filters');
});

test('axe: every dialog (library, new article, export, settings with the tag set editor, help)', async ({ page }) => {
  await openApp(page);
  const actions = page.getByRole('navigation', { name: 'Actions' });
  const views: [string, string][] = [
    ['Library', 'Library'], ['New article', 'New article'], ['Export', 'Export'], ['Settings', 'Settings'], ['Help', 'How to annotate'],
  ];
  for (const [button, dialog] of views) {
    await actions.getByRole('button', { name: button, exact: true }).click();
    await expect(page.getByRole('dialog', { name: dialog })).toBeVisible();
    await expectNoViolations(page, `${button} dialog`);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: dialog })).toBeHidden();
  }
});

test('axe: the import report; the import is announced', async ({ page }) => {
  await openApp(page);
  await dragSelect(page, 'The White House did not immediately respond');
  await page.keyboard.press('1');
  const pack = await exportAs(page, 'Annotation pack');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('marginalia:highlights-painted').length > 0);
  await importFiles(page, [{ name: pack.name, text: pack.text }, { name: 'broken.json', text: '{"nope": ' }]);
  await expect(page.getByRole('dialog', { name: /import/i })).toBeVisible();
  await expectNoViolations(page, 'import report');
  // Applying it is announced in the polite live region, with the count.
  await page.getByRole('dialog', { name: /import/i }).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.locator('div.visually-hidden[role="status"][aria-live="polite"]')).toHaveText('Imported 1 annotation; 0 not placed');
});

test('axe: the class view with two students', async ({ page }) => {
  await openApp(page);
  await dragSelect(page, 'The White House did not immediately respond');
  await page.keyboard.press('1');
  const pack = JSON.parse((await exportAs(page, 'Annotation pack')).text);
  const student = (author: string) => JSON.stringify({
    ...pack,
    exported: { ...pack.exported, by: author },
    annotations: pack.annotations.map((a: any, i: number) => ({
      ...a, author, id: `00000000-0000-4000-8000-${author.charCodeAt(0).toString(16)}${String(i).padStart(10, '0')}`,
    })),
  });
  await page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'Class' }).click();
  const classView = page.getByRole('dialog', { name: 'Class view' });
  await classView.locator('input[type=file]').setInputFiles(['Ana', 'Ben'].map((name) =>
    ({ name: `${name}.marginalia.json`, mimeType: 'application/json', buffer: Buffer.from(student(name)) })));
  await expect(classView.getByRole('table', { name: 'Students by tag' })).toBeVisible();
  await expectNoViolations(page, 'class view');
});

test('the tag editor warns when two tags could only be told apart by colour', async ({ page }) => {
  await openApp(page);
  await page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const warnings = settings.locator('.tag-warnings[role=status]');
  await expect(warnings).toHaveText('');
  await settings.getByRole('combobox', { name: 'Underline of tag 2' }).selectOption('solid');
  await expect(warnings).toHaveText('“Claim” and “Quote” have the same underline, so only their colour tells them apart: choose another line for one of them.');
  await expectNoViolations(page, 'tag editor with a warning');
  await settings.getByRole('combobox', { name: 'Underline of tag 2' }).selectOption('dashed');
  await expect(warnings).toHaveText('');
});

test('axe: the "Needs attention" lists (not placed, re-attaching) and the class view at 320 px', async ({ page }) => {
  await openApp(page);
  await dragSelect(page, 'The White House did not immediately respond');
  await page.keyboard.press('1');
  const pack = JSON.parse((await exportAs(page, 'Annotation pack')).text);
  const gone = { ...pack.annotations[0], id: '00000000-0000-4000-8000-0000000000bb', note: 'lost passage',
    target: { start: 5, end: 47, exact: 'This sentence is not in the article at all', prefix: '', suffix: '' } };
  await importFiles(page, [{ name: 'lost.marginalia.json', text: JSON.stringify({ ...pack, annotations: [gone] }) }]);
  await page.getByRole('dialog', { name: /import/i }).getByRole('button', { name: 'Import', exact: true }).click();
  const side = page.getByRole('region', { name: 'Needs attention' });
  await expect(side).toContainText('Not placed (1)');
  await expectNoViolations(page, 'Needs attention list');
  await side.getByRole('button', { name: 'Re-attach' }).click();
  await dragSelect(page, 'nationalism has surged here');
  await expect(page.getByRole('toolbar', { name: 'Annotate selection' }).getByRole('button', { name: /^Attach/ })).toBeVisible();
  await expectNoViolations(page, 'toolbar while re-attaching');

  await page.setViewportSize({ width: 320, height: 640 });
  await page.keyboard.press('Escape');
  await page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'Class' }).click();
  const classView = page.getByRole('dialog', { name: 'Class view' });
  await classView.locator('input[type=file]').setInputFiles(['Ana', 'Ben'].map((name, n) => ({
    name: `${name}.marginalia.json`, mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...pack, exported: { ...pack.exported, by: name }, annotations: pack.annotations.map((a: any) => ({ ...a, author: name, id: `00000000-0000-4000-8000-00000000000${n}` })) })),
  })));
  await expect(classView.getByRole('table', { name: 'Students by tag' })).toBeVisible();
  await expectNoViolations(page, 'class view at 320 px');
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
});
