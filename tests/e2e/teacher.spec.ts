// The teacher's flow of issue 20: her tag set saved as a preset on one article and applied on a second (one undo takes it back, a third article starts with it), a starter pack with instructions and no key, the instructions shown to the student, the key edited after hand-in changing the scores, and a self-check key showing the student what she found.
import { test, expect, type Page } from '@playwright/test';
import { openApp, appReady, dragSelect, exportAs, watchCsp, newArticle, fileOf, importFiles } from './helpers';

const settings = (page: Page) => page.getByRole('dialog', { name: 'Settings' });
const report = (page: Page) => page.getByRole('dialog', { name: 'Import report' });
const classView = (page: Page) => page.getByRole('dialog', { name: 'Class view' });
const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Annotate selection' });
const INSTRUCTIONS = 'Tag every opinion.\n\nHand in by Friday. <b>Not bold</b>';

test('presets: saved on one article, applied on a second as one undoable step, a third starts with it, exported and imported', async ({ page }) => {
  const cspViolations = await watchCsp(page);
  await openApp(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  const name = settings(page).getByRole('textbox', { name: 'Name of tag 1' });
  await name.fill('Opinion');
  await name.press('Tab');
  await settings(page).getByRole('textbox', { name: 'Hotkey of tag 1' }).fill('o');
  await settings(page).getByRole('textbox', { name: 'Hotkey of tag 1' }).press('Tab');
  await settings(page).getByRole('textbox', { name: 'New tag name' }).fill('Evidence');
  await settings(page).getByRole('button', { name: 'Add tag' }).click();
  await expect(settings(page).locator('.tag-row')).toHaveCount(4);
  await settings(page).getByRole('textbox', { name: 'Name of the set' }).fill('Debate');
  await settings(page).getByRole('button', { name: 'Save this set' }).click();
  await expect(settings(page)).toContainText('Set “Debate” saved.');
  await expect(settings(page).locator('.preset-row')).toContainText(['Debate']);
  const [download] = await Promise.all([page.waitForEvent('download'), settings(page).getByRole('button', { name: 'Export sets' }).click()]);
  const exported = await fileOf(download);
  expect(exported.name).toBe('debate.tag-presets.json');
  const file = JSON.parse(exported.text);
  expect(file.format).toBe('marginalia-tag-presets');
  expect(file.version).toBe(1);
  expect(file.presets[0].tags.map((t: any) => [t.name, t.hotkey])).toEqual([['Opinion', 'o'], ['Quote', '2'], ['Policy shift', '3'], ['Evidence', '4']]);
  await page.keyboard.press('Escape');

  // A second article starts with the default set; the preset is applied to it, and undone whole.
  await newArticle(page, 'Council votes on parks\n\nThe council voted to close two parks, which residents called a mistake.');
  await dragSelect(page, 'called a mistake');
  await expect(toolbar(page).getByRole('button', { name: /Claim/ })).toBeVisible();
  await page.keyboard.press('1');
  await page.getByRole('button', { name: 'Settings' }).click();
  await settings(page).getByRole('button', { name: 'Apply Debate to this article' }).click();
  await expect(settings(page)).toContainText('Set “Debate” applied to this article.');
  await expect(settings(page).getByRole('textbox', { name: 'Name of tag 1' })).toHaveValue('Opinion');
  // The preset's Opinion is the renamed Claim (a rename keeps the tag's id): the annotation is Opinion now.
  await expect(settings(page).locator('.tag-row')).toHaveCount(4);
  await expect(settings(page).locator('.preset-row')).toContainText('new articles start with this one');
  await page.keyboard.press('Escape');
  await expect(page.locator('#keyboard-hint')).toContainText('o for Opinion');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('#keyboard-hint')).not.toContainText('Opinion');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.locator('#keyboard-hint')).toContainText('o for Opinion');

  // A third article starts with the preset applied last.
  await newArticle(page, 'Buses run later\n\nThe city will run buses until midnight from June.');
  await dragSelect(page, 'until midnight');
  await expect(toolbar(page).getByRole('button', { name: /Opinion/ })).toBeVisible();
  await expect(toolbar(page).getByRole('button', { name: /Evidence/ })).toBeVisible();
  await page.keyboard.press('Escape');

  // Imported on another computer: the file brings the set back; a newer file is refused with its reason.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await appReady(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(settings(page)).toContainText('No saved sets yet.');
  const input = settings(page).locator('section.presets input[type=file]');
  const newer = JSON.stringify({ ...file, version: 2 });
  await input.setInputFiles({ name: 'newer.tag-presets.json', mimeType: 'application/json', buffer: Buffer.from(newer) });
  await expect(settings(page)).toContainText('from a newer Marginalia (version 2)');
  await input.setInputFiles({ name: exported.name, mimeType: 'application/json', buffer: Buffer.from(exported.text) });
  await expect(settings(page)).toContainText('1 set imported.');
  await settings(page).getByRole('button', { name: 'Apply Debate to this article' }).click();
  await expect(settings(page).getByRole('textbox', { name: 'Hotkey of tag 1' })).toHaveValue('o');
  expect(await cspViolations()).toEqual([]);
});

