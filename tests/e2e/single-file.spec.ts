// The single file: dist/marginalia.html copied alone to a folder and opened through file://, with the network off.
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect } from '@playwright/test';
import { appReady, dragSelect, exportAs, highlightTexts, watchCsp } from './helpers';

const sidebar = (page) => page.getByRole('complementary', { name: 'Annotations' });
const SENTENCE = 'Mexico is "essentially run by the cartels," Trump said earlier this year';

let folder: string;
let fileUrl: string;

// Like a file from a USB stick or an email: nothing else from dist/ beside it.
test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'marginalia-usb-'));
  const file = join(folder, 'marginalia.html');
  await copyFile('dist/marginalia.html', file);
  fileUrl = pathToFileURL(file).href;
});

test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

test('opened from file://: annotate, reload, export, with no network and no CSP violation', async ({ page, context }) => {
  const network: string[] = [];
  context.on('request', (r) => { if (!/^(file|data|blob):/.test(r.url())) network.push(r.url()); });
  await context.setOffline(true);
  await context.route('**', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
  const violations = await watchCsp(page);

  await page.goto(fileUrl);
  await appReady(page);
  // One file: no link, script or stylesheet points anywhere, and the inlined wasm has been consumed.
  expect(await page.locator('script[src], link[rel="stylesheet"], link[rel="manifest"], link[rel="modulepreload"]').count()).toBe(0);
  expect(await page.locator('#marginalia-wasm').count()).toBe(0);
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain("default-src 'none'");

  await dragSelect(page, SENTENCE);
  const toolbar = page.getByRole('toolbar', { name: 'Annotate selection' });
  await toolbar.getByRole('textbox', { name: 'Note' }).fill('Check the source');
  await toolbar.getByRole('button', { name: 'Claim' }).click();
  await expect(sidebar(page).getByRole('listitem')).toHaveCount(1);

  await page.reload();
  await appReady(page);
  const entry = sidebar(page).getByRole('listitem');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Check the source');
  await expect.poll(() => highlightTexts(page, 'mg-tag-0')).toEqual([SENTENCE]);

  const exported = JSON.parse((await exportAs(page, 'Annotation pack')).text);
  expect(exported.format).toBe('marginalia-pack');
  expect(exported.annotations).toHaveLength(1);
  expect(exported.annotations[0].target.exact).toBe(SENTENCE);
  expect(exported.annotations[0].note).toBe('Check the source');

  expect(await violations()).toEqual([]);
  expect(network).toEqual([]);
});

test('from a file, the app says storage is shared by local files and the export file is the backup', async ({ page }) => {
  await page.goto(fileUrl);
  await appReady(page);
  const note = page.getByRole('note', { name: 'Opened as a file' });
  await expect(note).toContainText('You opened Marginalia as a file');
  await expect(note).toContainText('every file opened in this browser from this computer shares');
  await expect(note).toContainText('The export file is your backup');
  // Its own Export now button saves the file; "Got it" puts the note away.
  const [download] = await Promise.all([page.waitForEvent('download'), note.getByRole('button', { name: 'Export now' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  await note.getByRole('button', { name: 'Got it' }).click();
  await expect(note).toHaveCount(0);
  // Its help says what this file is, and links no other file.
  await page.getByRole('button', { name: 'Help' }).click();
  const help = page.getByRole('dialog', { name: 'How to annotate' });
  await expect(help).toContainText('This is Marginalia as one file');
  await expect(help.getByRole('link')).toHaveCount(0);
  await page.keyboard.press('Escape');
  // A file page never registers a service worker (browsers offer none to file:// anyway).
  expect(await page.evaluate(() => 'serviceWorker' in navigator && navigator.serviceWorker.controller !== null)).toBe(false);
});
