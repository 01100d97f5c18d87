/**
 * Vitest test cases -> evidence records. The thin part of the adapter: it only reads what Vitest
 * reports (state, mode, `fails`, retries, errors, meta) and says it in the ledger's words.
 */
import path from 'node:path'
import type { TestCase, TestModule } from 'vitest/node'
import type { Evidence, TestStatus } from '../../src/ledger/schema.js'
import { firstFailedStep } from '../../src/runtime/common/index.js'
import { caseKey } from '../../src/spec/model.js'
import type { LineIndex } from './locate-clauses.js'
import type { ClauseLink, SpecgateMeta } from './meta.js'

export interface EvidenceContext {
  root: string
  source: string
  /** errors Vitest reported outside any test (a worker that died says so only here) */
  unhandled: readonly string[]
  /** the line of a test's clause() call when Vitest did not record test locations */
  lineOf: LineIndex
}

export function evidenceOfModule(module: TestModule, ctx: EvidenceContext): Evidence[] {
  return [...module.children.allTests()].flatMap((t) => evidenceOfTest(t, ctx))
}

function evidenceOfTest(test: TestCase, ctx: EvidenceContext): Evidence[] {
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
    runner: 'vitest',
    source: ctx.source,
    clauseId: link.clause,
    caseKey: key,
    clauseHash: typeof link.hash === 'string' ? link.hash : undefined,
    test: {
      file: path.relative(ctx.root, test.module.moduleId).split(path.sep).join('/'),
      line: test.location?.line ?? ctx.lineOf(test.module.moduleId, key, link.clause),
      column: test.location?.column,
      title: test.fullName,
      project: test.project.name || undefined,
    },
    status: outcome.status,
    detail: outcome.detail,
    skeleton: link.skeleton === true,
    durationMs: Math.max(0, diagnostic?.duration ?? 0),
    retries: diagnostic?.retryCount ?? 0,
    flaky: diagnostic?.flaky ?? false,
    failure: failure && { message: failure.message, ...(failure.step ? { step: failure.step } : {}) },
    assertions: outcome.ran ? (run?.assertions ?? null) : null,
    steps,
    data: run && run.observed.length > 0 ? { observed: run.observed, emptyMarkers: [] } : undefined,
    attachments: [],
  }]
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
