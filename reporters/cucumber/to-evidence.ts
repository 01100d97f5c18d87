/**
 * A Cucumber run (its envelope log) -> evidence records, one per scenario or Examples row that ran.
 * The clause and its hash come from the SPEC model built from the very feature text Cucumber ran,
 * so a scenario edited since the SPEC was read is `stale`, never silently accepted.
 */
import { createHash } from 'node:crypto'
import { TimeConversion } from '@cucumber/messages'
import type * as messages from '@cucumber/messages'
import type { Evidence, LedgerSource, StepEvidence } from '../../src/ledger/schema.js'
import { caseOfPickle, indexAst, type AstNode } from '../../src/messages/pickle-case.js'
import type { Spec } from '../../src/spec/model.js'
import type { Attempt, EnvelopeLog } from './envelope-log.js'
import { caseOutcome, stepStatus } from './step-status.js'

/** An attachment body to write next to the fragment; evidence names it by `path`. */
export interface AttachmentFile {
  path: string
  body: Buffer
}

export interface Translation {
  evidence: Evidence[]
  files: AttachmentFile[]
  /** scenarios that ran without an `@id:` tag, as `file:line` */
  unlinked: string[]
}

export interface TranslateContext {
  log: EnvelopeLog
  /** the SPEC model of the feature files Cucumber ran */
  ran: Spec
  source: LedgerSource
  /** root-relative folder attachment bodies are written to */
  attachmentDir: string
}

export function toEvidence(ctx: TranslateContext): Translation {
  const out: Translation = { evidence: [], files: [], unlinked: [] }
  const asts = new Map([...ctx.log.documents].map(([uri, doc]) => [uri, indexAst(doc)]))
  for (const attempt of ctx.log.finalAttempts()) {
    const testCase = ctx.log.testCases.get(attempt.started.testCaseId)
    const pickle = testCase && ctx.log.pickles.get(testCase.pickleId)
    const ast = pickle && asts.get(pickle.uri)
    if (!testCase || !pickle || !ast) continue
    const found = caseOfPickle(ctx.ran, ast, pickle)
    if (!found?.clause.id) {
      out.unlinked.push(`${pickle.uri}:${found?.clause.line ?? '?'}`)
      continue
    }
    const attachments = attachmentsOf(attempt, ctx.attachmentDir)
    out.files.push(...attachments.files)
    out.evidence.push({
      runner: 'cucumber',
      source: ctx.source.id,
      clauseId: found.clause.id,
      caseKey: found.case.key,
      clauseHash: found.clause.hash,
      test: { file: pickle.uri, line: found.case.line, column: found.case.column, title: pickle.name },
      ...resultOf(ctx.log, testCase, pickle, ast, attempt),
      skeleton: false,
      assertions: null,
      attachments: attachments.records,
    })
  }
  return out
}

type Result = Pick<Evidence, 'status' | 'detail' | 'durationMs' | 'retries' | 'flaky' | 'failure' | 'steps'>

function resultOf(log: EnvelopeLog, testCase: messages.TestCase, pickle: messages.Pickle, ast: Map<string, AstNode>, attempt: Attempt): Result {
  const results = testCase.testSteps.map((s) => attempt.results.get(s.id)).filter((r): r is messages.TestStepResult => r !== undefined)
  const outcome = caseOutcome(results, attempt.finished !== undefined)
  const steps = stepsOf(log, testCase, pickle, ast, attempt)
  const retries = attempt.started.attempt
  return {
    ...outcome,
    durationMs: durationOf(attempt, results),
    retries,
    flaky: outcome.status === 'passed' && retries > 0,
    failure: failureOf(steps),
    steps,
  }
}

/** The pickle's steps with their results, plus any hook that did not pass (it explains skipped steps). */
function stepsOf(log: EnvelopeLog, testCase: messages.TestCase, pickle: messages.Pickle, ast: Map<string, AstNode>, attempt: Attempt): StepEvidence[] {
  const steps: StepEvidence[] = []
  for (const testStep of testCase.testSteps) {
    const result = attempt.results.get(testStep.id)
    const status = result ? stepStatus(result.status) : 'not-run'
    const label = testStep.pickleStepId ? pickleStepLabel(pickle, ast, testStep.pickleStepId) : hookLabel(log, testStep.hookId)
    if (!label) continue
    if (!testStep.pickleStepId && !hookExplains(status, steps)) continue
    steps.push({
      ...label,
      status,
      durationMs: result ? TimeConversion.durationToMilliseconds(result.duration) : undefined,
      error: result?.message ? result.message : undefined,
    })
  }
  return steps
}

