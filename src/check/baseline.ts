/**
 * `--baseline <ledger.json>`: what changed since an earlier run. A clause accepted then and not now
 * is a regression; one accepted now and not then is newly accepted.
 */
import type { SpecgateConfig, Verdict } from '../config/schema.js'
import type { Ledger } from '../ledger/schema.js'
import { computeVerdicts, type ClauseVerdict } from '../ledger/verdict.js'
import type { Spec } from '../spec/model.js'

export interface VerdictChange {
  id: string
  name: string
  before: Verdict
  now: Verdict
  reason: string
}

export interface BaselineDiff {
  file: string
  regressions: VerdictChange[]
  newlyAccepted: VerdictChange[]
}

export function diffBaseline(file: string, baseline: Ledger, spec: Spec, config: SpecgateConfig, now: readonly ClauseVerdict[]): BaselineDiff {
  const before = new Map(computeVerdicts(spec, asWrittenFor(baseline, spec), config).clauses.map((cv) => [cv.clause.id, cv.verdict]))
  const regressions: VerdictChange[] = []
  const newlyAccepted: VerdictChange[] = []
  for (const cv of now) {
    const was = before.get(cv.clause.id)
    if (!was || !cv.clause.id) continue
    const change = { id: cv.clause.id, name: cv.clause.name, before: was, now: cv.verdict, reason: cv.reason }
    if (was === 'accepted' && cv.verdict !== 'accepted') regressions.push(change)
    if (was !== 'accepted' && cv.verdict === 'accepted') newlyAccepted.push(change)
  }
  return { file, regressions, newlyAccepted }
}

/**
 * The baseline is judged as it stood: a test written for the clause text of its day was good
 * evidence then, so a clause edited since is a regression now (stale), not "never accepted".
 */
function asWrittenFor(ledger: Ledger, spec: Spec): Ledger {
  const evidence = ledger.evidence.map((e) => {
    const clause = spec.byId.get(e.clauseId)
    return clause && e.clauseHash ? { ...e, clauseHash: clause.hash } : e
  })
  return { ...ledger, evidence }
}
