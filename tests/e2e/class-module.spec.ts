// The class view, with the readers of article and annotation files, is a second wasm module: a first visit does not download it, opening the class view does (once), it works offline after one use, says why when it cannot load (an import says so in plain words and changes nothing), and comes inlined in the single file.
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect, type Page } from '@playwright/test';
import { appReady, openApp, waitForServiceWorker, watchCsp } from './helpers';

const classView = (page: Page) => page.getByRole('dialog', { name: 'Class view' });
const openClassView = (page: Page) => page.getByRole('button', { name: 'Class', exact: true }).click();
const isModuleFile = (name: string) => /(^|\/)class-view-[0-9a-f]{16}(\.js|_bg\.wasm)$/.test(name);

/** Paths of this origin the context (page and service worker) fetched, as they arrive. */
function fetched(page: Page, origin: string) {
  const names: string[] = [];
  page.context().on('response', (r) => {
    const url = new URL(r.url());
    if (url.origin === origin) names.push(url.pathname.replace(/^\//, ''));
  });
  return names;
}

test('a first visit\'s page never asks for the module (the service worker keeps it once active); opening the class view loads its JS and wasm, once', async ({ page, baseURL }) => {
  const names = fetched(page, new URL(baseURL!).origin);
  const asked: string[] = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  const violations = await watchCsp(page);
  await openApp(page);
  await waitForServiceWorker(page);
  expect(asked.filter(isModuleFile)).toEqual([]);

  await openClassView(page);
  await expect(classView(page).getByRole('button', { name: 'Add student files' })).toBeVisible();
  // Each as the page gets it and as the service worker fetches it for the page.
  await expect.poll(() => [...new Set(names.filter(isModuleFile).map((n) => n.replace(/-[0-9a-f]{16}/, '')))].sort())
    .toEqual(['class-view.js', 'class-view_bg.wasm']);
  // The close button has focus, and Escape closes the view (the app's keys reach it).
  await expect(classView(page).getByRole('button', { name: 'Back to the article' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(classView(page)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Class', exact: true })).toBeFocused();

  // Opened again, it is there at once from the module already loaded.
  const before = names.length;
  await openClassView(page);
  await expect(classView(page).getByRole('button', { name: 'Add student files' })).toBeVisible();
  expect(names.slice(before).filter(isModuleFile)).toEqual([]);
  await classView(page).getByRole('button', { name: 'Back to the article' }).click();
  await expect(classView(page)).toBeHidden();
  expect(await violations()).toEqual([]);
});

test('the class view speaks the language the app passes it', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'es-MX' });
  const page = await context.newPage();
  await openApp(page);
  await page.getByRole('button', { name: 'Clase', exact: true }).click();
  const view = page.getByRole('dialog', { name: 'Vista de clase' });
  await expect(view.getByRole('button', { name: 'Agregar archivos de estudiantes' })).toBeVisible();
  await expect(view).toContainText('Aún no hay archivos de estudiantes.');
  await view.getByRole('button', { name: 'Volver al artículo' }).click();
  await expect(view).toBeHidden();
  await context.close();
});

const SENTENCE = 'Mexico is "essentially run by the cartels," Trump said earlier this year';
const importReport = (page: Page) => page.getByRole('dialog', { name: 'Import report' });
const entries = (page: Page) => page.getByRole('complementary', { name: 'Annotations' }).getByRole('listitem');

/** Imports a W3C annotation of the sample's SENTENCE tagged Claim, read by the second module. */
async function importAnnotation(page: Page) {
  const annotation = {
    '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:uuid:00000000-0000-4000-8000-000000000001', type: 'Annotation',
    body: [{ type: 'TextualBody', purpose: 'tagging', value: 'Claim' }, { type: 'TextualBody', purpose: 'commenting', value: 'read by the module' }],
    target: { selector: { type: 'TextQuoteSelector', exact: SENTENCE } },
  };
  await page.locator('input[type=file][multiple]').setInputFiles({ name: 'one.jsonld', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(annotation)) });
}

/** Applies the import report's plan and checks the annotation arrived. */
async function applyImport(page: Page) {
  await expect(importReport(page)).toContainText('one.jsonld');
  await importReport(page).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importReport(page)).toBeHidden();
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page)).toContainText('read by the module');
}

/** Takes the network away: the browser is offline and anything that still reaches the network is aborted. */
async function goOffline(page: Page) {
  await page.context().setOffline(true);
  await page.context().route('**', (route) => route.abort('internetdisconnected'));
}

test('opened once, the class view works offline (the service worker kept it)', async ({ page }) => {
  await openApp(page);
  await waitForServiceWorker(page);
  // Under the worker's control, as on any later visit.
  await page.reload();
  await appReady(page);
  await openClassView(page);
  await expect(classView(page).getByRole('button', { name: 'Add student files' })).toBeVisible();

  await goOffline(page);
  await page.reload();
  await appReady(page);
  await openClassView(page);
  await expect(classView(page).getByRole('button', { name: 'Add student files' })).toBeVisible();
  await expect(classView(page)).toContainText('No student files yet');
});

test('offline on the first visit, before the class view was ever opened, it opens: the service worker kept the module', async ({ page }) => {
  await openApp(page);
  await waitForServiceWorker(page);
  await page.reload();
  await appReady(page);
  await goOffline(page);
  await openClassView(page);
  await expect(classView(page).getByRole('button', { name: 'Add student files' })).toBeVisible();
});

