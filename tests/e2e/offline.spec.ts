// Offline: the served site contacts no other host, obeys its CSP, works with the network off, installs, and updates cleanly.
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, test, expect, type Page } from '@playwright/test';
import {
  appReady, openApp, dragSelect, highlightTexts, startHost, textBox, watchCsp, waitForServiceWorker,
  exportAs,
} from './helpers';

const sidebar = (page) => page.getByRole('complementary', { name: 'Annotations' });

test('no request to another host and no CSP violation, from the first load on', async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  // Context-wide: page, service worker and preloads alike.
  context.on('request', (r) => {
    const url = new URL(r.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) foreign.push(r.url());
  });
  const violations = await watchCsp(page);
  await openApp(page);

  // Annotate: the toolbar sits just below the selection (placed through the CSSOM, not a style attribute).
  const SENTENCE = 'The White House did not immediately respond';
  await dragSelect(page, SENTENCE);
  const toolbar = page.getByRole('toolbar', { name: 'Annotate selection' });
  await expect(toolbar).toBeVisible();
  const below = await textBox(page, SENTENCE);
  const placed = (await toolbar.boundingBox())!;
  expect(placed.y).toBeGreaterThan(below.y2);
  expect(placed.y).toBeLessThan(below.y2 + 60);
  await page.keyboard.press('1');
  // The editor opens below the highlight, also placed through the CSSOM.
  await page.mouse.click(below.x1 + 10, below.y1);
  const editor = page.getByRole('dialog', { name: 'Edit annotation' });
  await expect(editor).toBeVisible();
  expect(Math.abs((await editor.boundingBox())!.y - placed.y)).toBeLessThan(60);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Help' }).click();
  await page.keyboard.press('Escape');
  await exportAs(page, 'Annotation pack');

  await waitForServiceWorker(page);
  await page.reload();
  await expect(sidebar(page).getByRole('listitem')).toHaveCount(1);
  // Served over http, the app never shows the note meant for the single file opened from disk.
  await expect(page.getByText('You opened Marginalia as a file')).toHaveCount(0);

  expect(await violations()).toEqual([]);
  expect(foreign).toEqual([]);
  // The policy that enforces it: nothing by default, scripts only from this site and by hash.
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'none'");
  expect(csp).toMatch(/script-src 'self' 'sha256-[^']+' 'wasm-unsafe-eval'/);
  expect(csp).not.toMatch(/unsafe-inline|https?:|\*/);
});

/** The cache version the post-build step wrote into `<root>/sw.js`. */
async function versionOf(root: string) {
  return /^const VERSION = "([0-9a-f]{16})";$/m.exec(await readFile(join(root, 'sw.js'), 'utf8'))![1];
}

const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

test('after one visit, the app opens and works with the network off, and annotations persist', async ({ page, context }) => {
  await openApp(page);
  await dragSelect(page, 'The White House did not immediately respond');
  await page.keyboard.press('1');
  await waitForServiceWorker(page);

  // Network off: the browser is offline and any request that still reaches the network is aborted.
  await context.setOffline(true);
  await context.route('**', (route) => route.abort('internetdisconnected'));
  const notFromWorker: string[] = [];
  page.on('response', (r) => { if (!r.fromServiceWorker()) notFromWorker.push(r.url()); });
  expect(await page.evaluate(() => fetch(`./not-cached-${Date.now()}`).then(() => 'reached', () => 'failed'))).toBe('failed');

  await page.reload();
  await appReady(page);
  await expect(sidebar(page).getByRole('listitem')).toHaveCount(1);
  await expect.poll(() => highlightTexts(page, 'mg-tag-0')).toEqual(['The White House did not immediately respond']);

  // Still a working annotator: a new annotation, then another offline reload keeps both.
  await dragSelect(page, 'nationalism has surged here');
  await page.keyboard.press('2');
  await page.reload();
  await appReady(page);
  await expect(sidebar(page).getByRole('listitem')).toHaveCount(2);
  await expect.poll(() => highlightTexts(page, 'mg-tag-1')).toEqual(['nationalism has surged here']);
  expect(notFromWorker).toEqual([]);
});

