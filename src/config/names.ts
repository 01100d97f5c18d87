/**
 * The names the config speaks of, without zod: modules on the way to every command's work (the
 * verdicts, the ledger reader) import them from here, and zod (50-70 ms to import) loads only where
 * a config or ledger is refused and its problem must be worded.
 */

export const LINT_RULES = [
  'parse-error',
  'missing-id',
  'malformed-id',
  'duplicate-id',
  'unknown-tag',
  'missing-level',
  'conflicting-levels',
  'no-steps',
  'no-outcome',
  'no-error-branch',
  'empty-examples',
  'unknown-placeholder',
  'malformed-requires-data',
  'malformed-covers',
  'unknown-risk',
  'malformed-owner',
] as const
export type LintRule = (typeof LINT_RULES)[number]

export const RUNNERS = ['vitest', 'playwright', 'cucumber'] as const
export type Runner = (typeof RUNNERS)[number]

export const VERDICTS = [
  'accepted', 'failed', 'pending', 'uncovered', 'stale', 'hollow', 'empty-state', 'waived', 'skipped', 'flaky',
] as const
export type Verdict = (typeof VERDICTS)[number]
