import { defineConfig } from '@playwright/test'
import { NEW_TEAM_URL, TEAM_URL } from './e2e/support/servers.js'

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  // specgate's reporter maps each result to its clause and writes a ledger fragment
  reporter: [['specgate/playwright'], ['list']],
  use: {
    baseURL: TEAM_URL,
    browserName: 'chromium',
    // Debian's Chromium (apt-get install -y chromium): nothing is downloaded at run time
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] },
  },
  webServer: [
    {
      // the E2E set-up seeds the team's store (scripts/seed.js), unless TEAM_KEYS_EMPTY=1
      command: `node src/main.js --seed --port ${process.env.TEAM_KEYS_PORT}`,
      url: `${TEAM_URL}/api/_probe`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `node src/main.js --port ${process.env.TEAM_KEYS_NEW_TEAM_PORT}`,
      url: `${NEW_TEAM_URL}/api/_probe`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
})
