// End-to-end tests: Playwright drives Debian's Chromium against the release build in dist/.
import { defineConfig } from '@playwright/test';

// E2E_PORT lets two checkouts run their suites side by side.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1280, height: 860 },
    acceptDownloads: true,
    // The UI follows the browser's language; the suite reads English unless a test asks for another.
    locale: 'en-US',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
  projects: [
    // Every spec but the phone's, in a desktop window. The README screenshot is `make screenshot`,
    // so `make test` never rewrites the tracked docs/screenshot.png.
    { name: 'desktop', testIgnore: [...(process.env.SCREENSHOT ? [] : ['**/screenshot.spec.ts']), '**/phone.spec.ts'] },
    // A phone: 390x844, touch, a mobile viewport (the same Chromium). Only the phone's specs, so the suite does not run twice.
    { name: 'phone', testMatch: ['**/phone.spec.ts'], use: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } },
  ],
  webServer: {
    command: `node tests/e2e/serve.mjs dist ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
