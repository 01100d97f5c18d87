/**
 * What one running test records about itself, whatever the runner: the steps it passed through
 * and the data it saw. Adapters keep one record per test attempt and copy it into their evidence.
 */
import type { StepEvidence } from '../../ledger/schema.js'

export interface ObservedData {
  entity: string
  count: number
  source?: string
}

export interface TestRecord {
  /** in start order; a step is `pending` while its body runs */
  steps: StepEvidence[]
  observed: ObservedData[]
}

export function newTestRecord(): TestRecord {
  return { steps: [], observed: [] }
}

/** A step still `pending` when its test ended never finished (the test timed out or was torn down). */
export function settleSteps(record: TestRecord): TestRecord {
  for (const s of record.steps) {
    if (s.status !== 'pending') continue
    s.status = 'failed'
    s.error ??= 'the step did not finish before the test ended (timeout?)'
  }
  return record
}

/** The first step that failed, as `Keyword text`. */
export function firstFailedStep(steps: readonly StepEvidence[] | null | undefined): string | undefined {
  const failed = steps?.find((s) => s.status === 'failed')
  return failed ? `${failed.keyword} ${failed.text}` : undefined
}
