/**
 * A valid waiver turns a clause that is not accepted into `waived`, keeping the verdict it covers.
 * An expired waiver, or a waiver of a @risk: clause without an acceptor, does not count and is a
 * finding for the `waivers-valid` gate.
 */
import type { ClauseVerdict, Verdicts } from '../ledger/verdict.js'
import type { Waiver } from './waivers-file.js'

export interface WaiverUse {
  waiver: Waiver
  /** applied: it waived the clause; unneeded: the clause is accepted anyway; expired / needs-acceptor: ignored */
  status: 'applied' | 'unneeded' | 'expired' | 'needs-acceptor'
}

export interface WaiverOutcome {
  verdicts: Verdicts
  uses: WaiverUse[]
  /** one line per waiver that does not count, naming its file and line */
  problems: string[]
}

/** `today` is YYYY-MM-DD (an injected clock); a waiver counts through its expiry day. */
export function applyWaivers(verdicts: Verdicts, waivers: readonly Waiver[], today: string): WaiverOutcome {
  const byClause = new Map(waivers.map((w) => [w.clause, w]))
  const uses: WaiverUse[] = []
  const clauses = verdicts.clauses.map((cv) => {
    const waiver = cv.clause.id ? byClause.get(cv.clause.id) : undefined
    if (!waiver) return cv
    const use = { waiver, status: statusOf(cv, waiver, today) }
    uses.push(use)
    return use.status === 'applied' ? waive(cv, waiver) : cv
  })
  return { verdicts: { ...verdicts, clauses }, uses, problems: uses.flatMap(problemOf) }
}

function statusOf(cv: ClauseVerdict, w: Waiver, today: string): WaiverUse['status'] {
  if (w.expires < today) return 'expired'
  if (cv.clause.risks.length > 0 && !w.acceptor) return 'needs-acceptor'
  return cv.verdict === 'accepted' ? 'unneeded' : 'applied'
}

function waive(cv: ClauseVerdict, w: Waiver): ClauseVerdict {
  const reason = `waived until ${w.expires} by ${w.owner}${w.acceptor ? `, accepted by ${w.acceptor}` : ''}: ${w.reason} (underlying: ${cv.verdict}: ${cv.reason})`
  return { ...cv, verdict: 'waived', waivedVerdict: cv.verdict, reason }
}

function problemOf(u: WaiverUse): string[] {
  const at = `${u.waiver.file}:${u.waiver.line}`
  if (u.status === 'expired') return [`${at}: waiver for ${u.waiver.clause} expired on ${u.waiver.expires}; it no longer counts`]
  if (u.status === 'needs-acceptor') return [`${at}: waiver for ${u.waiver.clause} does not count: a @risk: clause needs an acceptor on its waiver`]
  return []
}
