// The Content-Security-Policy as served: no remote source, inline script only by the hash of the build's own bootstrap, and enforced (an injected script or handler is blocked).
import { test, expect, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { openApp, appReady, watchCsp } from './helpers';

/** The policy's directives, each with its sources. */
function directives(policy: string) {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name, sources]));
}

/** The bodies of the inline scripts a browser would run (no src; classic or module; data blocks such as the inlined wasm are not scripts). */
function inlineScripts(html: string) {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attrs]) => !/\bsrc=/i.test(attrs))
    .filter(([, attrs]) => { const type = /\btype="([^"]*)"/i.exec(attrs)?.[1]; return !type || /^(module|text\/javascript)$/i.test(type); })
    .map((m) => m[2]);
}

function checkPolicy(policy: string, html: string) {
  const d = directives(policy);
  expect(d.get('default-src')).toEqual(["'none'"]);
  expect(d.get('base-uri')).toEqual(["'none'"]);
  expect(d.get('form-action')).toEqual(["'none'"]);
  for (const [name, sources] of d) {
    for (const source of sources) {
      // No remote source, no wildcard, nothing that lets inline or eval'd script run.
      expect(source, `${name} ${source}`).toMatch(/^('self'|'none'|'wasm-unsafe-eval'|'sha256-[A-Za-z0-9+/=]+'|data:|blob:)$/);
      expect(source).not.toMatch(/unsafe-inline|^'unsafe-eval'|https?:|\*/);
    }
  }
  // Inline script only by hash, and exactly the build's own inline scripts: no spare hash.
  const hashes = (d.get('script-src') ?? []).filter((s) => s.startsWith("'sha256-")).sort();
  const built = inlineScripts(html).map((body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`).sort();
  expect(built.length).toBeGreaterThan(0);
  expect(hashes).toEqual([...new Set(built)].sort());
}

/** Injects a script element and an inline handler as a payload that reached the DOM would; both must be blocked. */
async function checkEnforced(page: Page, violations: () => Promise<string[]>) {
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__ran = "script"';
    document.body.append(script);
    const button = document.createElement('button');
    button.setAttribute('onclick', 'window.__ran = "handler"');
    document.body.append(button);
    button.click();
    button.remove();
  });
  expect(await page.evaluate(() => (window as any).__ran)).toBeUndefined();
  // Violation events arrive in a task of their own, a moment later on a busy machine.
  await expect.poll(async () => (await violations()).some((v) => v.startsWith('script-src-elem blocked inline'))).toBe(true);
  await expect.poll(async () => (await violations()).some((v) => v.startsWith('script-src-attr blocked inline'))).toBe(true);
}

test('served site: the CSP has no remote source, only the bootstrap by hash, and the app runs under it', async ({ page, request }) => {
  const violations = await watchCsp(page);
  const served = await (await request.get('./')).text();
  await openApp(page);
  const policy = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'))!;
  checkPolicy(policy, served);
  // The app runs under it: annotating works and nothing was blocked.
  await page.getByRole('button', { name: 'Help' }).click();
  await page.keyboard.press('Escape');
  // So does the class view's module, imported from this site when it opens.
  await page.getByRole('button', { name: 'Class', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Class view' }).getByRole('button', { name: 'Add student files' })).toBeVisible();
  await page.keyboard.press('Escape');
  expect(await violations()).toEqual([]);
  await checkEnforced(page, violations);
});

test('single file: the same promises hold from file://', async ({ page }) => {
  const file = resolve('dist/marginalia.html');
  const html = readFileSync(file, 'utf8');
  const violations = await watchCsp(page);
  await page.goto(pathToFileURL(file).href);
  await appReady(page);
  const policy = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'))!;
  const d = directives(policy);
  expect(d.get('default-src')).toEqual(["'none'"]);
  for (const [name, sources] of d) for (const s of sources) expect(s, `${name} ${s}`).not.toMatch(/unsafe-inline|^'unsafe-eval'|https?:|\*/);
  // Every inline script of the file is allowed by its hash, and no hash is spare.
  const hashes = (d.get('script-src') ?? []).filter((s) => s.startsWith("'sha256-")).sort();
  const built = inlineScripts(html).map((body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  expect(hashes).toEqual([...new Set(built)].sort());
  // The class view's module is one of those inline scripts, not a data: or blob: script.
  expect((d.get('script-src') ?? []).filter((s) => /^(data|blob):$/.test(s))).toEqual([]);
  await page.getByRole('button', { name: 'Class', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Class view' }).getByRole('button', { name: 'Add student files' })).toBeVisible();
  expect(await violations()).toEqual([]);
  await checkEnforced(page, violations);
});
