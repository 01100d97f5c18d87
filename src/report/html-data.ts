/**
 * The data the HTML report's page renders from: the report model cut down to plain JSON, with the
 * clause's Gherkin text rebuilt from the clause model. It is written in chunks (one per clause),
 * already escaped for a script element: for a large SPEC it is tens of MB.
 */
import type { ClauseVerdict } from '../ledger/verdict.js'
import type { Evidence } from '../ledger/schema.js'
import type { Clause } from '../spec/model.js'
import { jsonForScript } from './escape.js'
import { placeOf } from '../ledger/judge-evidence.js'
import { byFeature } from './group.js'
import type { ReportModel } from './model.js'

export interface HtmlData {
  /** every step text, Gherkin line, test place and step status once; clauses and steps refer to them by index */
  strings: string[]
  title: string
  generatedAt: string
  specRevision: string
  passed: boolean
  totals: ReportModel['totals']
  rejection?: string
  gates: { name: string; describe: string; severity: string; passed: boolean; failures: { id?: string; message: string }[] }[]
  baseline?: ReportModel['baseline']
  debts: ReportModel['debts']
  features: { name: string; file: string }[]
  clauses: HtmlClause[]
  orphans: { place: string; title: string; reason: string }[]
  sources: { id: string; runner: string; label: string; createdAt: string; commit?: string; shard?: string; rejected?: string }[]
}

export interface HtmlClause {
  id: string
  name: string
  /** index into `features`, which holds the file */
  feature: number
  rule?: string
  line: number
  verdict: string
  waivedVerdict?: string
  reason: string
  levels: string[]
  owner?: string
  acceptor?: string
  tags: string[]
  /** indexes into `strings` */
  gherkin: number[]
  cases: { key: string; verdict: string; reasons: string[] }[]
  evidence: HtmlEvidence[]
  waiver?: { reason: string; owner: string; expires: string; link?: string; acceptor?: string; status: string; at: string }
}

interface HtmlEvidence {
  case: string
  runner: string
  /** index into `strings`: `file:line` of the test */
  place: number
  title: string
  project?: string
  status: string
  detail?: string
  skeleton: boolean
  durationMs: number
  retries: number
  assertions: number | null
  failure?: { message: string; step?: string }
  /** [keyword, text, status (indexes into `strings`), error?]: a large SPEC repeats its steps a lot */
  steps: [number, number, number, string?][] | null
  data?: Evidence['data']
}

/** The JSON text of HtmlData, in chunks; `strings` comes last, once every clause has added to it. */
export function* htmlDataJson(model: ReportModel): Generator<string> {
  const groups = byFeature(model.verdicts.clauses)
  const waivers = new Map(model.waivers.map((u) => [u.waiver.clause, u]))
  const strings = new Interner()
  const head: Omit<HtmlData, 'strings' | 'clauses'> = {
    title: model.title,
    generatedAt: model.generatedAt,
    specRevision: model.specRevision,
    passed: model.passed,
    totals: model.totals,
    rejection: model.verdicts.rejection,
    gates: model.gates.filter((g) => g.severity !== 'off').map((g) => ({
      name: g.name, describe: g.describe, severity: g.severity, passed: g.passed,
      failures: g.failures.map((f) => ({ id: f.clause?.clause.id, message: f.message })),
    })),
    baseline: model.baseline,
    debts: model.debts,
    features: groups.map((g) => ({ name: g.name, file: g.file })),
    orphans: model.verdicts.orphans.map((o) => ({ place: placeOf(o.evidence.test), title: o.evidence.test.title, reason: o.reason })),
    sources: model.ledger.sources.map((s) => ({
      id: s.id, runner: s.runner, label: s.label, createdAt: s.createdAt, commit: s.commit,
      shard: s.shard ? `${s.shard.index}/${s.shard.total}` : undefined, rejected: s.rejected,
    })),
  }
  yield `${jsonForScript(head).slice(0, -1)},"clauses":[`
  let first = true
  for (const [i, g] of groups.entries()) {
    for (const cv of g.clauses) {
      yield (first ? '' : ',') + jsonForScript(clauseData(cv, i, waivers.get(cv.clause.id ?? ''), strings))
      first = false
    }
  }
  yield `],"strings":${jsonForScript(strings.list)}}`
}

class Interner {
  readonly list: string[] = []
  private readonly index = new Map<string, number>()
  of(s: string): number {
    let i = this.index.get(s)
    if (i === undefined) {
      i = this.list.push(s) - 1
      this.index.set(s, i)
    }
    return i
  }
}

function clauseData(cv: ClauseVerdict, feature: number, use: ReportModel['waivers'][number] | undefined, strings: Interner): HtmlClause {
  const c = cv.clause
  return {
    id: c.id ?? c.key, name: c.name, feature, rule: c.rule?.name, line: c.line,
    verdict: cv.verdict, waivedVerdict: cv.waivedVerdict, reason: cv.reason,
    levels: c.levels, owner: c.owner, acceptor: c.acceptor, tags: c.tags,
    gherkin: gherkinText(c).map((l) => strings.of(l)),
    cases: cv.cases.map((k) => ({ key: k.key, verdict: k.verdict, reasons: k.reasons })),
    evidence: cv.evidence.map((e) => evidenceData(e, strings)),
    waiver: use && {
      reason: use.waiver.reason, owner: use.waiver.owner, expires: use.waiver.expires, link: use.waiver.link,
      acceptor: use.waiver.acceptor, status: use.status, at: `${use.waiver.file}:${use.waiver.line}`,
    },
  }
}

function evidenceData(e: Evidence, strings: Interner): HtmlEvidence {
  return {
    case: e.caseKey, runner: e.runner, place: strings.of(placeOf(e.test)), title: e.test.title, project: e.test.project,
    status: e.status, detail: e.detail, skeleton: e.skeleton, durationMs: e.durationMs, retries: e.retries,
    assertions: e.assertions, failure: e.failure, data: e.data,
    steps: e.steps && e.steps.map((st) => {
      const step: [number, number, number, string?] = [strings.of(st.keyword), strings.of(st.text), strings.of(st.status)]
      if (st.error) step.push(st.error)
      return step
    }),
  }
}

/** The clause as Gherkin: own tags, keyword and name, Background steps marked, then Examples. */
export function gherkinText(c: Clause): string[] {
  const lines = [c.ownTags.map((t) => t.name).join(' '), `${c.keyword}: ${c.name}`].filter(Boolean)
  for (const s of c.steps) {
    lines.push(`  ${s.keyword} ${s.text}${s.from === 'clause' ? '' : '   # Background'}`)
    if (s.docString) lines.push('    """' + (s.docString.mediaType ?? ''), ...s.docString.content.split('\n').map((l) => `    ${l}`), '    """')
    if (s.dataTable) lines.push(...tableLines(s.dataTable, '    '))
  }
  for (const ex of c.examples) {
    lines.push('', `  ${ex.tags.map((t) => t.name).join(' ')}`.trimEnd(), `  Examples: ${ex.name}`.trimEnd())
    lines.push(...tableLines([ex.header, ...ex.rows.map((r) => r.cells)], '    '))
  }
  return lines.filter((l, i) => l.trim() !== '' || i > 0)
}

function tableLines(rows: readonly string[][], indent: string): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? []
  return rows.map((r) => `${indent}| ${r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`)
}
