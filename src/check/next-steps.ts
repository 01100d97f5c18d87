/** What would make a clause accepted: one instruction per thing missing, for people and agents. */
import type { Verdict } from '../config/schema.js'
import type { ClauseVerdict } from '../ledger/verdict.js'

const FIX: Record<Exclude<Verdict, 'accepted' | 'waived'>, string> = {
  failed: 'make the failing test pass',
  uncovered: 'write a test that names the clause (`specgate generate` writes a skeleton)',
  pending: 'fill in the skeleton or todo test and remove `skeleton: true`',
  stale: 'review the test against the current clause text, then set its hash',
  hollow: 'make the test assert something and execute every step of the clause through the step helpers',
  'empty-state': 'run the E2E test against real data (or tag the clause @empty-state-ok if the empty state is its subject)',
  skipped: 'stop skipping the test',
  flaky: 'make the test pass on its first attempt',
}

export function nextSteps(cv: ClauseVerdict, runnersByLevel: (level: string) => readonly string[]): string[] {
  const c = cv.clause
  if (cv.verdict === 'accepted') return []
  const steps: string[] = []
  const under = cv.waivedVerdict ?? cv.verdict
  if (cv.verdict === 'waived') steps.push('the clause is waived, not accepted: fix what the waiver covers before it expires')
  if (c.wip) steps.push('remove the @wip tag once the clause is meant to be accepted')
  for (const k of cv.cases) {
    if (k.verdict === 'accepted') continue
    const fix = FIX[k.verdict as keyof typeof FIX]
    if (!fix) continue
    const detail = k.verdict === 'stale' ? ` to ${c.hash}` : k.verdict === 'uncovered' ? `: clause('${c.id}', '${c.hash}'${k.key !== c.id ? `, { row: ${k.key.slice(k.key.indexOf('[') + 1, -1)} }` : ''}) run by ${c.levels.map((l) => runnersByLevel(l).join(' or ')).join(' and ') || 'any runner'}` : ''
    steps.push(`${k.key}: ${fix}${detail}${k.reasons.length ? ` (${k.reasons.join('; ')})` : ''}`)
  }
  if (steps.length === 0 && under !== 'accepted') steps.push(cv.reason)
  return [...new Set(steps)]
}
