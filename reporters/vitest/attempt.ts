/**
 * One test attempt's record, begun when the attempt starts and closed when it ends: the same two
 * steps whether specgate's runner calls them (the default) or the setup file's hooks do (when the
 * project brings its own runner). No I/O: this is Vitest's hot path.
 */
import { expect } from 'vitest'
import { settleSteps } from '../../src/runtime/common/index.js'
import { registry, type RunRecord, type SpecgateMeta } from './meta.js'
import type { ProvidedSpecgate } from './provided.js'

const runtime = registry()

/** The tags the plugin declared (clause() passes only these on to Vitest). */
export function useProvidedTags(provided: ProvidedSpecgate | undefined): void {
  runtime.tags = new Set(provided?.tags ?? [])
}

/** A fresh record for a clause-linked test's attempt; a retry starts from nothing again. */
export function beginAttempt(meta: object): void {
  const m = meta as SpecgateMeta
  if (!m.specgate) return
  const record: RunRecord = { steps: [], observed: [] }
  m.specgateRun = record
  runtime.current = record
}

export interface AssertionSource {
  expect?: typeof expect
  _local?: boolean
}

/** Settles the steps that never finished and counts the attempt's assertions. */
export function endAttempt(meta: object, context: AssertionSource): void {
  const record = (meta as SpecgateMeta).specgateRun
  if (!record) return
  settleSteps(record)
  // the global expect counts `expect()` from vitest; a test using its context's `expect` counts there
  const local = context._local && context.expect ? context.expect.getState().assertionCalls : 0
  record.assertions = expect.getState().assertionCalls + local
  if (runtime.current === record) runtime.current = undefined
}
