/**
 * junit.xml for CI systems that read JUnit: one testsuite per feature, one testcase per clause case,
 * with the verdict and clause id in properties. Accepted passes; waived, pending and skipped are
 * skipped; every other verdict is a failure carrying its reason.
 */
import type { Verdict } from '../config/schema.js'
import type { CaseVerdict, ClauseVerdict } from '../ledger/verdict.js'
import { escapeXml as x } from './escape.js'
import { byFeature } from './group.js'
import type { RenderContext, ReportModel } from './model.js'

const SKIPPED: readonly Verdict[] = ['waived', 'pending', 'skipped']

/** In chunks, one per feature: the report of a large SPEC is many MB. */
export function* renderJunit(model: ReportModel, _ctx: RenderContext): Generator<string> {
  const { clauses, cases } = model.totals
  const failures = countCases(model.verdicts.clauses, (v) => v !== 'accepted' && !SKIPPED.includes(v))
  const skipped = countCases(model.verdicts.clauses, (v) => SKIPPED.includes(v))
  yield [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${x(model.title)}" tests="${cases}" failures="${failures}" skipped="${skipped}" errors="0" time="0">`,
    `  <properties><property name="specgate.clauses" value="${clauses}"/><property name="specgate.passed" value="${model.passed}"/></properties>`,
  ].join('\n')
  for (const g of byFeature(model.verdicts.clauses)) yield `\n${suite(g.name, g.file, g.clauses)}`
  yield '\n</testsuites>\n'
}

function suite(name: string, file: string, clauses: readonly ClauseVerdict[]): string {
  const cases = clauses.flatMap((cv) => cv.cases.map((c) => testcase(cv, c)))
  const failures = countCases(clauses, (v) => v !== 'accepted' && !SKIPPED.includes(v))
  const skipped = countCases(clauses, (v) => SKIPPED.includes(v))
  return [`  <testsuite name="${x(name)}" file="${x(file)}" tests="${cases.length}" failures="${failures}" skipped="${skipped}" errors="0" time="${seconds(clauses.flatMap((cv) => cv.evidence))}">`, ...cases, '  </testsuite>'].join('\n')
}

/** A waived clause waives all its cases; otherwise each case carries its own verdict. */
function caseVerdict(cv: ClauseVerdict, c: CaseVerdict): { verdict: Verdict; reason: string } {
  if (cv.verdict === 'waived') return { verdict: 'waived', reason: cv.reason }
  if (cv.clause.wip && c.verdict === 'accepted') return { verdict: cv.verdict, reason: cv.reason }
  return { verdict: c.verdict, reason: c.reasons.join('; ') }
}

function testcase(cv: ClauseVerdict, c: CaseVerdict): string {
  const { verdict, reason } = caseVerdict(cv, c)
  const props = [['specgate.clause', cv.clause.id ?? cv.clause.key], ['specgate.case', c.key], ['specgate.verdict', verdict], ['specgate.hash', cv.clause.hash]]
  if (cv.waivedVerdict) props.push(['specgate.waived-verdict', cv.waivedVerdict])
  const body = [`      <properties>${props.map(([n, v]) => `<property name="${n}" value="${x(v!)}"/>`).join('')}</properties>`]
  if (SKIPPED.includes(verdict)) body.push(`      <skipped message="${x(`${verdict}: ${reason}`)}"/>`)
  else if (verdict !== 'accepted') body.push(`      <failure type="${verdict}" message="${x(`${verdict}: ${reason}`)}">${x(reason)}</failure>`)
  const open = `    <testcase name="${x(`${c.key} ${cv.clause.name}`)}" classname="${x(cv.clause.file)}" file="${x(cv.clause.file)}" line="${cv.clause.line}" time="${seconds(c.evidence)}">`
  return [open, ...body, '    </testcase>'].join('\n')
}

function countCases(clauses: readonly ClauseVerdict[], pick: (v: Verdict) => boolean): number {
  return clauses.reduce((n, cv) => n + cv.cases.filter((c) => pick(caseVerdict(cv, c).verdict)).length, 0)
}

function seconds(evidence: readonly { durationMs: number }[]): string {
  return (evidence.reduce((s, e) => s + e.durationMs, 0) / 1000).toFixed(3)
}
