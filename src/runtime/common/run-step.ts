/**
 * Runs one Given/When/Then step body and records it: `pending` while it runs, then `passed` or
 * `failed`. The error is always rethrown: recording must never hide a failure.
 */
import type { StepEvidence } from '../../ledger/schema.js'
import type { StepArgument, StepBody } from './step-args.js'
import type { TestRecord } from './test-record.js'

/** Lets a runner wrap the body (Playwright's `test.step`). */
export type StepWrapper = (title: string, body: () => Promise<unknown>) => Promise<unknown>

export interface StepCall {
  keyword: string
  text: string
  arg: StepArgument
  fn?: StepBody
}

export async function runStep(record: TestRecord | undefined, call: StepCall, wrap?: StepWrapper): Promise<void> {
  // keys in the ledger's (code-unit) order, durationMs held in its place until it is known: the
  // record's text needs no sorted copy then (a failed step's `error` comes last; those are few)
  const step: StepEvidence = { durationMs: undefined, keyword: call.keyword, status: 'pending', text: call.text }
  record?.steps.push(step)
  const started = performance.now()
  const body = async () => (call.fn ? call.fn(call.arg) : undefined)
  try {
    await (wrap ? wrap(`${call.keyword} ${call.text}`, body) : body())
    step.status = 'passed'
  } catch (err) {
    step.status = 'failed'
    step.error = messageOf(err)
    throw err
  } finally {
    step.durationMs = Math.max(0, performance.now() - started)
  }
}

function messageOf(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err)
  return text.split('\n')[0]!.slice(0, 500)
}
