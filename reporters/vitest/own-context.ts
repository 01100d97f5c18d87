/**
 * Whose a step is while tests of one worker overlap: each attempt of a test that may run beside
 * others holds its test's `meta` in an async context from the moment it starts, so its beforeEach
 * hooks, its function and its afterEach hooks all see it, and a test linked to no clause holds one
 * too (its steps are nobody's, and cost no one else theirs).
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import type { SpecgateMeta } from './meta.js'

const storage = new AsyncLocalStorage<SpecgateMeta | undefined>()

export const ownContext = { getStore: (): SpecgateMeta | undefined => storage.getStore() }

/** From here on, in this attempt's async context, steps are `meta`'s test's. */
export function enterOwnContext(meta: object): void {
  storage.enterWith(meta as SpecgateMeta)
}

export function leaveOwnContext(): void {
  storage.enterWith(undefined)
}
