/**
 * The setup file the plugin adds only when the project brings its own Vitest runner (or runs
 * benchmarks or in a browser), where specgate's runner cannot take part: the same attempt record,
 * through two hooks per test instead.
 */
import { afterEach, beforeEach, inject } from 'vitest'
import { beginAttempt, endAttempt, useProvidedTags, type AssertionSource } from './attempt.js'
import type { ProvidedSpecgate } from './provided.js'

useProvidedTags((inject as (key: string) => ProvidedSpecgate | undefined)('specgate'))

interface HookContext extends AssertionSource {
  task: { meta: object }
}

beforeEach((context) => {
  beginAttempt((context as unknown as HookContext).task.meta)
})

afterEach((context) => {
  const ctx = context as unknown as HookContext
  endAttempt(ctx.task.meta, ctx)
})
