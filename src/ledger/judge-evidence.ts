/** One test result for one case -> what it proves, and if not accepted, why not. */
import type { Verdict } from '../config/schema.js'
import type { Case, Clause, Level } from '../spec/model.js'
import { CONCURRENT_DETAIL, UNATTRIBUTED_DETAIL } from './names.js'
import type { Evidence } from './schema.js'

export interface Finding {
  verdict: Verdict
  reason: string
}

const ACCEPTED: Finding = Object.freeze({ verdict: 'accepted', reason: '' })

export function judgeEvidence(clause: Clause, c: Case, level: Level | undefined, e: Evidence): Finding {
  const notPassed = judgeStatus(e)
  if (notPassed) return notPassed
  const unattributed = unattributedReason(e)
  if (unattributed) return { verdict: 'hollow', reason: `${unattributed} (${placeOf(e.test)})` }
  const empty = emptyStateReason(clause, level, e)
  if (empty) return { verdict: 'empty-state', reason: `${empty} (${placeOf(e.test)})` }
  const hollow = hollowReason(clause, c, e)
  if (hollow) return { verdict: 'hollow', reason: `${hollow} (${placeOf(e.test)})` }
  if (e.clauseHash !== clause.hash) return { verdict: 'stale', reason: staleReason(clause, e, placeOf(e.test)) }
  if (e.flaky || e.retries > 0) return { verdict: 'flaky', reason: `passed only on retry ${e.retries} (${placeOf(e.test)})` }
  return ACCEPTED
}

/** `test/a.test.ts:12`, the place evidence came from (reasons name it; made only for a reason). */
export function placeOf(test: { file: string; line?: number }): string {
  return test.line ? `${test.file}:${test.line}` : test.file
}

function judgeStatus(e: Evidence): Finding | undefined {
  if (e.status === 'passed' && !e.skeleton) return undefined
  const where = placeOf(e.test)
  const why = e.failure?.message ? `: ${firstLine(e.failure.message)}` : ''
  const atStep = e.failure?.step ? ` at step "${e.failure.step}"` : ''
  switch (e.status) {
    case 'passed':
      return { verdict: 'pending', reason: `the test is still a generated skeleton (${where})` }
    case 'failed':
      if (e.detail === 'crash') return { verdict: 'failed', reason: `the test's worker crashed${why} (${where})` }
      return { verdict: 'failed', reason: `the test failed${atStep}${why} (${where})` }
    case 'timedOut':
      return { verdict: 'failed', reason: `the test timed out${atStep} (${where})` }
    case 'interrupted':
      return { verdict: 'failed', reason: `the run was interrupted before the test finished (${where})` }
    case 'pending':
      return {
        verdict: 'pending',
        reason: e.skeleton ? `not implemented yet: the generated skeleton is unfilled (${where})` : `pending${detailText(e)}${atStep} (${where})`,
      }
    case 'todo':
      return { verdict: 'pending', reason: `marked todo${detailText(e)} (${where})` }
    case 'skipped':
      return { verdict: 'skipped', reason: `skipped${detailText(e)} (${where})` }
  }
}

function detailText(e: Evidence): string {
  return e.detail ? ` (${e.detail})` : ''
}

/** E2E evidence that saw no real data; `@requires-data` at any level. */
export function emptyStateReason(clause: Clause, level: Level | undefined, e: Evidence): string | undefined {
  if (clause.emptyStateOk) return undefined
  const data = e.data
  for (const req of clause.requiresData) {
    const seen = countOf(e, req.entity)
    const tag = `@requires-data:${req.entity}>=${req.min}`
    if (seen === undefined) return `${tag}, but neither the probe nor the test reported a count of ${req.entity}`
    if (seen < req.min) return `${req.entity}: ${seen} < ${req.min} (${tag})`
  }
  if (level !== 'e2e' || e.runner !== 'playwright') return undefined
  const probe = data?.probe
  if (probe && Object.keys(probe).length > 0 && Object.values(probe).every((n) => n === 0)) {
    return `the probe showed no data (${formatCounts(probe)})`
  }
  const marker = data?.emptyMarkers.find((m) => m.at === 'then')
  if (marker) return `empty-state marker ${marker.marker} visible after Then step${marker.step ? ` "${marker.step}"` : ''}`
  // a test without Then steps has only the end of the test to look at
  const atEnd = ranThenStep(e) ? undefined : data?.emptyMarkers.find((m) => m.at === 'end')
  if (atEnd) return `empty-state marker ${atEnd.marker} visible at the end of the test`
  return noDataReason(e)
}

