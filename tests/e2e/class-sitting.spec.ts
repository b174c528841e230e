// A whole class sitting: the teacher makes a starter pack, three students hand in (two one after the other on one browser through "New student on this computer"), and the teacher works in a class view that keeps the files through passages, closing, reloading and going offline, reads each student's notes and downloads the grades.
import { test, expect, type Page, type BrowserContext } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openApp, appReady, dragSelect, watchCsp, waitForServiceWorker } from './helpers';

/** axe-core (WCAG 2.0-2.2 A and AA) finds nothing on the page as it is now. */
async function expectNoViolations(page: Page, view: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), view).toEqual([]);
}

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });
const entries = (page: Page) => sidebar(page).getByRole('listitem');
const report = (page: Page) => page.getByRole('dialog', { name: 'Import report' });
const exportDialog = (page: Page) => page.getByRole('dialog', { name: 'Export' });
const classView = (page: Page) => page.getByRole('dialog', { name: 'Class view' });
const openClass = (page: Page) => page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'Class', exact: true }).click();
const students = (page: Page) => classView(page).getByRole('heading', { name: /^Students \(/ });
const fileList = (page: Page) => classView(page).getByRole('region', { name: /^Student files/ });

type File = { name: string; text: string };

/** Reads a download as text. */
async function text(download: import('@playwright/test').Download) {
  return Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
}

/** Tags `quote` with the tag button `tag` of the selection toolbar, with `note` when given. */
async function annotate(page: Page, quote: string, tag: string, note = '') {
  const before = await entries(page).count();
  await dragSelect(page, quote);
  const toolbar = page.getByRole('toolbar', { name: 'Annotate selection' });
  if (note) await toolbar.getByRole('textbox', { name: 'Note' }).fill(note);
  await toolbar.getByRole('button', { name: new RegExp(`^${tag}`) }).click();
  await expect(entries(page)).toHaveCount(before + 1);
}

/** The student imports the teacher's starter pack. */
async function takeStarter(page: Page, starter: File) {
  await page.locator('input[type=file][multiple]').setInputFiles(
    [{ name: starter.name, mimeType: 'application/json', buffer: Buffer.from(starter.text) }]);
  await expect(report(page)).toContainText('A starter pack from your teacher');
  await report(page).getByRole('button', { name: 'Import' }).click();
  await expect(report(page)).toBeHidden();
}

/** Hands in the pack under `name`; returns the file. */
async function handIn(page: Page, name: string): Promise<File> {
  await page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'Export' }).click();
  await exportDialog(page).getByRole('textbox', { name: 'Your name, so your teacher knows whose file this is' }).fill(name);
  await expect(exportDialog(page)).toContainText(`Handing in as ${name}.`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    exportDialog(page).getByRole('button', { name: /^Annotation pack/ }).click(),
  ]);
  const file = { name: download.suggestedFilename(), text: await text(download) };
  expect(JSON.parse(file.text).exported.by).toBe(name);
  await page.keyboard.press('Escape');
  await expect(exportDialog(page)).toBeHidden();
  return file;
}

async function newStudent(page: Page) {
  await page.getByRole('button', { name: 'Library' }).click();
  await page.getByRole('dialog', { name: 'Library' }).getByRole('button', { name: 'New student on this computer' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'New student on this computer' });
  await expect(dialog).toContainText('Everything here was exported.');
  await dialog.getByRole('button', { name: 'Start fresh' }).click();
  await expect(dialog).toBeHidden();
  await expect(entries(page)).toHaveCount(0);
}

/** The teacher's starter pack: her tag set, locked; her two annotations stay with her as the key. */
async function makeStarter(page: Page): Promise<File> {
  await annotate(page, 'The White House did not immediately respond', 'Claim');
  await annotate(page, 'sovereignty is inalienable', 'Quote');
  await page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'Export' }).click();
  await exportDialog(page).getByRole('checkbox', { name: 'Lock the tag set for students' }).check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    exportDialog(page).getByRole('button', { name: 'Download starter pack' }).click(),
  ]);
  await expect(exportDialog(page)).toBeHidden();
  return { name: download.suggestedFilename(), text: await text(download) };
}

