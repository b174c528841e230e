// Two tabs on one article stay in step through the storage event: every edit reaches both, a clash on one annotation is kept as a visible other version.
import { test, expect, type Page } from '@playwright/test';
import { openApp, dragSelect } from './helpers';

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });
const entries = (page: Page) => sidebar(page).getByRole('listitem');
const versions = (page: Page) => page.getByRole('region', { name: 'Needs attention' });
const note = (page: Page) => page.getByRole('dialog', { name: 'Edit annotation' }).getByRole('textbox', { name: 'Note' });

async function openEditor(page: Page, quote: RegExp) {
  await sidebar(page).getByRole('button', { name: quote }).click();
  await expect(note(page)).toBeVisible();
}

test('two tabs: edits to different annotations reach both, without a reload', async ({ context }) => {
  const a = await context.newPage();
  await openApp(a);
  const b = await context.newPage();
  await openApp(b, { clear: false });

  await dragSelect(a, 'The White House did not immediately respond');
  await a.keyboard.press('1');
  await expect(entries(b)).toHaveCount(1);
  await dragSelect(b, 'nationalism has surged here');
  await b.keyboard.press('2');
  await expect(entries(a)).toHaveCount(2);

  // A note in one tab, tags in the other, on different annotations.
  await openEditor(a, /White House/);
  await note(a).fill('Written in tab A');
  await note(a).press('Tab');
  await openEditor(b, /nationalism/);
  await b.getByRole('dialog', { name: 'Edit annotation' }).getByRole('button', { name: /Policy shift/ }).click();
  for (const page of [a, b]) {
    await expect(entries(page).filter({ hasText: 'White House' })).toContainText('Written in tab A');
    await expect(entries(page).filter({ hasText: 'nationalism' })).toContainText('Policy shift');
  }

  // A deletion in one tab reaches the other; undo there cannot bring the deleted one back.
  await a.keyboard.press('Escape');
  await openEditor(a, /White House/);
  await a.getByRole('dialog', { name: 'Edit annotation' }).getByRole('button', { name: 'Delete' }).click();
  await expect(entries(b)).toHaveCount(1);
  await b.keyboard.press('Escape');
  await b.getByRole('button', { name: 'Undo' }).click();
  await expect(entries(b).filter({ hasText: 'nationalism' })).not.toContainText('Policy shift');
  await expect(entries(b)).toHaveCount(1);
  await expect(entries(a)).toHaveCount(1);
  await expect(entries(a).filter({ hasText: 'nationalism' })).not.toContainText('Policy shift');

  // A tag renamed in one tab is renamed in the other.
  await a.getByRole('button', { name: 'Settings' }).click();
  const name = a.getByRole('dialog', { name: 'Settings' }).getByRole('textbox', { name: 'Name of tag 2' });
  await name.fill('Citation');
  await name.press('Tab');
  await expect(entries(b)).toContainText('Citation');

  // Nothing stale was written back: both tabs, reloaded, show the same.
  await a.reload();
  await b.reload();
  for (const page of [a, b]) {
    await expect(entries(page)).toHaveCount(1);
    await expect(entries(page)).toContainText('Citation');
  }
});

test('two tabs: the same annotation edited in both keeps the newer and shows the other as a conflict', async ({ context }) => {
  const a = await context.newPage();
  await openApp(a);
  await dragSelect(a, 'The White House did not immediately respond');
  await a.keyboard.press('1');
  const b = await context.newPage();
  await openApp(b, { clear: false });
  await expect(entries(b)).toHaveCount(1);

  // Both tabs type a note into the same annotation; A saves first, then B.
  await openEditor(a, /White House/);
  await openEditor(b, /White House/);
  await note(a).fill('Note from tab A');
  await note(b).fill('Note from tab B');
  await note(a).press('Tab');
  await expect(entries(a)).toContainText('Note from tab A');
  await note(b).press('Tab');

  for (const page of [a, b]) {
    await expect(entries(page)).toHaveCount(1);
    await expect(entries(page)).toContainText('Note from tab B');
    await expect(versions(page)).toContainText('Other versions (1)');
    await expect(versions(page)).toContainText('Note from tab A');
  }
  await expect(b.getByText('also changed in another tab')).toBeVisible();

  // The kept version can be chosen instead, in either tab, and the choice reaches the other.
  await versions(a).getByRole('button', { name: 'Use this version' }).click();
  for (const page of [a, b]) {
    await expect(entries(page)).toContainText('Note from tab A');
  }
  await b.reload();
  await expect(entries(b)).toContainText('Note from tab A');
});
