/**
 * One test attempt's record, begun when the attempt starts and closed when it ends: the same two
 * steps whether specgate's runner calls them (the default) or the setup file's hooks do (when the
 * project brings its own runner). Every test's attempt is counted open while it runs, linked or
 * not, so that attempts overlapping in one worker (test.concurrent) are known. No I/O: this is
 * Vitest's hot path.
 */
import { expect } from 'vitest'
import { settleSteps } from '../../src/runtime/common/index.js'
import { registry, type RunRecord, type SpecgateMeta } from './meta.js'
import type { ProvidedSpecgate } from './provided.js'

const runtime = registry()
const open = (runtime.open ??= new Set())

/** The tags the plugin declared (clause() passes only these on to Vitest). */
export function useProvidedTags(provided: ProvidedSpecgate | undefined): void {
  runtime.tags = new Set(provided?.tags ?? [])
}

/** A fresh record for a clause-linked test's attempt; a retry starts from nothing again. */
export function beginAttempt(meta: object): void {
  const m = meta as SpecgateMeta
  const record: RunRecord | undefined = m.specgate ? (m.specgateRun = { steps: [], observed: [] }) : undefined
  // a test never overlaps itself: an earlier attempt of it still counted open is over
  open.delete(m)
  if (open.size > 0) overlapping(record)
  open.add(m)
}

/** This attempt and every open one share the worker from now on. */
function overlapping(record: RunRecord | undefined): void {
  if (record) record.concurrent = true
  for (const other of open) if (other.specgateRun) other.specgateRun.concurrent = true
}

export interface AssertionSource {
  expect?: typeof expect
  _local?: boolean
}

/** Settles the steps that never finished and counts the attempt's assertions. */
export function endAttempt(meta: object, context: AssertionSource): void {
  const m = meta as SpecgateMeta
  open.delete(m)
  const record = m.specgateRun
  if (!record) return
  settleSteps(record)
  record.assertions = assertionsOf(record, context)
}

/**
 * The global expect counts `expect()` from vitest, the context's `expect` its own test's. Vitest
 * resets the global count when any attempt starts, so while attempts overlap it holds whichever
 * tests asserted last: only the context's count is this test's then (as Vitest itself says for
 * concurrent tests).
 */
function assertionsOf(record: RunRecord, context: AssertionSource): number {
  const local = context._local && context.expect ? context.expect.getState().assertionCalls : 0
  return record.concurrent ? local : expect.getState().assertionCalls + local
}