/** A student's browser of their own, with the starter pack taken. */
async function studentBrowser(context: BrowserContext, starter: File) {
  const page = await context.newPage();
  await openApp(page);
  await takeStarter(page, starter);
  return page;
}

/** Takes the network away: the browser is offline and anything that still reaches the network is aborted. */
async function goOffline(page: Page) {
  await page.context().setOffline(true);
  await page.context().route('**', (route) => route.abort('internetdisconnected'));
}

/** The three students' names as the class view lists them, with their annotation counts. */
async function expectClass(page: Page) {
  await expect(students(page)).toHaveText('Students (3 of 3 shown)');
  await expect(fileList(page).getByRole('listitem')).toHaveText([
    /^Ana: 2 annotationsana-.*\.marginalia\.json/, /^Ben: 1 annotationben-/, /^Cleo: 2 annotationscleo-/]);
}

/** With CLASS_SITTING_SHOTS=<folder>, screenshots of the page at a laptop's and a phone's size (and printed, with `print`). */
async function shoot(page: Page, name: string, print = false) {
  const folder = process.env.CLASS_SITTING_SHOTS;
  if (!folder) return;
  if (print) await page.emulateMedia({ media: 'print' });
  for (const [width, height] of [[1366, 768], [390, 844]]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${folder}/${name}-${width}.png`, fullPage: print });
  }
  await page.setViewportSize({ width: 1280, height: 860 });
  if (print) await page.emulateMedia({ media: 'screen' });
}

/** A CSV's rows as arrays of cells (no quoted commas in these). */
const rows = (csv: string) => csv.replace(/^\ufeff/, '').trim().split('\r\n').map((line) => line.split(','));

test('a class sitting: starter pack, three students hand in, the teacher keeps the class through passages, reloads and offline, reads notes and downloads grades', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const cspViolations = await watchCsp(page);

  // The teacher makes a starter pack; her answer key stays with her (#20).
  await openApp(page);
  const starter = await makeStarter(page);
  expect(JSON.parse(starter.text).classroom.answerKey ?? []).toHaveLength(0);

  // Ana, then Ben on the same browser after "New student on this computer".
  const shared = await browser.newContext();
  const laptop = await studentBrowser(shared, starter);
  await annotate(laptop, 'nationalism has surged here', 'Claim', 'A claim about the mood');
  await annotate(laptop, 'The White House did not immediately respond', 'Claim', 'Who was asked?');
  const ana = await handIn(laptop, 'Ana');
  expect(ana.name).toMatch(/^ana-/);
  await newStudent(laptop);
  await takeStarter(laptop, starter);
  await annotate(laptop, 'sovereignty is inalienable', 'Quote', 'The president\'s words');
  const ben = await handIn(laptop, 'Ben');
  expect(ben.name).toMatch(/^ben-/);
  expect(JSON.parse(ben.text).annotations, 'only his own work').toHaveLength(1);
  await shared.close();

  // Cleo on a browser of her own.
  const own = await browser.newContext();
  const cleo = await studentBrowser(own, starter);
  await annotate(cleo, 'The White House did not immediately respond', 'Claim');
  await annotate(cleo, 'sovereignty is inalienable', 'Quote', 'Quoted, not claimed');
  const cleoFile = await handIn(cleo, 'Cleo');
  await own.close();

  // The teacher adds the three files once.
  await openClass(page);
  await classView(page).locator('input[type=file]').setInputFiles(
    [ana, ben, cleoFile].map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) })));
  await expectClass(page);
  await expect(classView(page).getByRole('button', { name: 'Back to the article' })).toBeFocused();
  // Her own two annotations become the key the scores follow.
  await classView(page).getByRole('button', { name: 'Use my 2 annotations on this article as the key' }).click();
  await expectNoViolations(page, 'class view with its files');
  await shoot(page, 'class');
  await shoot(page, 'class-print', true);

  // A passage shows in the article; the class view is put away, not closed, and comes back as it was.
  const passage = classView(page).getByRole('button', { name: /2 of 3 students tagged this as Claim/ });
  await passage.scrollIntoViewIfNeeded();
  const scrolled = await classView(page).evaluate((e) => e.scrollTop);
  expect(scrolled).toBeGreaterThan(0);
  await passage.click();
  await expect(classView(page)).toBeHidden();
  await page.waitForFunction(() => (CSS as any).highlights.get('mg-flash')?.size === 1);
  const back = page.getByRole('button', { name: 'Back to the class view' });
  await expect(back).toBeFocused();
  await shoot(page, 'passage');
  await expectNoViolations(page, 'article with the Back to the class view bar');
  await back.click();
  await expect(classView(page)).toBeVisible();
  await expectClass(page);
  expect(await classView(page).evaluate((e) => e.scrollTop)).toBe(scrolled);
  await expect(passage).toBeFocused();

  // Closed and opened again, the files are still there; and after a reload.
  await classView(page).getByRole('button', { name: 'Back to the article' }).click();
  await expect(classView(page)).toBeHidden();
  await openClass(page);
  await expectClass(page);
  await page.keyboard.press('Escape');
  await waitForServiceWorker(page);
  await page.reload();
  await appReady(page);
  await openClass(page);
  await expectClass(page);
  await page.keyboard.press('Escape');

  // Offline, the class view still opens with its files.
  await goOffline(page);
  await page.reload();
  await appReady(page);
  await openClass(page);
  await expectClass(page);

  // Each student's notes, in article order.
  const notes = async (name: string, want: [string, string, string][]) => {
    await classView(page).getByRole('button', { name: `Read ${name}'s annotations and notes` }).click();
    const heading = classView(page).getByRole('heading', { name: new RegExp(`^${name}: `) });
    await expect(heading).toBeFocused();
    if (name === 'Ana') {
      await expectNoViolations(page, "a student's notes");
      await shoot(page, 'notes');
      await shoot(page, 'notes-print', true);
    }
    const items = classView(page).locator('.note-row');
    await expect(items).toHaveCount(want.length);
    for (const [i, [tag, quote, note]] of want.entries()) {
      await expect(items.nth(i).locator('.note-tags')).toHaveText(tag);
      await expect(items.nth(i).locator('.note-quote')).toHaveText(quote);
      await expect(items.nth(i).locator('.note-text')).toHaveText(note);
    }
    await classView(page).getByRole('button', { name: 'Back to the class' }).click();
    await expect(classView(page).getByRole('button', { name: `Read ${name}'s annotations and notes` })).toBeFocused();
  };
  await notes('Ana', [
    ['Claim', 'The White House did not immediately respond', 'Who was asked?'],
    ['Claim', 'nationalism has surged here', 'A claim about the mood'],
  ]);
  // (Cleo annotated in article order's reverse: the view puts them in article order.)
  await notes('Ben', [['Quote', 'sovereignty is inalienable', 'The president\'s words']]);
  await notes('Cleo', [
    ['Quote', 'sovereignty is inalienable', 'Quoted, not claimed'],
    ['Claim', 'The White House did not immediately respond', 'No note.'],
  ]);

  // A student's notes show their passage in the article too, and come back to the notes.
  await classView(page).getByRole('button', { name: 'Read Ben\'s annotations and notes' }).click();
  await classView(page).getByRole('button', { name: 'Show in the article' }).click();
  await expect(classView(page)).toBeHidden();
  await page.getByRole('button', { name: 'Back to the class view' }).click();
  await expect(classView(page).getByRole('heading', { name: /^Ben: 1 annotation in article order/ })).toBeVisible();
  await classView(page).getByRole('button', { name: 'Back to the class' }).click();

  // The grades: found k of n key passages, extra passages, precision, recall and F1.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    classView(page).getByRole('button', { name: 'Download grades (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/-grades\.csv$/);
  const grades = rows(await text(download));
  expect(grades[0]).toEqual(['Student', 'Tag', 'Found', 'Key passages', 'Extra passages', 'Precision', 'Recall', 'F1']);
  const overall = grades.filter((r) => r[1] === 'Overall');
  expect(overall).toEqual([
    ['Ana', 'Overall', '1', '2', '1', '0.5000', '0.5000', '0.5000'],
    ['Ben', 'Overall', '1', '2', '0', '1.0000', '0.5000', '0.6667'],
    ['Cleo', 'Overall', '2', '2', '0', '1.0000', '1.0000', '1.0000'],
  ]);
  expect(grades.find((r) => r[0] === 'Ana' && r[1] === 'Claim')).toEqual(['Ana', 'Claim', '1', '1', '1', '0.5000', '1.0000', '0.6667']);
  expect(grades.find((r) => r[0] === 'Ana' && r[1] === 'Quote')).toEqual(['Ana', 'Quote', '0', '1', '0', '', '0.0000', '0.0000']);
  expect(await cspViolations()).toEqual([]);
});

