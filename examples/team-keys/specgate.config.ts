import { defineConfig } from 'specgate'

export default defineConfig({
  features: ['features/**/*.feature'],
  ids: {
    prefixes: {
      'features/key-status.feature': 'KEYS',
      'features/cost.feature': 'COST',
      'features/pages.feature': 'PAGE',
    },
  },
  // where `specgate generate` puts skeletons, and where `status` looks for tests
  generate: { vitestDir: 'test', playwrightDir: 'e2e' },
  tests: ['test/**/*.test.ts', 'e2e/**/*.spec.ts'],
  e2e: {
    // read before every E2E test; relative to the Playwright project's baseURL
    probe: '/api/_probe',
    // the page's own API calls: a response with rows counts as data seen, `[]` as empty
    api: ['/api/'],
  },
})
