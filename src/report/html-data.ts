/**
 * The data the HTML report's page renders from: the report model cut down to plain JSON, with the
 * clause's Gherkin text rebuilt from the clause model. It is written in chunks (one per clause),
 * already escaped for a script element: for a large SPEC it is tens of MB.
 */
import type { ClauseVerdict } from '../ledger/verdict.js'
import type { Evidence } from '../ledger/schema.js'
import type { Clause, ClauseStep } from '../spec/model.js'
import { jsonForScript } from './escape.js'
import { placeOf } from '../ledger/judge-evidence.js'
import { byFeature } from './group.js'
import type { ReportModel } from './model.js'

export interface HtmlData {
  /** every step text, Gherkin step and Examples line, keyword, test place and step status once; clauses and steps refer to them by index */
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
  /**
   * The Gherkin text is `ownTags` (when the clause has own tags), `keyword: name`, then the
   * `gherkin` lines. The tags line is written out and the title line made by the page: with the
   * `@id:` tag no other clause repeats them, and interned they were 51,000 of the benchmark's 59,000
   * strings (its 50,000 clauses render in ~540 ms instead of ~600 without them).
   */
  ownTags?: string
  /** index into `strings` */
  keyword: number
  /** the steps with their arguments, then Examples: indexes into `strings` */
  gherkin: number[]
  /** only when the clause has more than one case (an Outline's rows): the page lists them then */
  cases?: { key: string; verdict: string; reasons: string[] }[]
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
  /** absent for a written test */
  skeleton?: true
  durationMs: number
  /** absent when 0 */
  retries?: number
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
  const strings = new PageStrings()
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

/** Every string of the page once, by first use. */
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

/**
 * The interned strings, with lookups by the parts a line is made of: most Gherkin lines and test
 * places repeat, so a repeat is found from the step's or test's own strings instead of building and
 * hashing a new line (the benchmark's 50,000 clauses: 15 scavenges instead of 18, 10-20 ms of ~570).
 */
class PageStrings extends Interner {
  private readonly steps = { clause: new Map<string, Map<string, number>>(), background: new Map<string, Map<string, number>>() }
  private readonly stepArguments = new WeakMap<ClauseStep, number[]>()
  private readonly places = new Map<string, Map<number | undefined, number>>()
  /** keywords and step statuses are a handful of strings: a small map of them stays in cache */
  private readonly few = new Map<string, number>()

  /** gherkinText(c) after its tags and title lines, interned */
  gherkin(c: Clause): number[] {
    const out: number[] = []
    for (const s of c.steps) {
      out.push(this.stepLine(s))
      if (s.docString || s.dataTable) out.push(...this.argumentLines(s))
    }
    for (const l of examplesLines(c)) out.push(this.of(l))
    return out
  }

  private stepLine(s: ClauseStep): number {
    const byKeyword = s.from === 'clause' ? this.steps.clause : this.steps.background
    let byText = byKeyword.get(s.keyword)
    if (!byText) byKeyword.set(s.keyword, (byText = new Map()))
    let i = byText.get(s.text)
    if (i === undefined) byText.set(s.text, (i = this.of(stepLine(s))))
    return i
  }

  /** a Background's steps are the same objects in every clause of the feature */
  private argumentLines(s: ClauseStep): number[] {
    let lines = this.stepArguments.get(s)
    if (!lines) this.stepArguments.set(s, (lines = argumentLines(s).map((l) => this.of(l))))
    return lines
  }

  place(test: { file: string; line?: number }): number {
    let byLine = this.places.get(test.file)
    if (!byLine) this.places.set(test.file, (byLine = new Map()))
    let i = byLine.get(test.line)
    if (i === undefined) byLine.set(test.line, (i = this.of(placeOf(test))))
    return i
  }

  ofFew(s: string): number {
    let i = this.few.get(s)
    if (i === undefined) this.few.set(s, (i = this.of(s)))
    return i
  }
}

function clauseData(cv: ClauseVerdict, feature: number, use: ReportModel['waivers'][number] | undefined, strings: PageStrings): HtmlClause {
  const c = cv.clause
  return {
    id: c.id ?? c.key, name: c.name, feature, rule: c.rule?.name, line: c.line,
    verdict: cv.verdict, waivedVerdict: cv.waivedVerdict, reason: cv.reason,
    levels: c.levels, owner: c.owner, acceptor: c.acceptor, tags: c.tags,
    ownTags: ownTags(c), keyword: strings.ofFew(c.keyword), gherkin: strings.gherkin(c),
    cases: cv.cases.length > 1 ? cv.cases.map((k) => ({ key: k.key, verdict: k.verdict, reasons: k.reasons })) : undefined,
    evidence: cv.evidence.map((e) => evidenceData(e, strings)),
    waiver: use && {
      reason: use.waiver.reason, owner: use.waiver.owner, expires: use.waiver.expires, link: use.waiver.link,
      acceptor: use.waiver.acceptor, status: use.status, at: `${use.waiver.file}:${use.waiver.line}`,
    },
  }
}

function evidenceData(e: Evidence, strings: PageStrings): HtmlEvidence {
  return {
    case: e.caseKey, runner: e.runner, place: strings.place(e.test), title: e.test.title, project: e.test.project,
    status: e.status, detail: e.detail, skeleton: e.skeleton || undefined, durationMs: e.durationMs, retries: e.retries || undefined,
    assertions: e.assertions, failure: e.failure, data: e.data,
    steps: e.steps && e.steps.map((st) => {
      const step: [number, number, number, string?] = [strings.ofFew(st.keyword), strings.of(st.text), strings.ofFew(st.status)]
      if (st.error) step.push(st.error)
      return step
    }),
  }
}

/** The clause as Gherkin: own tags, keyword and name, Background steps marked, then Examples. */
export function gherkinText(c: Clause): string[] {
  const lines = [tagLine(c), `${c.keyword}: ${c.name}`].filter(Boolean)
  for (const s of c.steps) lines.push(stepLine(s), ...argumentLines(s))
  lines.push(...examplesLines(c))
  return lines.filter((l, i) => l.trim() !== '' || i > 0)
}

function tagLine(c: Clause): string {
  return c.ownTags.map((t) => t.name).join(' ')
}

/** the tags line as gherkinText has it: its filters drop a blank one */
function ownTags(c: Clause): string | undefined {
  const line = tagLine(c)
  return line.trim() === '' ? undefined : line
}

function stepLine(s: ClauseStep): string {
  return `  ${s.keyword} ${s.text}${s.from === 'clause' ? '' : '   # Background'}`
}

function argumentLines(s: ClauseStep): string[] {
  const lines: string[] = []
  if (s.docString) lines.push('    """' + (s.docString.mediaType ?? ''), ...s.docString.content.split('\n').map((l) => `    ${l}`), '    """')
  if (s.dataTable) lines.push(...tableLines(s.dataTable, '    '))
  return lines
}

function examplesLines(c: Clause): string[] {
  const lines: string[] = []
  for (const ex of c.examples) {
    lines.push('', `  ${ex.tags.map((t) => t.name).join(' ')}`.trimEnd(), `  Examples: ${ex.name}`.trimEnd())
    lines.push(...tableLines([ex.header, ...ex.rows.map((r) => r.cells)], '    '))
  }
  return lines
}

function tableLines(rows: readonly string[][], indent: string): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? []
  return rows.map((r) => `${indent}| ${r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`)
}
