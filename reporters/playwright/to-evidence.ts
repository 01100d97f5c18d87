/** One Playwright TestCase (all its attempts) -> one Evidence record for the clause case it names. */
import path from 'node:path'
import type { TestCase, TestResult, TestStep } from '@playwright/test/reporter'
import { firstFailedStep } from '../../src/runtime/common/index.js'
import type { Evidence, TestStatus } from '../../src/ledger/schema.js'
import { caseKey } from '../../src/spec/model.js'
import { SKELETON_NOTE } from './clause.js'
import { RECORD_ATTACHMENT, type RecordPayload } from './recorder.js'

export interface ClauseLink {
  id: string
  hash?: string
  row?: number
  skeleton: boolean
}

export interface EvidenceContext {
  source: string
  root: string
}

export function clauseLink(test: TestCase): ClauseLink | undefined {
  const note = (type: string) => test.annotations.find((a) => a.type === type)?.description
  const id = note('specgate:clause') ?? test.tags.find((t) => t.startsWith('@id:'))?.slice(4)
  if (!id) return undefined
  const row = note('specgate:row')
  const skeleton = test.annotations.some((a) => a.type === 'fixme' && a.description?.startsWith(SKELETON_NOTE))
  return { id, hash: note('specgate:hash'), row: row ? Number(row) : undefined, skeleton }
}

export function toEvidence(test: TestCase, ctx: EvidenceContext): Evidence | undefined {
  const link = clauseLink(test)
  const result = test.results.at(-1)
  if (!link || !result) return undefined
  const payload = readPayload(result)
  const steps = payload?.steps ?? null
  const message = result.error?.message ?? result.errors[0]?.message
  const e: Evidence = {
    runner: 'playwright',
    source: ctx.source,
    clauseId: link.id,
    caseKey: caseKey(link.id, link.row),
    test: testRef(test, ctx.root),
    status: statusOf(test, result, link),
    skeleton: link.skeleton,
    durationMs: Math.max(0, result.duration),
    retries: result.retry,
    flaky: test.outcome() === 'flaky',
    assertions: countExpects(result.steps),
    steps,
    attachments: otherAttachments(result, ctx.root),
  }
  if (link.hash !== undefined) e.clauseHash = link.hash
  const detail = detailOf(test, result)
  if (detail) e.detail = detail
  if (message) e.failure = failureOf(message, firstFailedStep(steps))
  if (payload) e.data = payload.data
  return e
}

function statusOf(test: TestCase, result: TestResult, link: ClauseLink): TestStatus {
  if (result.status !== 'skipped') return result.status
  if (link.skeleton) return 'pending'
  return test.annotations.some((a) => a.type === 'fixme') ? 'todo' : 'skipped'
}

function detailOf(test: TestCase, result: TestResult): string | undefined {
  if (test.expectedStatus === 'failed') return 'fails'
  if (result.status !== 'skipped') return undefined
  const why = test.annotations.find((a) => a.type === 'skip' || a.type === 'fixme')
  return why ? [why.type, why.description].filter(Boolean).join(': ') : undefined
}

function testRef(test: TestCase, root: string): Evidence['test'] {
  const project = test.parent.project()?.name
  const ref: Evidence['test'] = {
    file: path.relative(root, test.location.file).split(path.sep).join('/'),
    line: test.location.line,
    column: test.location.column,
    title: test.titlePath().slice(3).join(' > '),
  }
  if (project) ref.project = project
  return ref
}

/** Every `expect` call is a step of category `expect` (also in merged blob reports). */
function countExpects(steps: readonly TestStep[]): number {
  let n = 0
  for (const s of steps) n += (s.category === 'expect' ? 1 : 0) + countExpects(s.steps)
  return n
}

function readPayload(result: TestResult): RecordPayload | undefined {
  const a = result.attachments.find((x) => x.name === RECORD_ATTACHMENT)
  return a?.body ? (JSON.parse(a.body.toString('utf8')) as RecordPayload) : undefined
}

function otherAttachments(result: TestResult, root: string): Evidence['attachments'] {
  return result.attachments
    .filter((a) => a.name !== RECORD_ATTACHMENT)
    .map((a) => (a.path ? { name: a.name, contentType: a.contentType, path: path.relative(root, a.path).split(path.sep).join('/') } : { name: a.name, contentType: a.contentType }))
}

function failureOf(message: string, step: string | undefined): NonNullable<Evidence['failure']> {
  // eslint-disable-next-line no-control-regex
  const plain = message.replace(/\u001b\[[0-9;]*m/g, '')
  return step ? { message: plain, step } : { message: plain }
}
