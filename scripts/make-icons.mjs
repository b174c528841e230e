// Renders www/icon.svg to the PNG app icons (192 and 512 px) with Debian's Chromium; run once, the PNGs are committed.
//
// Usage: node scripts/make-icons.mjs   (needs @playwright/test from `npm ci` and /usr/bin/chromium)
import { readFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';

const svg = await readFile('www/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const url = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img src="${url}" width="${size}" height="${size}">`);
    await page.locator('img').evaluate((img) => img.decode());
    await page.screenshot({ path: `www/icon-${size}.png`, omitBackground: true });
    await page.close();
    console.log(`wrote www/icon-${size}.png`);
  }
} finally {
  await browser.close();
}
