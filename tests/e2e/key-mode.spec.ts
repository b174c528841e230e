// Key mode (issue 20): the teacher, with a student's file in the class view, edits the answer key on the article itself (a passage tagged with the mouse and the toolbar, one deleted, undone and redone), goes back to the class and the scores follow; a reload keeps the edited key and leaves her own annotations as they were.
import { test, expect, type Page } from '@playwright/test';
import { openApp, appReady, dragSelect, exportAs, textBox, highlightTexts, watchCsp } from './helpers';

const classView = (page: Page) => page.getByRole('dialog', { name: 'Class view' });
const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Annotate selection' });
// The panel is "Annotations", or "Answer key" while the key is edited on the article.
const sidebar = (page: Page) => page.getByRole('complementary', { name: /^(Annotations|Answer key)$/ });
const keyBar = (page: Page) => page.getByRole('region', { name: /^Editing the answer key/ });
const live = (page: Page) => page.locator('.app > [role=status][aria-live=polite]');

const HERS = ['sovereignty is inalienable', 'nationalism has surged here', 'The White House did not immediately respond'];
const NEW = 'Sheinbaum said she rebuffed his proposal';

/** Her annotations as stored: (quote, tags) of every `…/a/<id>` key, sorted. */
async function storedAnnotations(page: Page) {
  return page.evaluate(() => Object.keys(localStorage)
    .filter((k) => /^marginalia\/v1\/[^/]+\/a\//.test(k))
    .map((k) => { const a = JSON.parse(localStorage.getItem(k)!).annotation; return `${a.target.exact}|${a.tags.join(',')}`; })
    .sort());
}

/** The stored answer key's quotes, in stored order. */
async function storedKey(page: Page) {
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.endsWith('/classroom'));
    return key ? JSON.parse(localStorage.getItem(key)!).classroom.answerKey.map((a: any) => a.target.exact) : [];
  });
}

test('the teacher edits the key on the article: tag, delete, undo, redo, Done; the scores follow and a reload keeps it', async ({ page }) => {
  const cspViolations = await watchCsp(page);
  await openApp(page);
  for (const quote of HERS) {
    await dragSelect(page, quote);
    await page.keyboard.press('1');
  }
  // Ana's file: the first passage (in the key) and one the key does not have yet, described as
  // the app describes passages (its own export, the extra passage undone from hers at once).
  await dragSelect(page, NEW);
  await page.keyboard.press('1');
  const base = JSON.parse((await exportAs(page, 'Annotation pack', 'Teacher')).text);
  const ana = {
    ...base,
    exported: { ...base.exported, by: 'Ana' },
    annotations: [HERS[0], NEW].map((quote, i) =>
      ({ ...base.annotations.find((a: any) => a.target.exact === quote), id: `00000000-0000-4000-8000-0000000000a${i}`, author: 'Ana' })),
  };
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(sidebar(page).getByRole('listitem')).toHaveCount(3);
  const hersStored = await storedAnnotations(page);
  expect(hersStored).toHaveLength(3);

  await page.getByRole('button', { name: 'Class', exact: true }).click();
  await classView(page).getByRole('button', { name: 'Use my 3 annotations on this article as the key' }).click();
  await expect(classView(page)).toContainText('The key has 3 passages.');
  await classView(page).locator('input[type=file]').setInputFiles([{ name: 'ana.marginalia.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(ana)) }]);
  const scores = classView(page).getByRole('table', { name: 'Scores against the answer key' });
  const anaRow = scores.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Ana' }) });
  await expect(anaRow.getByRole('cell').first()).toHaveText('Found 1 of 3 key passages, 1 extra');

  // Into key mode: the class view is put away, the bar says what is edited, the key's passages are shown.
  await classView(page).getByRole('button', { name: 'Edit the key on the article' }).click();
  await expect(classView(page)).toBeHidden();
  await expect(keyBar(page)).toContainText('Editing the answer key — 3 passages');
  await expect(keyBar(page).getByRole('button', { name: 'Done — back to the class' })).toBeFocused();
  await expect(live(page)).toHaveText('Editing the answer key — 3 passages');
  await expect(page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'Export' })).toBeDisabled();
  await expect(page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'Import' })).toBeDisabled();
  await expect(page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'Export' })).toHaveAttribute('title', /Export and Import wait \(they are for your own annotations\)/);
  await expect(sidebar(page).getByRole('heading', { level: 2 })).toHaveText('Answer key');
  await expect(sidebar(page).getByRole('listitem')).toHaveCount(3);
  await expect.poll(async () => (await highlightTexts(page, 'mg-tag-0')).sort()).toEqual([...HERS].sort());

  // A new key passage, selected with the mouse and tagged from the toolbar.
  await dragSelect(page, NEW);
  await toolbar(page).getByRole('button', { name: /Claim/ }).click();
  await expect(keyBar(page)).toContainText('Editing the answer key — 4 passages');
  await expect(sidebar(page).getByRole('listitem')).toHaveCount(4);
  await expect.poll(() => storedKey(page)).toContain(NEW);

  // One deleted from the editor: a click on its highlight.
  const box = await textBox(page, 'did not immediately');
  await page.mouse.click(box.x1 + 5, box.y1);
  const editor = page.getByRole('dialog', { name: 'Edit annotation' });
  await editor.getByRole('button', { name: 'Delete' }).click();
  await expect(keyBar(page)).toContainText('Editing the answer key — 3 passages');
  await expect.poll(() => storedKey(page)).not.toContain(HERS[2]);
  // Undo and redo act on the key.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(keyBar(page)).toContainText('4 passages');
  await expect.poll(() => storedKey(page)).toContain(HERS[2]);
  await page.keyboard.press('Control+Shift+Z');
  await expect(keyBar(page)).toContainText('3 passages');
  await expect.poll(async () => (await storedKey(page)).sort()).toEqual([HERS[0], HERS[1], NEW].sort());
  // Her own annotations were never touched.
  expect(await storedAnnotations(page)).toEqual(hersStored);
  await page.screenshot({ path: test.info().outputPath('key-mode-1280.png') });

  // Done: back to the class view, whose scores follow the edited key.
  await keyBar(page).getByRole('button', { name: 'Done — back to the class' }).click();
  await expect(keyBar(page)).toHaveCount(0);
  await expect(classView(page)).toBeVisible();
  await expect(live(page)).toHaveText('Back to the class view: the scores follow the edited key.');
  await expect(classView(page)).toContainText('The key has 3 passages.');
  await expect(anaRow.getByRole('cell')).toHaveText(['Found 2 of 3 key passages, 0 extra', '100.0 %', '66.7 %', '0.80']);
  await classView(page).getByRole('button', { name: 'Back to the article' }).click();
  await expect(sidebar(page).getByRole('listitem')).toHaveCount(3);
  await expect(sidebar(page).getByRole('heading', { level: 2 })).toHaveText('Annotations');
  await expect.poll(async () => (await highlightTexts(page, 'mg-tag-0')).sort()).toEqual([...HERS].sort());
  await expect(page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'Export' })).toBeEnabled();

  // A reload keeps the edited key, the kept student file, and her annotations as they were.
  await page.reload();
  await appReady(page);
  await expect(sidebar(page).getByRole('listitem')).toHaveCount(3);
  expect(await storedAnnotations(page)).toEqual(hersStored);
  expect((await storedKey(page)).sort()).toEqual([HERS[0], HERS[1], NEW].sort());
  await page.getByRole('button', { name: 'Class', exact: true }).click();
  await expect(classView(page)).toContainText('The key has 3 passages.');
  await expect(anaRow.getByRole('cell').first()).toHaveText('Found 2 of 3 key passages, 0 extra');
  // Her export is hers: three annotations, none of the key's new passage.
  await classView(page).getByRole('button', { name: 'Back to the article' }).click();
  const exported = JSON.parse((await exportAs(page, 'Annotation pack', 'Teacher')).text);
  expect(exported.annotations.map((a: any) => a.target.exact).sort()).toEqual([...HERS].sort());
  expect(await cspViolations()).toEqual([]);
});

