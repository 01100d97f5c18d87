import { defineConfig } from '@playwright/test'

// specgate's own E2E tests (report.html in Chromium), run by `npm test` after Vitest, with
// specgate's own Playwright reporter: their evidence joins the Vitest run's in `specgate check`.
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: '.tmp/playwright-results',
  reporter: [['specgate/playwright'], ['list']],
  use: {
    // Debian's Chromium; nothing is downloaded (as root, Chromium needs --no-sandbox)
    launchOptions: { executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] },
  },
})
