/**
 * The per-feature clause summary the runner reporters print at the end of a run: one line per
 * clause with its verdict, and the reason in words for every verdict that is not `accepted`.
 */
import pc from 'picocolors'
import type { Verdict } from '../config/schema.js'
import type { GateResult } from '../ledger/gates.js'
import type { ClauseVerdict, Verdicts } from '../ledger/verdict.js'
import { VERDICT_ORDER } from '../ledger/verdict.js'
import { byFeature } from './group.js'

export interface SummaryOptions {
  /** heading, e.g. `specgate (vitest)` */
  title: string
  color?: boolean
  /** a line explaining partial scope, e.g. a shard */
  note?: string
}

type Paint = (s: string) => string

export function verdictColor(v: Verdict, color: boolean): Paint {
  const c = pc.createColors(color)
  if (v === 'accepted') return c.green
  if (v === 'waived' || v === 'flaky' || v === 'skipped') return c.yellow
  return c.red
}

export function renderSummary(verdicts: Verdicts, gates: readonly GateResult[] | undefined, o: SummaryOptions): string {
  const color = o.color ?? false
  const c = pc.createColors(color)
  const lines = [c.bold(o.title)]
  if (o.note) lines.push(c.dim(o.note))
  if (verdicts.rejection) lines.push(c.red(c.bold(verdicts.rejection)))
  for (const g of byFeature(verdicts.clauses)) {
    lines.push('', `${g.name} (${g.file})`)
    for (const cv of g.clauses) lines.push(...clauseLines(cv, color))
  }
  for (const o of verdicts.orphans) lines.push('', c.red(`orphan: ${o.evidence.test.file} "${o.evidence.test.title}" ${o.reason}`))
  lines.push('', totalsLine(verdicts, color))
  if (gates) lines.push(...gateLines(gates, color))
  return `${lines.join('\n')}\n`
}

function clauseLines(cv: ClauseVerdict, color: boolean): string[] {
  const paint = verdictColor(cv.verdict, color)
  const head = `  ${paint(cv.verdict.padEnd(11))} ${cv.clause.id ?? cv.clause.key}  ${cv.clause.name}`
  return cv.reason ? [head, `      ${cv.reason}`] : [head]
}

export function countVerdicts(clauses: readonly ClauseVerdict[]): Map<Verdict, number> {
  const counts = new Map<Verdict, number>()
  for (const cv of clauses) counts.set(cv.verdict, (counts.get(cv.verdict) ?? 0) + 1)
  return counts
}

export function totalsLine(verdicts: Verdicts, color: boolean): string {
  const counts = countVerdicts(verdicts.clauses)
  const parts = [...VERDICT_ORDER].reverse().filter((v) => counts.get(v)).map((v) => verdictColor(v, color)(`${counts.get(v)} ${v}`))
  if (verdicts.orphans.length) parts.push(pc.createColors(color).red(`${verdicts.orphans.length} orphan`))
  return `${verdicts.clauses.length} clauses: ${parts.join(', ') || 'none in scope'}`
}

function gateLines(gates: readonly GateResult[], color: boolean): string[] {
  const c = pc.createColors(color)
  const failing = gates.filter((g) => !g.passed && g.severity !== 'off')
  if (failing.length === 0) return [c.green('gates: all pass')]
  return failing.map((g) => {
    const mark = g.severity === 'error' ? c.red('gate failed') : c.yellow('gate warning')
    return `${mark}: ${g.name} (${g.failures.length}): ${g.describe}`
  })
}