test('the key stays with the teacher: instructions for the student, the key edited after hand-in changes the scores, a self-check key', async ({ page, browser }) => {
  const cspViolations = await watchCsp(page);
  await openApp(page);
  // Her key: one passage.
  await dragSelect(page, 'sovereignty is inalienable');
  await page.keyboard.press('1');
  const teacherPack = JSON.parse((await exportAs(page, 'Annotation pack', 'Teacher')).text);

  await page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('textbox', { name: /^Instructions for students/ }).fill(INSTRUCTIONS);
  await dialog.getByRole('checkbox', { name: /^Keep my annotations here as the answer key/ }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download starter pack' }).click()]);
  const starter = await fileOf(download);
  const json = JSON.parse(starter.text);
  expect(json.classroom).toEqual({ lockTags: false, instructions: INSTRUCTIONS });
  expect(starter.text).not.toContain('answerKey');
  expect(json.annotations).toEqual([]);

  // The student sees the instructions on import and beside the article, as text.
  const context = await browser.newContext();
  const student = await context.newPage();
  await openApp(student);
  await importFiles(student, [starter]);
  await expect(report(student)).toContainText('Hand in by Friday. <b>Not bold</b>');
  await report(student).getByRole('button', { name: 'Import' }).click();
  const panel = student.locator('details.assignment');
  await expect(panel).toContainText('Tag every opinion.');
  await expect(panel).toContainText('<b>Not bold</b>');
  await expect(panel.locator('b')).toHaveCount(0);
  await student.reload();
  await appReady(student);
  await expect(student.locator('details.assignment')).toContainText('Tag every opinion.');
  await dragSelect(student, 'sovereignty is inalienable');
  await student.keyboard.press('1');
  await dragSelect(student, 'nationalism has surged here');
  await student.keyboard.press('1');
  const handIn = await exportAs(student, 'Annotation pack', 'Ana');

  // The teacher's class view scores Ana against the key as it was: 1 of 1 found, 1 extra.
  await page.getByRole('button', { name: 'Class' }).click();
  await expect(classView(page)).toContainText('The key has 1 passage.');
  await classView(page).locator('input[type=file]').setInputFiles([{ name: 'ana.marginalia.json', mimeType: 'application/json', buffer: Buffer.from(handIn.text) }]);
  const scores = classView(page).getByRole('table', { name: 'Scores against the answer key' });
  const ana = scores.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Ana' }) });
  await expect(ana.getByRole('cell')).toHaveText(['Found 1 of 1 key passage, 1 extra', '50.0 %', '100.0 %', '0.67']);
  await classView(page).getByRole('button', { name: 'Back to the article' }).click();

  // She corrects her key after the hand-in: two more passages, then uses them as the key.
  await dragSelect(page, 'nationalism has surged here');
  await page.keyboard.press('1');
  await dragSelect(page, 'The White House did not immediately respond');
  await page.keyboard.press('1');
  await page.getByRole('button', { name: 'Class' }).click();
  await expect(classView(page)).toContainText('Your annotations on this article (3) are not the key (1)');
  await classView(page).getByRole('button', { name: 'Use my 3 annotations on this article as the key' }).click();
  await expect(classView(page)).toContainText('The key has 3 passages.');
  await classView(page).locator('input[type=file]').setInputFiles([{ name: 'ana.marginalia.json', mimeType: 'application/json', buffer: Buffer.from(handIn.text) }]);
  await expect(ana.getByRole('cell')).toHaveText(['Found 2 of 3 key passages, 0 extra', '100.0 %', '66.7 %', '0.80']);
  // A passage taken out of the key: the scores follow at once.
  const keyList = classView(page).locator('details.key-list');
  await keyList.locator('summary').click();
  await keyList.getByRole('button', { name: /^Remove from the key: The White House/ }).click();
  await expect(classView(page)).toContainText('The key has 2 passages.');
  await expect(ana.getByRole('cell')).toHaveText(['Found 2 of 2 key passages, 0 extra', '100.0 %', '100.0 %', '1.00']);
  const [selfCheckDownload] = await Promise.all([page.waitForEvent('download'), classView(page).getByRole('button', { name: 'Download self-check key' }).click()]);
  const selfCheck = await fileOf(selfCheckDownload);
  expect(selfCheck.name).toMatch(/\.self-check\.marginalia\.json$/);
  expect(JSON.parse(selfCheck.text).classroom.selfCheck).toBe(true);
  expect(JSON.parse(selfCheck.text).classroom.answerKey).toHaveLength(2);
  await classView(page).getByRole('button', { name: 'Back to the article' }).click();
  // The key is kept: reopened after a reload, it is the edited one.
  await page.reload();
  await appReady(page);
  await page.getByRole('button', { name: 'Class' }).click();
  await expect(classView(page)).toContainText('The key has 2 passages.');
  // A key file of another article is refused with its reason.
  const other = { ...teacherPack, article: { ...teacherPack.article, hash: 'f'.repeat(64) } };
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), classView(page).getByRole('button', { name: 'Load a key file' }).click()]);
  await chooser.setFiles([{ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)) }]);
  await expect(classView(page)).toContainText('cannot be read as a key');
  await expect(classView(page)).toContainText('The key has 2 passages.');

  // The student imports the self-check key: Settings shows what she found.
  await importFiles(student, [selfCheck]);
  await expect(report(student)).toContainText('self-check key');
  await report(student).getByRole('button', { name: 'Import' }).click();
  await student.getByRole('button', { name: 'Settings' }).click();
  await expect(settings(student)).toContainText('You found 2 of 2 key passages.');
  await expect(settings(student).locator('.key-found')).toHaveCount(2);
  await context.close();
  expect(await cspViolations()).toEqual([]);
});

