/**
 * Whose record a step or `evidence.data()` call belongs to. Under `test.concurrent` several tests
 * of one worker run at once, so "the test running now" is not one test: specgate's runner runs each
 * such test's attempt in an async context of its own (own-context.ts), which answers exactly.
 * Without one (browser mode, a project's own runner), a call is attributed only while a single
 * attempt is open; one made while attempts overlap could be any of theirs, so it counts for none
 * of them, and each is marked so that its verdict says why.
 */
import { registry, type RunRecord } from './meta.js'

const runtime = registry()

export function currentRecord(): RunRecord | undefined {
  // a test linked to no clause has a context but no record: its steps are nobody's
  const own = runtime.context?.getStore()
  if (own) return own.specgateRun
  const open = runtime.open
  if (!open || open.size === 0) return undefined
  if (open.size === 1) return open.values().next().value?.specgateRun
  for (const meta of open) if (meta.specgateRun) meta.specgateRun.unattributed = true
  return undefined
}
