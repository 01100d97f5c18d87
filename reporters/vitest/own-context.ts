/**
 * Whose a step is while tests of one worker overlap: each attempt of a test that may run beside
 * others holds its test's `meta` in an async context from the moment it starts, so its beforeEach
 * hooks, its function and its afterEach hooks all see it, and a test linked to no clause holds one
 * too (its steps are nobody's, and cost no one else theirs). Node 20's AsyncLocalStorage, once
 * used, tracks every promise of the worker from then on (2M awaits: 106-121 ms before, 296-311 ms
 * after, 104-113 ms after `disable()`), so it is disabled whenever no attempt holds it, and
 * ordinary suites after a concurrent one do not pay for it.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import type { SpecgateMeta } from './meta.js'

const storage = new AsyncLocalStorage<SpecgateMeta | undefined>()
/** the attempts holding a context now */
const holders = new Set<SpecgateMeta>()

/** The store itself, as the steps ask it: `getStore()` is the meta of the attempt whose context this is. */
export const ownContext: { getStore(): SpecgateMeta | undefined } = storage

/** From here on, in this attempt's async context, steps are `meta`'s test's. */
export function enterOwnContext(meta: SpecgateMeta): void {
  holders.add(meta)
  storage.enterWith(meta)
}

export function leaveOwnContext(meta: SpecgateMeta): void {
  if (!holders.delete(meta)) return
  storage.enterWith(undefined)
  if (holders.size === 0) storage.disable()
}