/** Every class view table fits its box at 1,366 px (nothing cut off) and scrolls inside its box on a phone; no figure wraps. */
test('class view tables fit 1,366 px and scroll inside their box at 390 px', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  for (const name of ['Direct quote', 'Loaded language']) {
    await settings(page).getByRole('textbox', { name: 'New tag name' }).fill(name);
    await settings(page).getByRole('button', { name: 'Add tag' }).click();
  }
  await expect(settings(page).locator('.tag-row')).toHaveCount(5);
  await page.keyboard.press('Escape');
  const marks: [string, string][] = [
    ['sovereignty is inalienable', '1'], ['nationalism has surged here', '2'],
    ['The White House did not immediately respond', '3'], ['Sheinbaum said she rebuffed his proposal', '4'],
  ];
  for (const [text, key] of marks) {
    await dragSelect(page, text);
    await page.keyboard.press(key);
  }
  const base = JSON.parse((await exportAs(page, 'Annotation pack', 'Teacher')).text);
  const students = ['Ana María Fernández', 'Benedikt Schwarzenberger', 'Chloé Dubois-Lefèvre'].map((by, s) => ({
    name: `${s}.marginalia.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({
      ...base,
      exported: { ...base.exported, by },
      annotations: base.annotations.filter((_: any, i: number) => i !== s).map((a: any, i: number) => ({ ...a, id: `00000000-0000-4000-8000-00000000${s}${i}00`, author: '' })),
    })),
  }));
  await page.getByRole('button', { name: 'Class' }).click();
  await classView(page).getByRole('button', { name: 'Use my 4 annotations on this article as the key' }).click();
  await classView(page).locator('input[type=file]').setInputFiles(students);
  await expect(classView(page).getByRole('table', { name: 'Scores against the answer key' })).toBeVisible();
  const layout = () => page.evaluate(() => {
    const view = document.querySelector('.class-view') as HTMLElement;
    const tables = [...document.querySelectorAll('.class-view table')].map((t) => {
      const box = t as HTMLElement;
      return { name: box.getAttribute('aria-labelledby'), scroll: box.scrollWidth, client: box.clientWidth, right: box.getBoundingClientRect().right };
    });
    // A figure on two lines has two client rects.
    const wrapped = [...document.querySelectorAll('.class-view .figure')].filter((f) => f.getClientRects().length > 1).map((f) => f.textContent);
    return { viewRight: view.getBoundingClientRect().right, viewScroll: view.scrollWidth, viewClient: view.clientWidth, tables, wrapped };
  });
  await classView(page).getByRole('table', { name: 'Scores against the answer key' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('class-view-1366.png') });
  await classView(page).getByRole('table', { name: 'Agreement (on words)' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('class-view-1366-agreement.png') });
  const wide = await layout();
  expect(wide.wrapped).toEqual([]);
  for (const t of wide.tables) {
    expect(t.scroll, `${t.name} is cut off at 1,366 px`).toBeLessThanOrEqual(t.client + 1);
    expect(t.right).toBeLessThanOrEqual(wide.viewRight);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await classView(page).getByRole('table', { name: 'Scores against the answer key' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('class-view-390.png') });
  const narrow = await layout();
  expect(narrow.wrapped).toEqual([]);
  expect(narrow.viewScroll, 'the panel itself never scrolls sideways').toBeLessThanOrEqual(narrow.viewClient + 1);
  for (const t of narrow.tables) expect(t.right).toBeLessThanOrEqual(narrow.viewRight + 1);
});
