// The teacher's class view: students' packs of one article side by side, counts, agreement, a passage link, layers and the consensus pack.
import { test, expect, type Page } from '@playwright/test';
import { openApp, dragSelect, exportAs, watchCsp } from './helpers';

const classView = (page: Page) => page.getByRole('dialog', { name: 'Class view' });
const OTHER_ARTICLE = `Library extends weekend hours

The city library will open on Sundays from next month.

Staff said the change follows a survey of readers.`;

type File = { name: string; text: string };

async function addFiles(page: Page, files: File[]) {
  await classView(page).locator('input[type=file]').setInputFiles(
    files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) })));
}

/** One student's pack made from `base`: the given annotations with fresh ids and the author set. */
function studentPack(base: any, author: string, annotations: any[], by = '') {
  return JSON.stringify({
    ...base,
    exported: { ...base.exported, by },
    annotations: annotations.map((a, i) => ({
      ...a,
      id: `00000000-0000-4000-8000-${author.charCodeAt(0).toString(16)}${String(i).padStart(10, '0')}`,
      author: by ? '' : author,
    })),
  });
}

/** A pack of another article, made through the New article dialog; returns to the sample afterwards. */
async function otherArticlePack(page: Page) {
  await page.getByRole('button', { name: 'New article' }).click();
  const dialog = page.getByRole('dialog', { name: 'New article' });
  await dialog.getByRole('textbox', { name: 'Article text' }).fill(OTHER_ARTICLE);
  await dialog.getByRole('button', { name: 'Add article' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Library extends weekend hours');
  await dragSelect(page, 'open on Sundays');
  await page.keyboard.press('1');
  const pack = await exportAs(page, 'Annotation pack', 'dana');
  await page.getByRole('button', { name: 'Sample' }).click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Library extends weekend hours');
  await page.waitForFunction(() => performance.getEntriesByName('marginalia:highlights-painted').length > 0);
  return { name: 'dana.marginalia.json', text: pack.text };
}

function row(page: Page, name: string) {
  return classView(page).getByRole('table', { name: 'Students by tag' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
}

test('class view: students side by side, agreement, passage link, layers and consensus', async ({ page }) => {
  const cspViolations = await watchCsp(page);
  await openApp(page);
  const other = await otherArticlePack(page);

  // Ana: Claim on X, Quote on Y.
  await dragSelect(page, 'The White House did not immediately respond');
  await page.keyboard.press('1');
  await dragSelect(page, 'sovereignty is inalienable');
  await page.keyboard.press('2');
  await dragSelect(page, 'nationalism has surged here');
  await page.keyboard.press('1');
  const base = JSON.parse((await exportAs(page, 'Annotation pack')).text);
  expect(base.annotations).toHaveLength(3);
  const find = (exact: string) => base.annotations.find((a: any) => a.target.exact === exact);
  const x = find('The White House did not immediately respond');
  const y = find('sovereignty is inalienable');
  const z = find('nationalism has surged here');
  expect([x, y, z].every(Boolean)).toBe(true);

  const files: File[] = [
    { name: 'ana.marginalia.json', text: studentPack(base, 'Ana', [x, y]) },
    { name: 'ben.marginalia.json', text: studentPack(base, 'Ben', [x]) },
    // Cleo's annotations carry no author: her name comes from the pack's exported.by.
    { name: 'c.marginalia.json', text: studentPack(base, 'Cleo', [z, y], 'Cleo') },
    other,
  ];

  await page.getByRole('button', { name: 'Class', exact: true }).click();
  await expect(classView(page)).toBeVisible();
  await addFiles(page, files);

  // The other article's file is reported and not counted.
  await expect(classView(page).getByRole('heading', { name: 'Files left out (1)' })).toBeVisible();
  await expect(classView(page)).toContainText('It annotates a different article.');
  await expect(classView(page).getByRole('heading', { name: 'Students (3 of 3 shown)' })).toBeVisible();

  // Students by tag: Claim, Quote, Policy shift, Annotations.
  await expect(row(page, 'Ana').getByRole('cell')).toHaveText(['1', '1', '0', '2']);
  await expect(row(page, 'Ben').getByRole('cell')).toHaveText(['1', '0', '0', '1']);
  await expect(row(page, 'Cleo').getByRole('cell')).toHaveText(['1', '1', '0', '2']);
  await expect(row(page, 'Total').getByRole('cell')).toHaveText(['3', '2', '0', '5']);

  // Agreement figures: defined for Claim and Quote, undefined (with the reason) for an unused tag.
  const agreement = classView(page).getByRole('table', { name: 'Agreement (on words)' });
  const claim = agreement.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Claim' }) });
  await expect(claim.getByRole('cell').nth(0)).toContainText('%');
  const policy = agreement.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Policy shift' }) });
  await expect(policy.getByRole('cell').nth(1)).toContainText('—');
  await expect(policy.getByRole('cell').nth(1)).toContainText('Nobody used this tag');

  // Density strips are labelled images.
  await expect(classView(page).getByRole('img', { name: /^Claim: most marks in the/ })).toBeVisible();

  // The CSVs download.
  const [tableCsv] = await Promise.all([
    page.waitForEvent('download'),
    classView(page).getByRole('button', { name: 'Download CSV of the students by tag' }).click(),
  ]);
  const tableText = Buffer.concat(await (await tableCsv.createReadStream()).toArray()).toString('utf8');
  expect(tableText).toContain('Student,Claim,Quote,Policy shift,Annotations');
  expect(tableText).toContain('Ana,1,1,0,2');
  const [agreementCsv] = await Promise.all([
    page.waitForEvent('download'),
    classView(page).getByRole('button', { name: 'Download CSV of the agreement figures' }).click(),
  ]);
  const agreementText = Buffer.concat(await (await agreementCsv.createReadStream()).toArray()).toString('utf8');
  expect(agreementText).toContain("Fleiss' kappa");
  expect(agreementText).toContain("Cohen's kappa");

  // Consensus at k = 2: X (Claim, Ana and Ben) and Y (Quote, Ana and Cleo); Z is Cleo's alone.
  const consensus = classView(page).getByRole('list', { name: 'Consensus passages' });
  await expect(consensus.getByRole('listitem')).toHaveCount(2);
  await expect(consensus).toContainText('The White House did not immediately respond');
  await expect(consensus).toContainText('sovereignty is inalienable');
  await expect(consensus).not.toContainText('nationalism has surged here');
  await classView(page).getByRole('spinbutton').fill('3');
  await expect(consensus.getByRole('listitem')).toHaveCount(0);
  await classView(page).getByRole('spinbutton').fill('2');
  await expect(consensus.getByRole('listitem')).toHaveCount(2);
  // Review: leave Y out, export X only.
  await consensus.getByRole('checkbox', { name: /sovereignty is inalienable/ }).uncheck();
  const [packDownload] = await Promise.all([
    page.waitForEvent('download'),
    classView(page).getByRole('button', { name: 'Export consensus pack' }).click(),
  ]);
  expect(packDownload.suggestedFilename()).toMatch(/-consensus\.marginalia\.json$/);
  const consensusPack = JSON.parse(Buffer.concat(await (await packDownload.createReadStream()).toArray()).toString('utf8'));
  expect(consensusPack.format).toBe('marginalia-pack');
  expect(consensusPack.exported.by).toBe('Consensus');
  expect(consensusPack.article.hash).toBe(base.article.hash);
  expect(consensusPack.annotations).toHaveLength(1);
  expect(consensusPack.annotations[0].target.exact).toBe('The White House did not immediately respond');
  expect(consensusPack.annotations[0].tags).toEqual([x.tags[0]]);

  // Hiding a layer changes the table and the figures: Ana and Ben agree on every word for Claim.
  await classView(page).getByRole('checkbox', { name: /^Cleo/ }).uncheck();
  await expect(classView(page).getByRole('heading', { name: 'Students (2 of 3 shown)' })).toBeVisible();
  await expect(row(page, 'Cleo')).toHaveCount(0);
  await expect(row(page, 'Total').getByRole('cell')).toHaveText(['2', '1', '0', '3']);
  await expect(claim.getByRole('cell')).toHaveText(['100.0 %', '1.00', 'almost perfect']);
  const pairs = classView(page).getByRole('table', { name: "Cohen's kappa between pairs of students" });
  await expect(pairs.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Ana' }) }).getByRole('cell').nth(1)).toHaveText('1.00');
  await classView(page).getByRole('checkbox', { name: /^Cleo/ }).check();

  // "2 of 3 students tagged this as Claim": the link puts the view away and flashes the passage.
  const passage = classView(page).getByRole('button', { name: /2 of 3 students tagged this as Claim/ });
  await expect(passage).toContainText('The White House did not immediately respond');
  await expect(classView(page).getByRole('button', { name: /1 of 3 students tagged this as Claim/ })).toContainText('nationalism has surged here');
  await passage.click();
  await expect(classView(page)).toBeHidden();
  await page.waitForFunction(() => (CSS as any).highlights.get('mg-flash')?.size === 1, null, { timeout: 1000 });

  // Disagreements link to their passages too; "Back to the class view" brings the class back as it was.
  await page.getByRole('button', { name: 'Back to the class view' }).click();
  await expect(classView(page).getByRole('heading', { name: 'Students (3 of 3 shown)' })).toBeVisible();
  const disagreements = classView(page).getByRole('region', { name: /^Disagreements/ });
  await expect(disagreements.getByRole('button').first()).toBeVisible();
  // Unlike the passages, a disagreement names who tagged the words and who did not.
  await expect(disagreements.getByRole('button', { name: '2 of 3 tagged this as Claim: tagged by Ana, Ben; not by Cleo' })).toContainText('The White House did not immediately respond');
  if (process.env.CLASS_SCREENSHOT) await page.screenshot({ path: process.env.CLASS_SCREENSHOT, fullPage: false });
  await page.keyboard.press('Escape');
  await expect(classView(page)).toBeHidden();
  expect(await cspViolations()).toEqual([]);
});

test('help states the agreement definitions', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Help' }).click();
  const help = page.getByRole('dialog', { name: 'How to annotate' });
  await expect(help.getByRole('heading', { name: 'Class view and agreement' })).toBeVisible();
  await expect(help.getByRole('heading', { name: "Cohen's kappa (two students)" })).toBeVisible();
  await expect(help).toContainText('κ = (po − pe) / (1 − pe)');
});

test("teacher's flow: a starter pack, two students annotate and export, the teacher compares them", async ({ page, browser }) => {
  // The teacher pastes the article and hands out its pack.
  await openApp(page);
  await page.getByRole('button', { name: 'New article' }).click();
  const dialog = page.getByRole('dialog', { name: 'New article' });
  await dialog.getByRole('textbox', { name: 'Article text' }).fill(OTHER_ARTICLE);
  await dialog.getByRole('button', { name: 'Add article' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Library extends weekend hours');
  const starter = await exportAs(page, 'Annotation pack');

  // Each student, in a browser of their own, opens the starter pack's article, annotates and exports.
  const student = async (name: string, marks: [string, string][]) => {
    const context = await browser.newContext();
    const own = await context.newPage();
    await openApp(own);
    await own.locator('input[type=file][multiple]').setInputFiles({ name: starter.name, mimeType: 'application/json', buffer: Buffer.from(starter.text) });
    await own.getByRole('dialog', { name: 'Import report' }).getByRole('button', { name: 'Open that article' }).click();
    await expect(own.getByRole('heading', { level: 1 })).toHaveText('Library extends weekend hours');
    await own.waitForFunction(() => performance.getEntriesByName('marginalia:highlights-painted').length > 0);
    for (const [text, key] of marks) {
      await dragSelect(own, text);
      await own.keyboard.press(key);
    }
    const pack = await exportAs(own, 'Annotation pack', name);
    expect(pack.name).toBe(`${name}-library-extends-weekend-hours.marginalia.json`);
    await context.close();
    return { name: `${name}.marginalia.json`, text: pack.text };
  };
  const ana = await student('ana', [['open on Sundays', '1']]);
  const ben = await student('ben', [['open on Sundays', '1'], ['survey of readers', '2']]);

  await page.getByRole('button', { name: 'Class', exact: true }).click();
  await addFiles(page, [ana, ben]);
  await expect(classView(page).getByRole('heading', { name: 'Students (2 of 2 shown)' })).toBeVisible();
  await expect(row(page, 'ana').getByRole('cell')).toHaveText(['1', '0', '0', '1']);
  await expect(row(page, 'ben').getByRole('cell')).toHaveText(['1', '1', '0', '2']);
  const agreement = classView(page).getByRole('table', { name: 'Agreement (on words)' });
  const claim = agreement.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Claim' }) });
  await expect(claim.getByRole('cell')).toHaveText(['100.0 %', '1.00', 'almost perfect']);
  const quote = agreement.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Quote' }) });
  // Ben alone tagged "survey of readers": they differ on 3 of the article's 23 words, so
  // P = 20/23 = 87.0 %; p = 3/46, Pe = p² + (1 − p)² = 0.8785; κ = (P − Pe) / (1 − Pe) = −0.07.
  await expect(quote.getByRole('cell')).toHaveText(['87.0 %', '-0.07', 'poor']);
  await expect(classView(page).getByRole('button', { name: /1 of 2 students tagged this as Quote/ })).toContainText('survey of readers');
});
