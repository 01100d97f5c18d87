/**
 * SPEC x merged ledger x verdicts -> Cucumber Messages (NDJSON), valid against @cucumber/messages'
 * JSON Schema, so @cucumber/html-formatter and other tools that read messages show specgate's
 * evidence from every runner. Pure and deterministic: ids count up, the clock replays the ledger.
 */
import { IdGenerator, version as protocolVersion } from '@cucumber/messages'
import type * as messages from '@cucumber/messages'
import type { Ledger } from '../ledger/schema.js'
import type { CaseVerdict, Verdicts } from '../ledger/verdict.js'
import type { Spec } from '../spec/model.js'
import { ReplayClock } from './clock.js'
import { compileSpec, type CompiledPickle } from './gherkin-envelopes.js'
import { testCaseEnvelopes, type CaseRun } from './test-case-envelopes.js'

export interface MessagesInput {
  spec: Spec
  ledger: Ledger
  verdicts: Verdicts
  /** the run's outcome (gates passed); default: every clause accepted or waived and no orphans */
  success?: boolean
}

/** Where the messages were made: injected so output is the same bytes on every machine. */
export interface MessagesMeta {
  implementation: messages.Product
  runtime: messages.Product
  os: messages.Product
  cpu: messages.Product
  ci?: messages.Ci
}

export const NEUTRAL_META: MessagesMeta = {
  implementation: { name: 'specgate' },
  runtime: { name: 'node' },
  os: { name: 'unknown' },
  cpu: { name: 'unknown' },
}

export function renderMessages(input: MessagesInput, meta: MessagesMeta = NEUTRAL_META): string {
  return buildEnvelopes(input, meta).map((e) => JSON.stringify(e)).join('\n') + '\n'
}

export function buildEnvelopes(input: MessagesInput, meta: MessagesMeta = NEUTRAL_META): messages.Envelope[] {
  const newId = IdGenerator.incrementing()
  const clock = new ReplayClock(startOf(input.ledger))
  const compiled = compileSpec(input.spec, newId)
  const testRunStartedId = newId()
  const verdictHook: messages.Hook = { id: newId(), name: 'specgate verdict', sourceReference: {}, type: 'AFTER_TEST_CASE' as messages.HookType }
  const runStarted: messages.Envelope = { testRunStarted: { id: testRunStartedId, timestamp: clock.now() } }
  const cases = caseRuns(compiled.pickles, input.verdicts).map((run) => testCaseEnvelopes(run, testRunStartedId, verdictHook.id, newId, clock))
  const finished: messages.Envelope = { testRunFinished: { testRunStartedId, success: input.success ?? succeeded(input.verdicts), timestamp: clock.now() } }
  return [
    { meta: { protocolVersion, ...meta } },
    ...compiled.envelopes,
    { hook: verdictHook },
    ...cases.flatMap((c) => c.hooks),
    runStarted,
    ...cases.map((c) => c.testCase),
    ...cases.flatMap((c) => c.execution),
    finished,
  ]
}

/** One test case per (case, evidence); a case without evidence still gets one, for its verdict. */
function caseRuns(pickles: readonly CompiledPickle[], verdicts: Verdicts): CaseRun[] {
  const byCase = new Map<string, CaseVerdict>()
  for (const cv of verdicts.clauses) for (const c of cv.cases) byCase.set(c.key, c)
  const runs: CaseRun[] = []
  for (const { pickle, linked } of pickles) {
    const verdict = linked && byCase.get(linked.case.key)
    if (!verdict) continue
    if (verdict.evidence.length === 0) runs.push({ pickle, verdict })
    for (const evidence of verdict.evidence) runs.push({ pickle, verdict, evidence })
  }
  return runs
}

function succeeded(verdicts: Verdicts): boolean {
  return verdicts.orphans.length === 0 && verdicts.clauses.every((c) => c.verdict === 'accepted' || c.verdict === 'waived')
}

/** The earliest fragment's time: a saved ledger replays to the same messages. */
function startOf(ledger: Ledger): number {
  const times = ledger.sources.map((s) => Date.parse(s.createdAt)).filter((t) => Number.isFinite(t))
  return times.length ? Math.min(...times) : 0
}
