// Shared helpers for the end-to-end tests: open the app, find text on screen, drag-select it like a user, watch the CSP, run a host.
import { spawn } from 'node:child_process';
import { expect, type Page } from '@playwright/test';

/**
 * The pending selection's text once it has stopped changing: selection changes reach the app as
 * `selectionchange` tasks after a key press resolves, so a read right after Shift+arrows can see
 * the selection one step behind.
 */
export async function settledPending(page: Page): Promise<string> {
  let last: string | undefined;
  await expect
    .poll(async () => {
      const [now = ''] = await highlightTexts(page, 'mg-pending');
      const settled = now !== '' && now === last;
      last = now;
      return settled;
    }, { intervals: [150, 150, 250, 250, 500] })
    .toBe(true);
  return last ?? '';
}

/** Opens the app (at `url`, by default the test server's root) with empty storage and waits until the article and its highlights are ready. */
export async function openApp(page: Page, { clear = true, url = './' } = {}) {
  await page.goto(url);
  if (clear) {
    await page.evaluate(() => localStorage.clear());
    await page.reload();
  }
  await appReady(page);
}

/** Waits until the article is on screen and its highlights are painted. */
export async function appReady(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForFunction(() => performance.getEntriesByName('marginalia:highlights-painted').length > 0);
}

/** Viewport coordinates just inside the first and last characters of `text` inside the article. */
export async function textBox(page: Page, text: string) {
  const box = await page.evaluate((needle) => {
    for (const el of document.querySelectorAll('[data-block]')) {
      const node = el.firstChild as Text;
      const at = node.data.indexOf(needle);
      if (at < 0) continue;
      el.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const first = range.getClientRects()[0];
      range.setStart(node, at + needle.length - 1);
      range.setEnd(node, at + needle.length);
      const rects = range.getClientRects();
      const last = rects[rects.length - 1];
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    return null;
  }, text);
  if (!box) throw new Error(`text not found in the article: ${text}`);
  return box;
}

/** Selects `text` in the article by a real mouse drag, from inside its first character to inside its last. */
export async function dragSelect(page: Page, text: string) {
  const box = await textBox(page, text);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
  // The app takes the selection from a `selectionchange` task after mouse-up; a key pressed before
  // it runs finds no selection. Wait for the pending highlight a user would see (soft: re-attaching
  // an unplaced annotation takes the selection without one).
  await page
    .waitForFunction(() => ((CSS as any).highlights.get('mg-pending')?.size ?? 0) > 0, null, { timeout: 2_000 })
    .catch(() => {});
}

/** How many ranges a named CSS highlight holds. */
export async function highlightSize(page: Page, name: string) {
  return page.evaluate((n) => (CSS as any).highlights.get(n)?.size ?? -1, name);
}

/** The text of every range in a named CSS highlight. */
export async function highlightTexts(page: Page, name: string) {
  return page.evaluate((n) => {
    const h = (CSS as any).highlights.get(n);
    return h ? [...h].map((r: StaticRange) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    }) : [];
  }, name);
}

/**
 * Records every Content-Security-Policy violation in the page from its first script on;
 * returns a function that reads them (directive and what was blocked).
 */
export async function watchCsp(page: Page) {
  await page.addInitScript(() => {
    (window as any).__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as any).__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  return () => page.evaluate(() => (window as any).__cspViolations as string[]);
}

/**
 * Waits until this release's service worker is active, with every file of the release in its cache,
 * so the next load is served by it. (It need not control this page: when it activates while the page
 * is reloading, the reloaded page stays uncontrolled until its next navigation.)
 */
export async function waitForServiceWorker(page: Page) {
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated', null, { polling: 100 });
}

/**
 * Starts a static host for `root` (tests/e2e/serve.mjs in its own process) under `prefix` on a
 * free port. `stop()` kills it, as when a school's server or Wi-Fi goes away.
 */
export async function startHost(root: string, prefix = '/') {
  const child = spawn(process.execPath, ['tests/e2e/serve.mjs', root, '0', prefix], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((found, failed) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = / at (http:\S+)/.exec(out);
      if (match) found(match[1]);
    });
    child.once('exit', (code) => failed(new Error(`serve.mjs exited with ${code}: ${out}`)));
  });
  const exited = new Promise((done) => child.once('exit', done));
  return {
    url,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await exited;
    },
  };
}