/** One student's pack of the sample article, made in the app. */
async function onePack(page: Page, name: string, quote: string): Promise<File> {
  await annotate(page, quote, 'Claim');
  const file = await handIn(page, name);
  await newStudent(page);
  return file;
}

test('the kept files: removed one by one with undo, all after a confirmation, and a full storage says so and keeps them in the view', async ({ page }) => {
  await openApp(page);
  const files = [await onePack(page, 'Ana', 'nationalism has surged here'), await onePack(page, 'Ben', 'sovereignty is inalienable')];
  await openClass(page);
  const add = (list: File[]) => classView(page).locator('input[type=file]').setInputFiles(
    list.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) })));
  await add(files);
  await expect(students(page)).toHaveText('Students (2 of 2 shown)');
  // The same file again is kept once.
  await add(files.slice(0, 1));
  await expect(classView(page)).toContainText(`${files[0].name} is already in the class view.`);
  await expect(fileList(page).getByRole('listitem')).toHaveCount(2);

  // One removed, then undone.
  await fileList(page).getByRole('button', { name: `Remove ${files[0].name}` }).click();
  await expect(classView(page)).toContainText(`Removed ${files[0].name}.`);
  await expect(students(page)).toHaveText('Students (1 of 1 shown)');
  await classView(page).getByRole('button', { name: 'Undo' }).click();
  await expect(students(page)).toHaveText('Students (2 of 2 shown)');
  await expect(fileList(page).getByRole('listitem').first()).toContainText('Ana');

  // All, after a question; "Keep them" keeps them.
  await fileList(page).getByRole('button', { name: 'Remove all files' }).click();
  await expect(fileList(page)).toContainText('Remove all 2 student files from this class view?');
  await fileList(page).getByRole('button', { name: 'Keep them' }).click();
  await expect(fileList(page).getByRole('listitem')).toHaveCount(2);
  await fileList(page).getByRole('button', { name: 'Remove all files' }).click();
  await fileList(page).getByRole('button', { name: 'Remove all files' }).click();
  await expect(classView(page)).toContainText('Removed 2 files.');
  await expect(classView(page)).toContainText('No student files yet');
  // Stored as removed: closed and opened again, none.
  await page.keyboard.press('Escape');
  await openClass(page);
  await expect(classView(page)).toContainText('No student files yet');

  // Storage full: the files stay in the view, the teacher is told, and nothing is lost once there is room.
  // As a full storage answers: every write refused (the way tests/e2e/storage.spec.ts fills it).
  await page.evaluate(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k: string, v: string) {
      if ((window as any).__full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return real.call(this, k, v);
    };
    (window as any).__full = true;
  });
  await add(files);
  await expect(classView(page).getByRole('alert')).toContainText('storage is full, so the student files are not kept yet');
  await expect(students(page)).toHaveText('Students (2 of 2 shown)');
  // Closed and reopened on this page, the queue still holds them.
  await page.keyboard.press('Escape');
  await openClass(page);
  await expect(students(page)).toHaveText('Students (2 of 2 shown)');
  await page.keyboard.press('Escape');
  // Room again: the app writes them on its next try.
  await page.evaluate(() => { (window as any).__full = false; });
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).some((k) => k.endsWith('/class-files') && localStorage.getItem(k)!.includes('Ben'))),
    { timeout: 10_000 }).toBe(true);
  await page.reload();
  await appReady(page);
  await openClass(page);
  await expect(students(page)).toHaveText('Students (2 of 2 shown)');
});