test('key mode leaves with another article; the Class button ends it too', async ({ page }) => {
  await openApp(page);
  await dragSelect(page, HERS[0]);
  await page.keyboard.press('1');
  await page.getByRole('button', { name: 'Class', exact: true }).click();
  await classView(page).getByRole('button', { name: 'Edit the key on the article' }).click();
  await expect(keyBar(page)).toContainText('Editing the answer key — 0 passages');
  await expect(sidebar(page).getByRole('listitem')).toHaveCount(0);
  await dragSelect(page, HERS[1]);
  await page.keyboard.press('2');
  await expect(keyBar(page)).toContainText('1 passage');
  // The top bar's Class button goes back to the class as Done does.
  await page.getByRole('button', { name: 'Class', exact: true }).click();
  await expect(keyBar(page)).toHaveCount(0);
  await expect(classView(page)).toContainText('The key has 1 passage.');
  await classView(page).getByRole('button', { name: 'Edit the key on the article' }).click();
  await expect(keyBar(page)).toContainText('1 passage');
  // Another article opens with its own annotations shown; the key stays with this one.
  await page.getByRole('button', { name: 'New article' }).click();
  const dialog = page.getByRole('dialog', { name: 'New article' });
  await dialog.getByRole('textbox', { name: 'Article text' }).fill('Buses run later\n\nThe city will run buses until midnight from June.');
  await dialog.getByRole('button', { name: 'Add article' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Buses run later');
  await expect(keyBar(page)).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'Export' })).toBeEnabled();
  // Back on the first article: her annotation shown, the key as edited.
  await page.getByRole('button', { name: 'Sample' }).click();
  await appReady(page);
  await expect(sidebar(page).getByRole('listitem')).toHaveCount(1);
  await expect.poll(() => highlightTexts(page, 'mg-tag-0')).toEqual([HERS[0]]);
  expect(await storedKey(page)).toEqual([HERS[1]]);
});