/** No data-carrying response and no data evidence; a probe showing data counts as evidence, unless the page saw only empty answers. */
function noDataReason(e: Evidence): string | undefined {
  const data = e.data
  if (!data) return 'recorded no data-state evidence at all (does the test import `test` from specgate/playwright?)'
  const withData = data.responses?.withData ?? 0
  const empty = data.responses?.empty ?? 0
  if (withData > 0 || data.observed.some((o) => o.count > 0)) return undefined
  const probeShowsData = Object.values(data.probe ?? {}).some((n) => n > 0)
  if (empty > 0) {
    const probe = probeShowsData ? `, though the probe showed ${formatCounts(data.probe!)}` : ''
    return `every API response the page received was empty (${empty} empty${probe}) and the test recorded no data evidence`
  }
  if (probeShowsData) return undefined
  return 'saw no data-carrying API response (0 matched) and recorded no data evidence'
}

function ranThenStep(e: Evidence): boolean {
  return (e.steps ?? []).some((s) => s.keyword === 'Then')
}

function countOf(e: Evidence, entity: string): number | undefined {
  const counts = [e.data?.probe?.[entity], ...(e.data?.observed ?? []).filter((o) => o.entity === entity).map((o) => o.count)]
  const known = counts.filter((n): n is number => n !== undefined)
  return known.length ? Math.max(...known) : undefined
}

function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts).map(([k, v]) => `${k}: ${v}`).join(', ')
}

/**
 * A test that ran beside others with no per-test context (a project's own runner, browser mode):
 * what was recorded while they overlapped is nobody's (reporters/vitest/current-record.ts).
 */
function unattributedReason(e: Evidence): string | undefined {
  if (e.detail !== UNATTRIBUTED_DETAIL) return undefined
  return 'ran concurrently with another test, and steps or data were recorded while they overlapped with no per-test context to tell whose (a project\'s own runner, or browser mode), so none count: run these tests without test.concurrent'
}

/** Beside other tests, the global expect's count is shared (reporters/vitest/attempt.ts): only the context's counted. */
const NO_OWN_ASSERTION = "passed without running a single assertion of its own: it ran concurrently with another test, and beside other tests only the test context's expect counts, not the global one (test(name, async ({ expect }) => ...))"

/** Passed, but proved nothing: no assertion ran, or a step of the clause never executed. */
function hollowReason(clause: Clause, c: Case, e: Evidence): string | undefined {
  if (e.assertions === 0) return e.detail === CONCURRENT_DETAIL ? NO_OWN_ASSERTION : 'passed without running a single assertion'
  if (e.steps === null) return undefined
  // A runner that reports steps (Cucumber always does) and ran none proved nothing, even for a clause with no steps.
  if (!e.steps.some((s) => s.status === 'passed')) return 'passed without executing a single step'
  const missing = firstMissingStep(clause, c, e)
  return missing ? `passed without executing step "${missing}"` : undefined
}

/** The clause's steps must appear, in order, among the steps the test passed through. */
function firstMissingStep(clause: Clause, c: Case, e: Evidence): string | undefined {
  const ran = e.steps ?? []
  let at = 0
  for (const step of clause.steps) {
    const text = interpolate(step.text, c.values)
    while (at < ran.length && !(ran[at]!.status === 'passed' && (ran[at]!.text === text || ran[at]!.text === step.text))) at++
    if (at === ran.length) return `${step.keyword} ${text}`
    at++
  }
  return undefined
}

export function interpolate(text: string, values: Record<string, string> | undefined): string {
  if (!values || !text.includes('<')) return text
  return text.replace(/<([^<>]+)>/g, (whole, name: string) => values[name] ?? whole)
}

function staleReason(clause: Clause, e: Evidence, where: string): string {
  if (!e.clauseHash) return `the test does not say which clause hash it was written for (${where})`
  return `written for clause hash ${e.clauseHash}; the clause is now ${clause.hash}: review the test against the new text (${where})`
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.slice(0, 300)
}