test('offline on the first visit, an HTML page and a Markdown file open: their readers come with the kept module', async ({ page }) => {
  await openApp(page);
  await waitForServiceWorker(page);
  await page.reload();
  await appReady(page);
  await goOffline(page);
  const open = page.locator('input[type=file]:not([multiple])');
  const paragraph = (n: number) => `<p>Paragraph ${n} of a page opened with no network at all, read by the second module that the`
    + ' service worker kept after the first visit, with enough words, commas, and sentences of its own, so that the reader'
    + ' takes it for the body of an article rather than for a menu, a caption, or a footer of the page.</p>';
  await open.setInputFiles({ name: 'page.html', mimeType: 'text/html', buffer: Buffer.from(
    `<html><head><title>Offline page</title></head><body><article><h1>Offline page</h1>${[1, 2, 3, 4].map(paragraph).join('')}</article></body></html>`) });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Offline page');
  await open.setInputFiles({ name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from('# Offline notes\n\nSome *Markdown* read offline.\n') });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Offline notes');
  await expect(page.locator('article em')).toHaveText('Markdown');
});

test('offline on the first visit, an annotation file imports: its readers come with the kept module', async ({ page }) => {
  await openApp(page);
  await waitForServiceWorker(page);
  await page.reload();
  await appReady(page);
  await goOffline(page);
  await importAnnotation(page);
  await applyImport(page);
});

test('offline without a service worker, an import says in plain words that nothing was imported; online again, it imports', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ serviceWorkers: 'block', baseURL });
  const page = await context.newPage();
  await openApp(page);
  const stored = () => page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  const before = await stored();
  await goOffline(page);

  await importAnnotation(page);
  const notice = page.locator('.notice');
  await expect(notice).toContainText('Nothing was imported: the part of Marginalia that reads annotation files could not be loaded.');
  await expect(notice).toContainText('connect to the internet once and try again');
  // No address or browser error for people to decipher.
  await expect(notice).not.toContainText(/https?:|\.wasm|\.js\b|TypeError|fetch/);
  await expect(importReport(page)).toHaveCount(0);
  await expect(entries(page)).toHaveCount(0);
  expect(await stored()).toBe(before);

  await page.context().unrouteAll();
  await page.context().setOffline(false);
  await importAnnotation(page);
  await applyImport(page);
  await context.close();
});

test('offline without a service worker, the class view says why it cannot load, and closes', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ serviceWorkers: 'block', baseURL });
  const page = await context.newPage();
  await openApp(page);
  await goOffline(page);

  await openClassView(page);
  await expect(classView(page).getByRole('alert')).toContainText('The class view could not be loaded');
  await expect(classView(page).getByRole('alert')).toContainText('open it once while online');
  await classView(page).getByRole('button', { name: 'Back to the article' }).click();
  await expect(classView(page)).toBeHidden();
  // The app itself still works.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // Back online, the next opening tries again and loads it.
  await page.context().unrouteAll();
  await page.context().setOffline(false);
  await openClassView(page);
  await expect(classView(page).getByRole('button', { name: 'Add student files' })).toBeVisible();
  await context.close();
});

test('offline without a service worker, the help says in plain words that the class figures\' definitions could not be loaded; online again, it shows them', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ serviceWorkers: 'block', baseURL });
  const page = await context.newPage();
  await openApp(page);
  await goOffline(page);
  const help = page.getByRole('dialog', { name: 'How to annotate' });
  await page.getByRole('button', { name: 'Help' }).click();
  await expect(help.getByRole('status')).toContainText('The definitions of the class figures could not be loaded');
  await expect(help.getByRole('status')).not.toContainText(/https?:|\.wasm|\.js\b|TypeError|fetch/);
  // The rest of the help is there.
  await expect(help.getByRole('heading', { name: 'Class view and agreement' })).toBeVisible();
  await help.getByRole('button', { name: 'Close help' }).click();

  await page.context().unrouteAll();
  await page.context().setOffline(false);
  await page.getByRole('button', { name: 'Help' }).click();
  await expect(help.getByRole('heading', { name: "Cohen's kappa (two students)" })).toBeVisible();
  await context.close();
});

test('the single file opened from file:// carries the class view inlined, under its CSP', async ({ page, context }) => {
  const folder = await mkdtemp(join(tmpdir(), 'marginalia-class-'));
  try {
    const file = join(folder, 'marginalia.html');
    await copyFile('dist/marginalia.html', file);
    const network: string[] = [];
    context.on('request', (r) => { if (!/^(file|data|blob):/.test(r.url())) network.push(r.url()); });
    await context.setOffline(true);
    const violations = await watchCsp(page);
    await page.goto(pathToFileURL(file).href);
    await appReady(page);
    // Not started at page load: its wasm is still waiting in its element.
    expect(await page.locator('#marginalia-class-view-wasm').count()).toBe(1);

    await openClassView(page);
    await expect(classView(page).getByRole('button', { name: 'Add student files' })).toBeVisible();
    expect(await page.locator('#marginalia-class-view-wasm').count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect(classView(page)).toBeHidden();
    await openClassView(page);
    await expect(classView(page).getByRole('button', { name: 'Add student files' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(classView(page)).toBeHidden();
    // The annotation file readers come from the same inlined module.
    await importAnnotation(page);
    await applyImport(page);
    // So does the Markdown reader (the inlined module hands over every function the app calls).
    await page.locator('input[type=file]:not([multiple])').setInputFiles({ name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from('# Single-file notes\n\nSome *Markdown*.\n') });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Single-file notes');
    expect(await violations()).toEqual([]);
    expect(network).toEqual([]);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