/** A hook is worth recording when it did not pass, unless it was only skipped after an earlier problem. */
function hookExplains(status: StepEvidence['status'], before: readonly StepEvidence[]): boolean {
  if (status === 'passed' || status === 'not-run') return false
  return status !== 'skipped' || before.every((s) => s.status === 'passed')
}

function pickleStepLabel(pickle: messages.Pickle, ast: Map<string, AstNode>, id: string): { keyword: string; text: string } | undefined {
  const step = pickle.steps.find((s) => s.id === id)
  if (!step) return undefined
  return { keyword: ast.get(step.astNodeIds[0] ?? '')?.keyword ?? step.type ?? 'Step', text: step.text }
}

function hookLabel(log: EnvelopeLog, hookId: string | undefined): { keyword: string; text: string } | undefined {
  const hook = hookId ? log.hooks.get(hookId) : undefined
  if (!hook) return undefined
  const keyword = hook.type === 'AFTER_TEST_CASE' ? 'After' : 'Before'
  const where = hook.sourceReference.uri ? ` (${hook.sourceReference.uri}:${hook.sourceReference.location?.line ?? '?'})` : ''
  return { keyword, text: `${hook.name ?? 'hook'}${where}` }
}

function failureOf(steps: readonly StepEvidence[]): Evidence['failure'] {
  const bad = steps.find((s) => s.status === 'failed' || s.status === 'ambiguous' || s.status === 'undefined' || s.status === 'pending')
  if (!bad) return undefined
  const step = `${bad.keyword} ${bad.text}`
  if (bad.status === 'undefined') return { message: `no step definition matches "${step}"`, step }
  if (bad.status === 'pending') return { message: bad.error || `step "${step}" is pending`, step }
  if (bad.status === 'ambiguous') return { message: `step "${step}" is ambiguous: ${bad.error ?? 'several step definitions match'}`, step }
  return { message: bad.error ?? 'the step failed', step }
}

function durationOf(attempt: Attempt, results: readonly messages.TestStepResult[]): number {
  if (attempt.finished) {
    const ms = TimeConversion.timestampToMillisecondsSinceEpoch(attempt.finished.timestamp) -
      TimeConversion.timestampToMillisecondsSinceEpoch(attempt.started.timestamp)
    if (ms >= 0) return ms
  }
  return results.reduce((sum, r) => sum + TimeConversion.durationToMilliseconds(r.duration), 0)
}

/** Attachment bodies are stored by content hash, so re-runs and parallel workers never clash. */
function attachmentsOf(attempt: Attempt, dir: string): { records: Evidence['attachments']; files: AttachmentFile[] } {
  const records: Evidence['attachments'] = []
  const files: AttachmentFile[] = []
  for (const a of attempt.attachments) {
    const name = a.fileName ?? (a.mediaType === 'text/x.cucumber.log+plain' ? 'log' : 'attachment')
    if (a.url) {
      records.push({ name: a.url, contentType: a.mediaType })
      continue
    }
    const body = Buffer.from(a.body, a.contentEncoding === 'BASE64' ? 'base64' : 'utf8')
    const file = `${dir}/${createHash('sha256').update(body).digest('hex').slice(0, 16)}${extensionOf(a)}`
    files.push({ path: file, body })
    records.push({ name, contentType: a.mediaType, path: file })
  }
  return { records, files }
}

function extensionOf(a: messages.Attachment): string {
  const fromName = a.fileName ? /\.[A-Za-z0-9]{1,8}$/.exec(a.fileName)?.[0] : undefined
  if (fromName) return fromName
  const known: Record<string, string> = { 'application/json': '.json', 'image/png': '.png', 'image/jpeg': '.jpg', 'text/html': '.html' }
  return known[a.mediaType] ?? (a.mediaType.startsWith('text/') ? '.txt' : '.bin')
}
