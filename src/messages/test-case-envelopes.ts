/**
 * One piece of evidence for one case -> a Cucumber test case and its execution: a hook step for the
 * test that ran (runner, file, title, its own result), the pickle's steps with the statuses the test
 * recorded, and a last step carrying specgate's verdict, so tools that read messages show both.
 */
import type * as messages from '@cucumber/messages'
import type { Evidence } from '../ledger/schema.js'
import type { CaseVerdict } from '../ledger/verdict.js'
import type { ReplayClock } from './clock.js'
import { fromStepStatus, fromTestStatus, fromVerdict } from './statuses.js'

type Status = messages.TestStepResultStatus

export interface CaseRun {
  pickle: messages.Pickle
  verdict: CaseVerdict
  /** the evidence this test case replays; undefined for an uncovered case */
  evidence?: Evidence
}

export interface TestCaseEnvelopes {
  hooks: messages.Envelope[]
  testCase: messages.Envelope
  execution: messages.Envelope[]
}

interface PlannedStep {
  step: messages.TestStep
  result: messages.TestStepResult
  durationMs: number
  attachments: messages.ExternalAttachment[]
}

export function testCaseEnvelopes(run: CaseRun, testRunStartedId: string, verdictHookId: string, newId: () => string, clock: ReplayClock): TestCaseEnvelopes {
  const hooks: messages.Envelope[] = []
  const planned: PlannedStep[] = []
  if (run.evidence) {
    const hook = testHook(run.evidence, newId())
    hooks.push({ hook })
    planned.push(testStep(run.evidence, { id: newId(), hookId: hook.id }))
  }
  planned.push(...pickleSteps(run, newId))
  planned.push(verdictStep(run.verdict, { id: newId(), hookId: verdictHookId }))
  const testCase: messages.TestCase = { id: newId(), pickleId: run.pickle.id, testSteps: planned.map((p) => p.step), testRunStartedId }
  return { hooks, testCase: { testCase }, execution: execute(testCase.id, run.evidence, planned, newId, clock) }
}

function testHook(e: Evidence, id: string): messages.Hook {
  const project = e.test.project ? ` [${e.test.project}]` : ''
  return {
    id,
    name: `${e.runner}${project}: ${e.test.title}`,
    sourceReference: { uri: e.test.file, location: e.test.line ? { line: e.test.line, column: e.test.column } : undefined },
    type: 'BEFORE_TEST_CASE' as messages.HookType,
  }
}

/** The test's own result; when a recorded step already shows the failure, the hook stays green. */
function testStep(e: Evidence, step: messages.TestStep): PlannedStep {
  const status = fromTestStatus(e.status)
  const shownByStep = (e.steps ?? []).some((s) => fromStepStatus(s.status) === status)
  const own: Status = shownByStep ? 'PASSED' as Status : status
  const message = own === 'PASSED' ? undefined : testMessage(e)
  const attachments = e.attachments.map((a) => ({ url: a.path ?? a.name, mediaType: a.contentType }))
  return { step, result: result(own, message), durationMs: e.steps === null ? e.durationMs : 0, attachments }
}

function testMessage(e: Evidence): string {
  const detail = e.detail ? ` (${e.detail})` : ''
  return `${e.status}${detail}${e.failure ? `: ${e.failure.message}` : ''}`
}

/** Each pickle step takes the status of the recorded step with its text, in order; unrecorded ones did not run. */
function pickleSteps(run: CaseRun, newId: () => string): PlannedStep[] {
  const recorded = run.evidence?.steps
  let at = 0
  return run.pickle.steps.map((ps) => {
    const step = { id: newId(), pickleStepId: ps.id, stepDefinitionIds: [], stepMatchArgumentsLists: [] }
    if (!recorded) return { step, result: result('UNKNOWN' as Status), durationMs: 0, attachments: [] }
    const found = recorded.findIndex((s, i) => i >= at && s.text === ps.text)
    if (found < 0) return { step, result: result('SKIPPED' as Status), durationMs: 0, attachments: [] }
    at = found + 1
    const rec = recorded[found]!
    return { step, result: result(fromStepStatus(rec.status), rec.error), durationMs: rec.durationMs ?? 0, attachments: [] }
  })
}

function verdictStep(v: CaseVerdict, step: messages.TestStep): PlannedStep {
  const status = fromVerdict(v.verdict)
  const why = v.reasons.length ? `: ${v.reasons.join('; ')}` : ''
  const message = status === 'PASSED' && v.verdict === 'accepted' ? undefined : `specgate verdict for ${v.key}: ${v.verdict}${why}`
  return { step, result: result(status, message), durationMs: 0, attachments: [] }
}

function result(status: Status, message?: string): messages.TestStepResult {
  return { status, duration: { seconds: 0, nanos: 0 }, ...(message ? { message } : {}) }
}

function execute(testCaseId: string, e: Evidence | undefined, planned: PlannedStep[], newId: () => string, clock: ReplayClock): messages.Envelope[] {
  const testCaseStartedId = newId()
  const out: messages.Envelope[] = [{ testCaseStarted: { id: testCaseStartedId, testCaseId, attempt: e?.retries ?? 0, timestamp: clock.now() } }]
  for (const p of planned) {
    out.push({ testStepStarted: { testCaseStartedId, testStepId: p.step.id, timestamp: clock.now() } })
    for (const a of p.attachments) out.push({ externalAttachment: { ...a, testCaseStartedId, testStepId: p.step.id, timestamp: clock.now() } })
    const duration = clock.advance(p.durationMs)
    out.push({ testStepFinished: { testCaseStartedId, testStepId: p.step.id, testStepResult: { ...p.result, duration }, timestamp: clock.now() } })
  }
  out.push({ testCaseFinished: { testCaseStartedId, timestamp: clock.now(), willBeRetried: false } })
  return out
}
