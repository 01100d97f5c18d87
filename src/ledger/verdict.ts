/**
 * The verdict function: SPEC x ledger -> one verdict per clause, with the reason in words.
 * Pure; the Vitest, Playwright and Cucumber reporters and `specgate check` all call it.
 */
import type { Runner, SpecgateConfig, Verdict } from '../config/schema.js'
import type { Case, Clause, Level, Spec } from '../spec/model.js'
import { judgeEvidence, type Finding } from './judge-evidence.js'
import type { Evidence, Ledger } from './schema.js'
import { groupBy } from '../util/group-by.js'

export interface CaseVerdict {
  key: string
  verdict: Verdict
  reasons: string[]
  evidence: Evidence[]
}

export interface ClauseVerdict {
  clause: Clause
  verdict: Verdict
  /** why, in words; empty for accepted */
  reason: string
  cases: CaseVerdict[]
  evidence: Evidence[]
  /** the verdict a waiver covers (set by applyWaivers) */
  waivedVerdict?: Verdict
}

export interface Orphan {
  evidence: Evidence
  reason: string
}

export interface Verdicts {
  clauses: ClauseVerdict[]
  orphans: Orphan[]
  /** `E2E ran against an empty state: 0 of N E2E cases saw real data` */
  rejection?: string
}

export interface VerdictOptions {
  /** only the levels these runners are responsible for (a reporter's own summary); default: all */
  runners?: readonly Runner[]
  /** a partial run (a shard, a filter): clauses without evidence are left out, not `uncovered` */
  partial?: boolean
}

/** Worst first: a clause takes the worst verdict among its cases. */
export const VERDICT_ORDER: readonly Verdict[] = [
  'failed', 'empty-state', 'hollow', 'stale', 'uncovered', 'pending', 'skipped', 'flaky', 'waived', 'accepted',
]

export function verdictRank(v: Verdict): number {
  return VERDICT_ORDER.indexOf(v)
}

export function computeVerdicts(spec: Spec, ledger: Ledger, config: SpecgateConfig, options: VerdictOptions = {}): Verdicts {
  const byClause = groupBy(ledger.evidence, (e) => e.clauseId)
  const clauses: ClauseVerdict[] = []
  for (const clause of spec.clauses) {
    const levels = levelsInScope(clause, config, options.runners)
    if (!levels || !clause.id) continue
    const evidence = byClause.get(clause.id) ?? []
    if (options.partial && evidence.length === 0) continue
    clauses.push(judgeClause(clause, levels, evidence, config))
  }
  const orphans = findOrphans(spec, ledger.evidence, options.runners)
  return { clauses, orphans, rejection: emptyStateRejection(clauses) }
}

/** The levels a clause must be proven at, limited to the given runners; undefined: out of scope. */
function levelsInScope(clause: Clause, config: SpecgateConfig, runners?: readonly Runner[]): (Level | undefined)[] | undefined {
  const levels: (Level | undefined)[] = clause.levels.length ? clause.levels : [undefined]
  if (!runners) return levels
  const inScope = levels.filter((l) => runnersFor(l, config).some((r) => runners.includes(r)))
  return inScope.length ? inScope : undefined
}

export function runnersFor(level: Level | undefined, config: SpecgateConfig): readonly Runner[] {
  return level ? config.runners[level] : ['vitest', 'playwright', 'cucumber']
}

function judgeClause(clause: Clause, levels: (Level | undefined)[], evidence: Evidence[], config: SpecgateConfig): ClauseVerdict {
  const cases = clause.cases.map((c) => judgeCase(clause, c, levels, evidence, config))
  // An Outline whose Examples have no rows has no case that could ever be proven.
  if (cases.length === 0) {
    const reason = 'the Outline has no Examples rows, so no case of it can run; add rows (lint: empty-examples)'
    return { clause, verdict: 'uncovered', reason, cases, evidence: [] }
  }
  const worst = worstOf(cases.map((c) => c.verdict))
  const verdict = clause.wip && worst === 'accepted' ? 'pending' : worst
  const reason = clause.wip && worst === 'accepted'
    ? '@wip: its tests pass, but the clause is marked work in progress; remove @wip to have it accepted'
    : clauseReason(cases, verdict)
  // one case (most clauses) uses exactly its own evidence, in the clause's order
  const used = cases.length === 1 ? cases[0]!.evidence : evidence.filter((e) => cases.some((c) => c.evidence.includes(e)))
  return { clause, verdict, reason, cases, evidence: used }
}

