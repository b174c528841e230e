// A whole class: 25 generated student packs of the sample article load into the class view, which renders every student.
import { test, expect, type Page } from '@playwright/test';
import { openApp, dragSelect, exportAs } from './helpers';

const classView = (page: Page) => page.getByRole('dialog', { name: 'Class view' });

test('25 generated student files load and the class view renders them all', async ({ page }) => {
  test.setTimeout(60_000);
  await openApp(page);
  const passages = ['The White House did not immediately respond', 'sovereignty is inalienable',
    'nationalism has surged here', 'No administration in modern times', 'a report published Friday in the Wall Street Journal'];
  for (const [i, p] of passages.entries()) {
    await dragSelect(page, p);
    await page.keyboard.press(String((i % 3) + 1));
  }
  const base = JSON.parse((await exportAs(page, 'Annotation pack')).text);
  expect(base.annotations).toHaveLength(5);
  // Student s keeps passage j when (s + j) is not a multiple of 3: a fixed, varied pattern.
  const files = Array.from({ length: 25 }, (_, s) => {
    const name = `Student ${String(s + 1).padStart(2, '0')}`;
    const annotations = base.annotations
      .filter((_: any, j: number) => (s + j) % 3 !== 0)
      .map((a: any, j: number) => ({ ...a, author: name,
        id: `00000000-0000-4000-8000-${String(s + 1).padStart(6, '0')}${String(j).padStart(6, '0')}` }));
    return { name: `s${s + 1}.marginalia.json`, mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...base, exported: { ...base.exported, by: name }, annotations })) };
  });
  await page.getByRole('button', { name: 'Class', exact: true }).click();
  await classView(page).locator('input[type=file]').setInputFiles(files);
  await expect(classView(page).getByRole('heading', { name: 'Students (25 of 25 shown)' })).toBeVisible({ timeout: 20_000 });
  const table = classView(page).getByRole('table', { name: 'Students by tag' });
  await expect(table.getByRole('rowheader', { name: 'Student 25' })).toBeVisible();
  await expect(classView(page)).toContainText('students tagged this as');
  await expect(classView(page).locator('mark').first()).toBeVisible();
});
