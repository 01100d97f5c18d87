/**
 * Cucumber step results -> specgate statuses. Each Cucumber status stays distinguishable: undefined
 * and pending scenarios are `pending` with the reason in `detail`, ambiguous ones `failed`, so none of
 * them can ever be accepted.
 */
import { getWorstTestStepResult } from '@cucumber/messages'
import type * as messages from '@cucumber/messages'
import type { StepStatus, TestStatus } from '../../src/ledger/schema.js'

export function stepStatus(s: messages.TestStepResultStatus): StepStatus {
  switch (s) {
    case 'PASSED': return 'passed'
    case 'FAILED': return 'failed'
    case 'PENDING': return 'pending'
    case 'UNDEFINED': return 'undefined'
    case 'AMBIGUOUS': return 'ambiguous'
    case 'SKIPPED': return 'skipped'
    default: return 'not-run'
  }
}

export interface CaseOutcome {
  status: TestStatus
  detail?: string
}

/** The outcome of a scenario from its worst step result (Cucumber's own order: failed > ambiguous > undefined > pending > skipped). */
export function caseOutcome(results: readonly messages.TestStepResult[], finished: boolean): CaseOutcome {
  if (!finished) return { status: 'interrupted' }
  // Cucumber passes a scenario with no steps; the verdict (hollow) is the judge's call, not ours.
  if (results.length === 0) return { status: 'passed' }
  switch (getWorstTestStepResult(results).status) {
    case 'PASSED': return { status: 'passed' }
    case 'FAILED': return { status: 'failed' }
    case 'AMBIGUOUS': return { status: 'failed', detail: 'ambiguous' }
    case 'UNDEFINED': return { status: 'pending', detail: 'undefined' }
    case 'PENDING': return { status: 'pending', detail: 'pending step' }
    case 'SKIPPED': return { status: 'skipped', detail: 'a step or hook returned skipped' }
    default: return { status: 'interrupted', detail: 'unknown' }
  }
}
