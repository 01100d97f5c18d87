import specgate from 'specgate/vitest'
import { defineConfig } from 'vitest/config'

// specgate proves its own SPEC (features/) through its own plugin: `npm test` ends with the
// per-clause summary, and `specgate check` in CI gates on it.
export default defineConfig({
  plugins: [specgate()],
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    exclude: ['**/node_modules/**', 'test/fixtures/**', '.tmp/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
