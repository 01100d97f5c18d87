/** specgate statuses and verdicts in Cucumber's words (TestStepResultStatus). */
import type * as messages from '@cucumber/messages'
import type { Verdict } from '../config/schema.js'
import type { StepStatus, TestStatus } from '../ledger/schema.js'

type Status = messages.TestStepResultStatus

export function fromStepStatus(s: StepStatus): Status {
  switch (s) {
    case 'passed': return 'PASSED' as Status
    case 'failed': return 'FAILED' as Status
    case 'pending': return 'PENDING' as Status
    case 'undefined': return 'UNDEFINED' as Status
    case 'ambiguous': return 'AMBIGUOUS' as Status
    case 'skipped':
    case 'not-run': return 'SKIPPED' as Status
  }
}

export function fromTestStatus(s: TestStatus): Status {
  switch (s) {
    case 'passed': return 'PASSED' as Status
    case 'skipped': return 'SKIPPED' as Status
    case 'todo':
    case 'pending': return 'PENDING' as Status
    default: return 'FAILED' as Status
  }
}

/** The verdict step: uncovered reads as Cucumber's "undefined" (nothing implements the clause). */
export function fromVerdict(v: Verdict): Status {
  switch (v) {
    case 'accepted':
    case 'waived':
    case 'flaky': return 'PASSED' as Status
    case 'pending': return 'PENDING' as Status
    case 'skipped': return 'SKIPPED' as Status
    case 'uncovered': return 'UNDEFINED' as Status
    default: return 'FAILED' as Status
  }
}
