/**
 * What travels in a Vitest test's `meta` (serialized with the task, so it survives --shard, blob
 * reports and --merge-reports): the clause link, set by `clause()`, and the run record, filled by
 * the setup file while the test runs.
 */
import type { StepEvidence } from '../../src/ledger/schema.js'
import type { ObservedData } from '../../src/runtime/common/index.js'

export interface ClauseLink {
  clause: string
  hash: string
  row?: number
  skeleton?: boolean
}

export interface RunRecord {
  steps: StepEvidence[]
  observed: ObservedData[]
  /** assertions of the last attempt; undefined until the attempt ended */
  assertions?: number
  /** another test's attempt ran in this worker at the same time (test.concurrent): the global expect's count was shared */
  concurrent?: boolean
  /** a step or evidence.data() came while attempts overlapped, with no per-test context to say whose: refused */
  unattributed?: boolean
}

/** The key of a test file's `meta` listing the tests the run's filters left out (unselected.ts) */
export const UNSELECTED_KEY = 'specgateUnselected'

export interface SpecgateMeta {
  specgate?: ClauseLink
  specgateRun?: RunRecord
}

/** Shared between the helpers, the setup file and any second copy of either (global, not module state). */
export interface RuntimeRegistry {
  /** the attempts running now in this worker, by their test's meta (every test's, linked or not) */
  open?: Set<SpecgateMeta>
  /** the test whose attempt runs in this async context (specgate's runner, in Node; see own-context.ts) */
  context?: { getStore(): SpecgateMeta | undefined }
  /** tags the Vitest config declares; clause() passes only these (Vitest rejects undeclared tags) */
  tags?: ReadonlySet<string>
}

const KEY = Symbol.for('specgate.vitest.runtime')

export function registry(): RuntimeRegistry {
  const g = globalThis as { [KEY]?: RuntimeRegistry }
  return (g[KEY] ??= {})
}

// Vitest types a test's `meta` option as Partial<TaskMeta>; declaring specgate's keys there lets
// `test(name, clause(...), fn)` type-check in users' projects.
declare module '@vitest/runner' {
  interface TaskMeta extends SpecgateMeta {}
}