function judgeCase(clause: Clause, c: Case, levels: (Level | undefined)[], evidence: Evidence[], config: SpecgateConfig): CaseVerdict {
  const forCase = kept(evidence, (e) => e.caseKey === c.key || e.caseKey === clause.id)
  const findings = levels.flatMap((l) => judgeLevel(clause, c, l, forCase, config))
  // one level, one test (most cases): its finding is the case's, without the lists below
  if (findings.length === 1) return { key: c.key, verdict: findings[0]!.verdict, reasons: findings[0]!.reason ? [findings[0]!.reason] : [], evidence: forCase }
  const worst = worstOf(findings.map((f) => f.verdict))
  const reasons = findings.filter((f) => f.verdict === worst && f.reason).map((f) => f.reason)
  return { key: c.key, verdict: worst, reasons: [...new Set(reasons)], evidence: forCase }
}

function judgeLevel(clause: Clause, c: Case, level: Level | undefined, evidence: Evidence[], config: SpecgateConfig): Finding[] {
  const runners = runnersFor(level, config)
  const own = kept(evidence, (e) => runners.includes(e.runner))
  if (own.length > 0) return own.map((e) => judgeEvidence(clause, c, level, e))
  const others = [...new Set(evidence.map((e) => e.runner))]
  const what = level ? `@${level} clauses are proven with ${runners.join(' or ')}` : 'no test ran for it'
  const reason = others.length
    ? `no ${runners.join('/')} test for ${c.key}; only ${others.join(', ')} evidence, and ${what}`
    : level ? `no test names ${c.key} (${what})` : `no test names ${c.key}`
  return [{ verdict: 'uncovered', reason }]
}

function clauseReason(cases: CaseVerdict[], verdict: Verdict): string {
  if (verdict === 'accepted') return ''
  const bad = cases.filter((c) => c.verdict === verdict)
  const reasons = [...new Set(bad.flatMap((c) => c.reasons))]
  const which = cases.length > 1 ? `${bad.length} of ${cases.length} cases: ` : ''
  return which + reasons.slice(0, 3).join('; ') + (reasons.length > 3 ? `; and ${reasons.length - 3} more` : '')
}

export function worstOf(verdicts: readonly Verdict[]): Verdict {
  let worst: Verdict = 'accepted'
  for (const v of verdicts) if (verdictRank(v) < verdictRank(worst)) worst = v
  return worst
}

function findOrphans(spec: Spec, evidence: readonly Evidence[], runners?: readonly Runner[]): Orphan[] {
  const orphans: Orphan[] = []
  for (const e of evidence) {
    if (runners && !runners.includes(e.runner)) continue
    const clause = spec.byId.get(e.clauseId)
    if (!clause) orphans.push({ evidence: e, reason: `names ${e.clauseId}, which the SPEC does not have` })
    else if (e.caseKey !== clause.id && !clause.cases.some((c) => c.key === e.caseKey))
      orphans.push({ evidence: e, reason: `names case ${e.caseKey}; ${clause.id} has ${clause.cases.length} case(s)` })
  }
  return orphans
}

/** The whole E2E run saw no real data: every passing E2E case that needs data would be empty-state. */
function emptyStateRejection(clauses: ClauseVerdict[]): string | undefined {
  let needData = 0
  let sawData = 0
  for (const cv of clauses) {
    if (!cv.clause.levels.includes('e2e') || cv.clause.emptyStateOk) continue
    for (const c of cv.cases) {
      const passed = c.evidence.filter((e) => e.runner === 'playwright' && e.status === 'passed')
      if (passed.length === 0) continue
      needData++
      if (c.verdict !== 'empty-state') sawData++
    }
  }
  if (needData === 0 || sawData > 0) return undefined
  return `E2E ran against an empty state: 0 of ${needData} E2E cases saw real data`
}

/**
 * `list.filter(keep)`, but the list itself when every item is kept (a clause's evidence, most of
 * the time): 50,000 clauses judged made two copies of their evidence lists each.
 */
function kept<T>(list: T[], keep: (t: T) => boolean): T[] {
  for (let i = 0; i < list.length; i++) {
    if (!keep(list[i]!)) return list.slice(0, i).concat(list.slice(i + 1).filter(keep))
  }
  return list
}
