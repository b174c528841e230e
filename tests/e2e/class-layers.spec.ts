// The class on the article: the shown students' marks drawn on the article's paragraphs, coloured by tag or by student.
import { test, expect, type Page } from '@playwright/test';
import { openApp, dragSelect, exportAs, watchCsp } from './helpers';

const classView = (page: Page) => page.getByRole('dialog', { name: 'Class view' });

/** One student's pack made from `base`: the given annotations with fresh ids and the author set. */
function studentPack(base: any, author: string, annotations: any[]) {
  return JSON.stringify({
    ...base,
    exported: { ...base.exported, by: author },
    annotations: annotations.map((a, i) => ({
      ...a,
      id: `00000000-0000-4000-8000-${author.charCodeAt(0).toString(16)}${String(i).padStart(10, '0')}`,
      author,
    })),
  });
}

test('class on the article: overlapping marks, colour by student, hiding a layer', async ({ page }) => {
  const cspViolations = await watchCsp(page);
  await openApp(page);
  // Ana tags "The White House did not" as Claim, Ben "did not immediately respond" as Claim.
  await dragSelect(page, 'The White House did not');
  await page.keyboard.press('1');
  await dragSelect(page, 'did not immediately respond');
  await page.keyboard.press('1');
  const base = JSON.parse((await exportAs(page, 'Annotation pack')).text);
  const find = (exact: string) => base.annotations.find((a: any) => a.target.exact === exact);
  const ana = find('The White House did not');
  const ben = find('did not immediately respond');
  expect(ana && ben).toBeTruthy();

  await page.getByRole('button', { name: 'Class', exact: true }).click();
  await classView(page).locator('input[type=file]').setInputFiles([
    { name: 'ana.marginalia.json', mimeType: 'application/json', buffer: Buffer.from(studentPack(base, 'Ana', [ana])) },
    { name: 'ben.marginalia.json', mimeType: 'application/json', buffer: Buffer.from(studentPack(base, 'Ben', [ben])) },
  ]);
  await expect(classView(page).getByRole('heading', { name: 'Students (2 of 2 shown)' })).toBeVisible();

  const layers = classView(page).getByRole('region', { name: 'The class on the article' });
  await expect(layers.getByRole('heading', { name: 'The class on the article' })).toBeVisible();
  const marks = layers.locator('mark.layer-mark');
  const overlap = layers.locator('mark[title="2 of 2 students: Claim (Ana, Ben)"]');
  await expect(overlap).toHaveCount(1);
  await expect(overlap).toHaveText('did not');
  await expect(overlap).toHaveAttribute('aria-label', '2 of 2 students: Claim (Ana, Ben)');
  await expect(overlap).toHaveClass(/\bmany\b/);
  await expect(overlap).toHaveClass(/\bby-tag\b/);
  await expect(overlap).toHaveAttribute('data-tag', '0');
  await expect(layers.locator('mark[title="1 of 2 students: Claim (Ana)"]')).toHaveText('The White House ');
  await expect(layers.locator('mark[title="1 of 2 students: Claim (Ben)"]')).toHaveText(' immediately respond');
  await expect(marks).toHaveCount(3);
  // Marked text is plain text: the paragraph reads as the article does.
  await expect(layers.locator('p.layer-block', { has: page.locator('mark[title="2 of 2 students: Claim (Ana, Ben)"]') })).toContainText('The White House did not immediately respond');

  // Colour by student: classes per student and a legend.
  await layers.getByRole('radio', { name: 'Colour by student' }).check();
  await expect(layers.locator('mark[title="1 of 2 students: Claim (Ana)"]')).toHaveClass(/\bstudent-0\b/);
  await expect(layers.locator('mark[title="1 of 2 students: Claim (Ben)"]')).toHaveClass(/\bstudent-1\b/);
  await expect(overlap).toHaveClass(/\bby-student\b/);
  await expect(overlap).not.toHaveClass(/\bby-tag\b/);
  const legend = layers.getByRole('list', { name: 'Student colours' });
  await expect(legend.getByRole('listitem')).toHaveText(['Ana', 'Ben']);

  // Hiding Ben removes his marks: Ana's passage is one mark again, "1 of 1 student".
  await classView(page).getByRole('checkbox', { name: /^Ben/ }).uncheck();
  await expect(marks).toHaveCount(1);
  await expect(marks).toHaveAttribute('title', '1 of 1 student: Claim (Ana)');
  await expect(marks).toHaveText('The White House did not');
  await expect(layers.locator('mark[title*="Ben"]')).toHaveCount(0);
  await expect(legend.getByRole('listitem')).toHaveText(['Ana']);
  await layers.getByRole('radio', { name: 'Colour by tag' }).check();
  await expect(marks).toHaveClass(/\bby-tag\b/);
  expect(await cspViolations()).toEqual([]);
});
