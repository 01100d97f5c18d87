/** Drift -> located Diagnostics (rules uncovered, stale, orphan, level-mismatch), for every format. */
import type { Diagnostic } from '../diagnostics.js'
import { caseKey } from '../spec/model.js'
import type { Drift, LevelMismatch, StaleTest, UncoveredCase } from './drift.js'

export function driftDiagnostics(d: Drift): Diagnostic[] {
  return [
    ...d.errors,
    ...d.uncovered.map(uncovered),
    ...d.stale.map(stale),
    ...d.orphans.map(({ claim, reason }): Diagnostic => ({
      rule: 'orphan', severity: 'error', file: claim.file, line: claim.line, column: claim.column, message: `orphan test: ${reason}`,
    })),
    ...d.mismatches.flatMap(mismatch),
  ]
}

function uncovered(u: UncoveredCase): Diagnostic {
  const level = u.level === 'none' ? 'no level tag' : `@${u.level}`
  const why = u.clause.id ? 'has no test' : 'has no test (and no @id: tag to name it by; run `specgate ids --write`)'
  const kase = u.clause.cases.find((k) => k.key === u.key)
  return {
    rule: 'uncovered', severity: 'error', file: u.clause.file, line: kase?.line ?? u.clause.line, column: kase?.column ?? u.clause.column,
    message: `${u.key} "${u.clause.name}" (${level}) ${why}`,
  }
}

function stale({ claim, clause, diff }: StaleTest): Diagnostic {
  const changes = [
    ...diff.removed.map((t) => `    - ${t}    (in the test, no longer in the SPEC)`),
    ...diff.added.map((t) => `    + ${t}    (in the SPEC, not in the test)`),
    ...diff.data.map((d) => `    ~ ${d.step}    (its ${d.changed.join(' and ')} in the SPEC is not the one the test passes)`),
  ]
  const body = changes.length ? changes : [
    '    the step texts the test calls still match; a DocString, DataTable, step kind or Examples row changed',
    ...diff.current.map((s) => `      ${s}`),
  ]
  return {
    rule: 'stale', severity: 'error', file: claim.file, line: claim.line, column: claim.column,
    message: [
      `stale test: ${caseKey(claim.id, claim.row)} changed since this test was written (test hash ${claim.hash}, clause hash ${clause.hash}, ${clause.file}:${clause.line}); review it, then \`specgate status --accept-hash ${claim.id}\``,
      ...body,
    ].join('\n'),
  }
}

function mismatch(m: LevelMismatch): Diagnostic[] {
  const levels = m.clause.levels.map((l) => `@${l}`).join(' ')
  return m.claims.map((c) => ({
    rule: 'level-mismatch', severity: 'error', file: c.file, line: c.line, column: c.column,
    message: `${m.clause.id} is ${levels} (proven by ${m.expected.join(' or ')}), but only ${m.found.join(' and ')} tests claim it`,
  }))
}
