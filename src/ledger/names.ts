/** The ledger's version and status names, without zod (see config/names.ts). */

export const LEDGER_SCHEMA_VERSION = 1

export const TEST_STATUSES = ['passed', 'failed', 'timedOut', 'interrupted', 'skipped', 'todo', 'pending'] as const
export const STEP_STATUSES = ['passed', 'failed', 'skipped', 'pending', 'undefined', 'ambiguous', 'not-run'] as const

/**
 * Evidence `detail` of a test that ran beside other tests in one worker (Vitest's test.concurrent):
 * only the assertions of its test context's `expect` are its own.
 */
export const CONCURRENT_DETAIL = 'concurrent'
/** ... and steps or data were recorded while it overlapped others, with no way to tell whose: none count. */
export const UNATTRIBUTED_DETAIL = 'concurrent: steps or data not attributable'