/**
 * Exports through the Export dialog in the format whose button starts with `label`; returns the file's name and text.
 * The pack needs the student's name: when the dialog has none yet, `name` is typed in.
 */
export async function exportAs(page: Page, label: string, name = 'Sam') {
  await page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  const nameField = dialog.getByRole('textbox', { name: /^Your name/ });
  if (label.startsWith('Annotation pack') && (await nameField.inputValue()) === '') await nameField.fill(name);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: new RegExp('^' + label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click(),
  ]);
  return fileOf(download);
}

/** A download's suggested file name and its text. */
export async function fileOf(download: import('@playwright/test').Download) {
  const text = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
  return { name: download.suggestedFilename(), text };
}

/** Chooses `files` in the Import file input and waits for the import report. */
export async function importFiles(page: Page, files: { name: string; text: string }[]) {
  await page.locator('input[type=file][multiple]').setInputFiles(
    files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) })));
  await expect(page.getByRole('dialog', { name: 'Import report' })).toBeVisible();
}

/**
 * From the next page load on, animation frames are held (so work the app does just after a paint waits) until
 * `releaseFrames` lets them run.
 */
export async function holdAnimationFrames(page: Page) {
  await page.addInitScript(() => {
    const real = window.requestAnimationFrame.bind(window);
    const held: FrameRequestCallback[] = [];
    (window as any).__releaseFrames = () => { window.requestAnimationFrame = real; held.splice(0).forEach((f) => real(f)); };
    window.requestAnimationFrame = (f) => { held.push(f); return 0; };
  });
}

/** Runs the animation frames `holdAnimationFrames` held, and lets later ones run as usual. */
export async function releaseFrames(page: Page) {
  await page.evaluate(() => (window as any).__releaseFrames());
}

/** The text of each block of the open article, in block order. */
export async function articleBlocks(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLElement>('article [data-block]')]
    .sort((a, b) => Number(a.dataset.block) - Number(b.dataset.block)).map((b) => b.textContent ?? ''));
}

/**
 * A W3C annotation collection (by position and quote) of annotations generated by bench/lib/gen.mjs over `blocks`;
 * `offsets` are the blocks' code point offsets in the document text.
 */
export function w3cCollection(blocks: string[], offsets: number[], set: { block: number; start: number; end: number; tag: string; note?: string }[]) {
  const items = set.map((x, k) => ({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:uuid:00000000-0000-4000-8000-${String(k + 1).padStart(12, '0')}`,
    type: 'Annotation',
    body: [
      { type: 'TextualBody', purpose: 'tagging', value: x.tag },
      ...(x.note ? [{ type: 'TextualBody', purpose: 'commenting', value: x.note }] : []),
    ],
    target: {
      selector: [
        { type: 'TextQuoteSelector', exact: blocks[x.block].slice(x.start, x.end) },
        { type: 'TextPositionSelector', start: offsets[x.block] + x.start, end: offsets[x.block] + x.end },
      ],
    },
  }));
  return JSON.stringify({ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items } });
}

/** Scrolls the page with a real finger (CDP touch events): Chromium sends pointerdown, then pointercancel, never pointerup. */
export async function fingerScroll(page: Page, fromY: number, toY: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: 200, y: fromY }] });
  for (let step = 1; step <= 10; step++) {
    const y = fromY + ((toY - fromY) * step) / 10;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: 200, y }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
  // A lifted finger leaves the page flinging; a tap during a fling only stops it (no click), as on
  // a real phone, so wait until the page has held still for a few frames.
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        let last = scrollY;
        let still = 0;
        const frame = () => {
          still = scrollY === last ? still + 1 : 0;
          last = scrollY;
          if (still >= 5) done();
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
  );
}

/** Adds an article by pasting `text` into New article (its first line the title) and waits for it on screen. */
export async function newArticle(page: Page, text: string) {
  await page.getByRole('button', { name: 'New article' }).click();
  const dialog = page.getByRole('dialog', { name: 'New article' });
  await dialog.getByRole('textbox', { name: 'Article text' }).fill(text);
  await dialog.getByRole('button', { name: 'Add article' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.split('\n')[0]);
  await page.waitForFunction(() => performance.getEntriesByName('marginalia:highlights-painted').length > 0);
}
