/** The ledger's version and status names, without zod (see config/names.ts). */

export const LEDGER_SCHEMA_VERSION = 1

export const TEST_STATUSES = ['passed', 'failed', 'timedOut', 'interrupted', 'skipped', 'todo', 'pending'] as const
export const STEP_STATUSES = ['passed', 'failed', 'skipped', 'pending', 'undefined', 'ambiguous', 'not-run'] as const
