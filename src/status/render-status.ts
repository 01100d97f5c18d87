/** Drift -> pretty, json or github text, through the shared diagnostic renderers. Pure. */
import { countLine, type DiagnosticFormat, plural, renderGithub, renderJson, renderPretty } from '../report/render-diagnostics.js'
import { caseKey, LEVELS } from '../spec/model.js'
import { driftDiagnostics } from './drift-diagnostics.js'
import { type Drift, outOfStep } from './drift.js'
import type { HashEdit } from './accept-hash.js'

export interface StatusRenderOptions {
  format: DiagnosticFormat
  color?: boolean
  /** the text of a feature or test file, for the excerpts of the pretty format */
  source?: (file: string) => string | undefined
}

export function renderStatus(d: Drift, options: StatusRenderOptions): string {
  const diagnostics = driftDiagnostics(d)
  if (options.format === 'json') return renderJson(diagnostics, jsonHead(d))
  if (options.format === 'github') return renderGithub(diagnostics) + summary(d)
  return renderPretty(diagnostics, { source: options.source, color: options.color }) + summary(d)
}

/** `uncovered 3 (@unit 1, @e2e 2)` */
export function uncoveredByLevel(d: Drift): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const level of [...LEVELS, 'none'] as const) {
    const n = d.uncovered.filter((u) => u.level === level).length
    if (n) counts[level] = n
  }
  return counts
}

function summary(d: Drift): string {
  const scope = `${plural(d.clauses, 'clause')}, ${plural(d.tests, 'test')} naming a clause`
  const skeletons = d.skeletons ? ` (${plural(d.skeletons, 'skeleton')} still to fill in)` : ''
  const parts: string[] = []
  const byLevel = Object.entries(uncoveredByLevel(d)).map(([l, n]) => `${l === 'none' ? 'no level' : `@${l}`} ${n}`)
  if (d.errors.length) parts.push(plural(d.errors.length, 'SPEC parse error'))
  if (d.uncovered.length) parts.push(`${d.uncovered.length} uncovered (${byLevel.join(', ')})`)
  if (d.stale.length) parts.push(`${d.stale.length} stale`)
  if (d.orphans.length) parts.push(plural(d.orphans.length, 'orphan'))
  if (d.mismatches.length) parts.push(`${d.mismatches.length} level mismatch${d.mismatches.length === 1 ? '' : 'es'}`)
  if (!parts.length) return `in step: every clause has a test at its level; ${scope}${skeletons}\n`
  return `out of step: ${parts.join(', ')}; ${scope}${skeletons}\n`
}

function jsonHead(d: Drift): Record<string, unknown> {
  return {
    inStep: !outOfStep(d),
    clauses: d.clauses, tests: d.tests, skeletons: d.skeletons,
    uncovered: d.uncovered.map((u) => ({ key: u.key, id: u.clause.id ?? null, level: u.level, file: u.clause.file, line: u.clause.line, name: u.clause.name })),
    uncoveredByLevel: uncoveredByLevel(d),
    stale: d.stale.map((s) => ({
      id: s.claim.id, row: s.claim.row ?? null, file: s.claim.file, line: s.claim.line,
      testHash: s.claim.hash, clauseHash: s.clause.hash, steps: s.diff,
    })),
    orphans: d.orphans.map((o) => ({ id: o.claim.id, row: o.claim.row ?? null, file: o.claim.file, line: o.claim.line, reason: o.reason })),
    levelMismatches: d.mismatches.map((m) => ({
      id: m.clause.id, levels: m.clause.levels, expected: m.expected, found: m.found,
      tests: m.claims.map((c) => ({ file: c.file, line: c.line })),
    })),
    summary: countLine(driftDiagnostics(d)),
  }
}

export function renderAccepted(edits: readonly HashEdit[]): string {
  if (edits.length === 0) return 'nothing to accept: every test of these clauses carries the current hash\n'
  const lines = edits.map((e) => `${e.claim.file}:${e.claim.line}: ${caseKey(e.claim.id, e.claim.row)} hash ${e.claim.hash} -> ${e.to}`)
  return `${lines.join('\n')}\naccepted ${plural(edits.length, 'test')}: each was reviewed against the current clause text\n`
}
