/**
 * Vitest test cases -> evidence records. The thin part of the adapter: it only reads what Vitest
 * reports (state, mode, `fails`, retries, errors, meta) and says it in the ledger's words.
 */
import path from 'node:path'
import type { TestCase, TestModule } from 'vitest/node'
import { CONCURRENT_DETAIL, UNATTRIBUTED_DETAIL } from '../../src/ledger/names.js'
import type { Evidence, TestStatus } from '../../src/ledger/schema.js'
import { firstFailedStep } from '../../src/runtime/common/index.js'
import { caseKey } from '../../src/spec/model.js'
import { UNSELECTED_KEY, type ClauseLink, type RunRecord, type SpecgateMeta } from './meta.js'

export interface EvidenceContext {
  root: string
  source: string
  /** errors Vitest reported outside any test (a worker that died says so only here) */
  unhandled: readonly string[]
}

/**
 * A test file's records, each with its keys in code-unit order (the ledger's order, so the evidence
 * thread makes a record's text without a sorted copy). Without Vitest's test locations, `test.line`
 * is left for the evidence thread to find (locate-clauses.ts), off Vitest's main thread.
 */
export function evidenceOfModule(module: TestModule, ctx: EvidenceContext): Evidence[] {
  const file = path.relative(ctx.root, module.moduleId).split(path.sep).join('/')
  const tests = [...module.children.allTests()]
  const unselected = (module.meta() as Record<string, unknown>)[UNSELECTED_KEY]
  // a test the run's filters left out says nothing about its clause (unselected.ts)
  const left = Array.isArray(unselected) ? new Set(unselected) : undefined
  const selected = left ? tests.filter((t) => !left.has(t.id)) : tests
  return selected.flatMap((t) => evidenceOfTest(t, file, ctx))
}

/** `file`: the test's module, root-relative */
function evidenceOfTest(test: TestCase, file: string, ctx: EvidenceContext): Evidence[] {
  const meta = test.meta() as SpecgateMeta
  const link = meta.specgate
  if (!link || typeof link.clause !== 'string') return []
  const run = meta.specgateRun
  const outcome = outcomeOf(test, link, ctx)
  const steps = run && run.steps.length > 0 ? run.steps : null
  const diagnostic = test.diagnostic()
  const failure = outcome.message === undefined ? undefined : { message: outcome.message, step: firstFailedStep(steps) }
  const key = caseKey(link.clause, link.row)
  return [{
    assertions: outcome.ran ? (run?.assertions ?? null) : null,
    attachments: [],
    caseKey: key,
    clauseHash: typeof link.hash === 'string' ? link.hash : undefined,
    clauseId: link.clause,
    data: run && run.observed.length > 0 ? { emptyMarkers: [], observed: run.observed } : undefined,
    detail: outcome.detail ?? (outcome.ran ? concurrencyOf(run) : undefined),
    durationMs: Math.max(0, diagnostic?.duration ?? 0),
    failure: failure && (failure.step ? { message: failure.message, step: failure.step } : { message: failure.message }),
    flaky: diagnostic?.flaky ?? false,
    retries: diagnostic?.retryCount ?? 0,
    runner: 'vitest',
    skeleton: link.skeleton === true,
    source: ctx.source,
    status: outcome.status,
    steps,
    test: {
      column: test.location?.column,
      file,
      line: test.location?.line,
      project: test.project.name || undefined,
      title: test.fullName,
    },
  }]
}

/** Whether the test ran beside others in its worker, and what of its evidence could not be told apart then (see current-record.ts). */
function concurrencyOf(run: RunRecord | undefined): string | undefined {
  if (run?.unattributed) return UNATTRIBUTED_DETAIL
  return run?.concurrent ? CONCURRENT_DETAIL : undefined
}

interface Outcome {
  status: TestStatus
  detail?: string
  message?: string
  /** the body ran, so assertions and steps mean something */
  ran: boolean
}

const TIMEOUT = /^Test timed out in \d+ms/
/** Vitest turns process.exit() inside a test into this error */
const EXIT = /^process\.exit unexpectedly called/

function outcomeOf(test: TestCase, link: ClauseLink, ctx: EvidenceContext): Outcome {
  const result = test.result()
  const fails = test.options.fails === true
  switch (result.state) {
    case 'passed':
      // a `fails` test passes when its body fails: the clause is known not to hold yet
      return fails ? { status: 'pending', detail: 'fails', ran: true } : { status: 'passed', ran: true }
    case 'failed': {
      const message = result.errors.map((e) => e.message).join('\n') || 'failed without an error message'
      if (TIMEOUT.test(message)) return { status: 'timedOut', detail: 'timeout', message, ran: true }
      if (EXIT.test(message)) return { status: 'failed', detail: 'crash', message, ran: true }
      return { status: 'failed', detail: fails ? 'fails: passed although marked fails' : undefined, message, ran: true }
    }
    case 'skipped':
      if (test.options.mode === 'todo') return link.skeleton ? { status: 'pending', detail: 'skeleton', ran: false } : { status: 'todo', ran: false }
      return { status: 'skipped', detail: result.note ? `skip: ${result.note}` : 'skip', ran: false }
    case 'pending':
      return notRun(test, ctx)
  }
}

/** The test never finished: its worker died, or the run was cut short. Never lost: it counts as failed. */
function notRun(test: TestCase, ctx: EvidenceContext): Outcome {
  const errors = [...test.module.errors().map((e) => e.message), ...ctx.unhandled]
  if (errors.length > 0 || test.module.state() === 'failed') {
    const message = `the test never finished: ${errors.join('\n') || 'its test file failed'}`
    return { status: 'failed', detail: 'crash', message, ran: false }
  }
  return { status: 'interrupted', detail: 'not run', message: 'the run ended before this test finished', ran: false }
}