test('from a sub-path of a static host, it keeps working after the host goes away', async ({ page }) => {
  const host = await startHost('dist', '/classes/7b/marginalia/');
  try {
    await openApp(page, { url: host.url });
    await waitForServiceWorker(page);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)).toBe(host.url);
    await dragSelect(page, 'Companies have embraced the red, green and white');
    await page.keyboard.press('3');

    await host.stop();
    expect(await page.evaluate(() => fetch('./index.html?live', { cache: 'no-store' }).then(() => 'reached', () => 'failed')))
      .toBe('failed');
    await page.reload();
    await appReady(page);
    await expect(sidebar(page).getByRole('listitem')).toHaveCount(1);
    await expect.poll(() => highlightTexts(page, 'mg-tag-2')).toEqual(['Companies have embraced the red, green and white']);
  } finally {
    await host.stop();
  }
});

test('a new release replaces the cached one: "An update is ready", Reload, and the old cache is gone', async ({ page }) => {
  const root = await mkdtemp(join(tmpdir(), 'marginalia-release-'));
  await cp('dist', root, { recursive: true });
  const host = await startHost(root);
  try {
    await openApp(page, { url: host.url });
    await dragSelect(page, 'The White House did not immediately respond');
    await page.keyboard.press('1');
    await waitForServiceWorker(page);
    const first = await versionOf(root);
    expect(await cacheNames(page)).toEqual([`marginalia-${first}`]);
    const banner = page.getByRole('status').filter({ hasText: 'An update is ready' });
    await expect(banner).toHaveCount(0);

    // Release 2: a changed page, finished by the same post-build step `make dist` runs.
    const index = join(root, 'index.html');
    await writeFile(index, (await readFile(index, 'utf8')).replace('<title>Marginalia</title>', '<title>Marginalia, release 2</title>'));
    execFileSync('node', ['scripts/postbuild.mjs', root]);
    const second = await versionOf(root);
    expect(second).not.toBe(first);

    // The next visit still runs release 1 from the cache, while the browser installs release 2.
    await page.reload();
    await appReady(page);
    await expect(page).toHaveTitle('Marginalia');
    await expect(banner).toBeVisible({ timeout: 15_000 });
    await banner.getByRole('button', { name: 'Reload' }).click();
    await expect(page).toHaveTitle('Marginalia, release 2');
    await appReady(page);
    await expect(banner).toHaveCount(0);
    await expect.poll(() => cacheNames(page)).toEqual([`marginalia-${second}`]);
    await expect(sidebar(page).getByRole('listitem')).toHaveCount(1);
  } finally {
    await host.stop();
    await rm(root, { recursive: true, force: true });
  }
});

test('installable: a web app manifest with name, icons and theme colour, and a service worker', async ({ baseURL }, testInfo) => {
  // Chromium never offers to install from an incognito context, which is what Playwright's usual
  // contexts are, so this test runs in a real (temporary) profile.
  const profile = await mkdtemp(join(tmpdir(), 'marginalia-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    ...testInfo.project.use.launchOptions, headless: true, baseURL, viewport: testInfo.project.use.viewport,
  });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    await openApp(page);
    await waitForServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const { url, errors, data } = await cdp.send('Page.getAppManifest');
    expect(errors).toEqual([]);
    const manifest = JSON.parse(data!);
    expect(manifest).toMatchObject({
      name: expect.stringContaining('Marginalia'), short_name: 'Marginalia', start_url: './', scope: './',
      display: 'standalone', theme_color: '#1f3a5f', background_color: expect.stringMatching(/^#[0-9a-f]{6}$/),
    });
    const pngSizes: number[] = [];
    for (const icon of manifest.icons) {
      const response = await page.request.get(new URL(icon.src, url).href);
      expect(response.ok(), icon.src).toBe(true);
      if (icon.type === 'image/png') {
        const png = await response.body();
        const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
        expect(`${width}x${height}`).toBe(icon.sizes);
        pngSizes.push(width);
      }
    }
    expect(pngSizes.sort((a, b) => a - b)).toEqual([192, 512]);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});

test('Help links the single file for sharing, and the hosted site serves it', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Help' }).click();
  const help = page.getByRole('dialog', { name: 'How to annotate' });
  await expect(help).toContainText('works with no network');
  const [download] = await Promise.all([
    page.waitForEvent('download'), help.getByRole('link', { name: 'download Marginalia as one file' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('marginalia.html');
  const html = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
  expect(html).toMatch(/^<!DOCTYPE html>/);
  expect(html).toContain('id="marginalia-wasm"');
  expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+rel="stylesheet"/);
});
