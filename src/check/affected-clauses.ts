/** `specgate affected`: the clauses whose @covers: globs match changed files, with their latest verdict. */
import type { Verdict } from '../config/schema.js'
import type { ReportModel } from '../report/model.js'
import type { Spec } from '../spec/model.js'
import { matchesAny } from './covers-glob.js'

export interface AffectedClause {
  id: string
  name: string
  location: string
  covers: string[]
  /** changed files that matched, each with the glob it matched */
  files: { file: string; glob: string }[]
  verdict: Verdict
  accepted: boolean
  reason: string
}

export function affectedClauses(spec: Spec, changed: readonly string[], model: ReportModel): AffectedClause[] {
  const verdicts = new Map(model.verdicts.clauses.map((cv) => [cv.clause.id, cv]))
  const out: AffectedClause[] = []
  for (const c of spec.clauses) {
    if (!c.id || c.covers.length === 0) continue
    const files = changed.flatMap((file) => {
      const glob = matchesAny(file, c.covers)
      return glob ? [{ file, glob }] : []
    })
    if (files.length === 0) continue
    const cv = verdicts.get(c.id)
    const verdict = cv?.verdict ?? 'uncovered'
    out.push({ id: c.id, name: c.name, location: `${c.file}:${c.line}`, covers: c.covers, files, verdict, accepted: verdict === 'accepted', reason: cv?.reason ?? '' })
  }
  return out
}

export function renderAffected(since: string, changed: readonly string[], list: readonly AffectedClause[]): string {
  const lines = [`${changed.length} file(s) changed since ${since}; ${list.length} clause(s) cover them`]
  for (const a of list) {
    lines.push(`  ${(a.accepted ? 'accepted' : a.verdict).padEnd(11)} ${a.id}  ${a.name}  (${a.location})`)
    lines.push(`              covers ${a.files.map((f) => `${f.file} (${f.glob})`).join(', ')}`)
    if (!a.accepted && a.reason) lines.push(`              ${a.reason}`)
  }
  const open = list.filter((a) => !a.accepted).length
  if (list.length) lines.push('', open ? `${open} affected clause(s) not accepted in the latest ledger` : 'every affected clause is accepted in the latest ledger')
  return `${lines.join('\n')}\n`
}
