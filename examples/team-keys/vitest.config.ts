import { defineConfig } from 'vitest/config'
import specgate from 'specgate/vitest'

export default defineConfig({
  // specgate() records evidence per test (steps, assertions, data), declares the SPEC's tags and
  // writes a ledger fragment to .specgate/ledger at the end of the run
  plugins: [specgate()],
  test: {
    include: ['test/**/*.test.ts'],
    // each integration file opens its own PGlite store: a real Postgres takes a few seconds to start
    hookTimeout: 60_000,
  },
})
