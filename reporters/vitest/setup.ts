/**
 * The setup file the plugin adds: it runs in each test worker, gives every test attempt a fresh
 * run record in `task.meta`, and counts the attempt's assertions when it ends. Two hooks per test,
 * no I/O: this is Vitest's hot path.
 */
import { afterEach, beforeEach, expect, inject } from 'vitest'
import { settleSteps } from '../../src/runtime/common/index.js'
import { registry, type RunRecord, type SpecgateMeta } from './meta.js'
import type { ProvidedSpecgate } from './provided.js'

const runtime = registry()
const provided = (inject as (key: string) => ProvidedSpecgate | undefined)('specgate')
runtime.tags = new Set(provided?.tags ?? [])

interface HookContext {
  task: { meta: object }
  expect?: typeof expect
  _local?: boolean
}

beforeEach((context) => {
  const meta = (context as unknown as HookContext).task.meta as SpecgateMeta
  if (!meta.specgate) return
  const record: RunRecord = { steps: [], observed: [] }
  meta.specgateRun = record
  runtime.current = record
})

afterEach((context) => {
  const ctx = context as unknown as HookContext
  const record = (ctx.task.meta as SpecgateMeta).specgateRun
  if (!record) return
  settleSteps(record)
  record.assertions = assertionsOf(ctx)
  if (runtime.current === record) runtime.current = undefined
})

/** The global expect counts `expect()` from vitest; a test using its context's `expect` counts there. */
function assertionsOf(ctx: HookContext): number {
  const global = expect.getState().assertionCalls
  const local = ctx._local && ctx.expect ? ctx.expect.getState().assertionCalls : 0
  return global + local
}
