/**
 * The data the HTML report's page renders from: the report model cut down to plain JSON, with the
 * clause's Gherkin text rebuilt from the clause model, and what the page can rebuild exactly left
 * out (html-derive.ts). It is written in chunks (one per clause), already escaped for a script
 * element: for a large SPEC it is tens of MB.
 */
import type { ClauseVerdict } from '../ledger/verdict.js'
import type { Evidence } from '../ledger/schema.js'
import type { Clause, ClauseStep, FeatureModel, Spec } from '../spec/model.js'
import { withNames } from '../spec/build-feature.js'
import { jsonForScript } from './escape.js'
import { placeOf } from '../ledger/judge-evidence.js'
import { byFeature } from './group.js'
import { acceptanceOf, evidenceTitle, inheritedTags, outlineCaseKey } from './html-derive.js'
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
  /** `tags`: the Feature's tag names, each once: every clause of the file inherits them (HtmlClause.tags) */
  features: { name: string; file: string; tags: string[] }[]
  /** each Rule once by name and the tags it adds to its Feature's; clauses refer to them by index */
  rules: { name: string; tags: string[] }[]
  clauses: HtmlClause[]
  orphans: { place: string; title: string; reason: string }[]
  sources: { id: string; runner: string; label: string; createdAt: string; commit?: string; shard?: string; rejected?: string }[]
}

/**
 * A clause, with what the page can rebuild left out (html-derive.ts, checked per clause as it is
 * written). Figures are of the benchmark's report.html (50,000 clauses): 34.5 MB before, 22.9 after.
 */
export interface HtmlClause {
  id: string
  name: string
  /** index into `features`, which holds the file */
  feature: number
  /** index into `rules`: the name, repeated in every clause of a rule, was 1.1 MB (the index 0.5 MB) */
  rule?: number
  line: number
  verdict: string
  waivedVerdict?: string
  /** absent when empty, as an accepted clause's is (`"reason":""` was 0.6 MB) */
  reason?: string
  /**
   * Only where the page would rebuild them differently: it takes its feature's and rule's tags,
   * then those of `ownTags` not among them, as the model does. Written out per clause they were
   * 3.5 MB; the features' tags are 0.2 MB.
   */
  tags?: string[]
  /**
   * Only where the page's reading of the tags would differ from the model's levels, owner and
   * acceptor (a config default, say): written out per clause they were 1.0 + 0.85 + 0.8 MB.
   */
  acceptance?: { levels: string[]; owner?: string; acceptor?: string }
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
  /**
   * only when the clause has more than one case (an Outline's rows): the page lists them then;
   * `key` only when it is not `id[n]` (outlineCaseKey): all 15,000 were, 0.35 MB written out
   */
  cases?: { key?: string; verdict: string; reasons: string[] }[]
  evidence: HtmlEvidence[]
  waiver?: { reason: string; owner: string; expires: string; link?: string; acceptor?: string; status: string; at: string }
}

export interface HtmlEvidence {
  /** only when it is not the clause id (an Outline row's is `id[n]`): 45,000 of 60,000 were, 1.0 MB */
  case?: string
  runner: string
  /** index into `strings`: `file:line` of the test */
  place: number
  /** only when it is not `case name` (evidenceTitle), the title skeletons give: 3.1 MB written out */
  title?: string
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
  /**
   * [keyword, text, status (indexes into `strings`), error?]: a large SPEC repeats its steps a lot.
   * `true`: the test ran the clause's steps as written, and all passed (ranAsWritten): the page
   * finds them in the clause's Gherkin lines (ranSteps). The benchmark's report.html: 45,000 of
   * 60,000 tests, 22.9 MB to 20.8 MB. null: the runner reported no steps.
   */
  steps: [number, number, number, string?][] | true | null
  data?: Evidence['data']
}

/** The JSON text of HtmlData, in chunks; `rules` and `strings` come last, once every clause has added to them. */
export function* htmlDataJson(model: ReportModel): Generator<string> {
  const groups = byFeature(model.verdicts.clauses)
  const waivers = new Map(model.waivers.map((u) => [u.waiver.clause, u]))
  const strings = new PageStrings()
  const scopes = new Scopes(model.spec)
  const features = groups.map((g) => ({ name: g.name, file: g.file, tags: scopes.featureTags(g.file) }))
  const head: Omit<HtmlData, 'strings' | 'rules' | 'clauses'> = {
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
    features,
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
      const scope = scopes.of(cv.clause, features[i]!.tags)
      yield (first ? '' : ',') + jsonForScript(clauseData(cv, i, scope, waivers.get(cv.clause.id ?? ''), strings))
      first = false
    }
  }
  yield `],"rules":${jsonForScript(scopes.rules)},"strings":${jsonForScript(strings.list)}}`
}

/** Where a clause's inherited tags come from: its feature's, then its rule's, as the page composes them. */
interface ClauseScope {
  rule?: number
  tags: string[]
}

/** The Feature and Rule tags of the SPEC's feature models; the rules listed once by name and tags. */
class Scopes {
  readonly rules: HtmlData['rules'] = []
  private readonly features: Map<string, FeatureModel>
  private readonly byKey = new Map<string, number>()
  /** by the clause's rule object, which every clause of a rule shares */
  private readonly byRule = new Map<object, ClauseScope>()

  constructor(spec: Spec | undefined) {
    this.features = new Map(spec?.features.map((f) => [f.file, f]))
  }

  featureTags(file: string): string[] {
    return withNames([], this.features.get(file)?.tags ?? [])
  }

  of(c: Clause, featureTags: string[]): ClauseScope {
    if (!c.rule) return { tags: featureTags }
    let scope = this.byRule.get(c.rule)
    if (!scope) this.byRule.set(c.rule, (scope = this.ruleScope(c, c.rule, featureTags)))
    return scope
  }

  private ruleScope(c: Clause, rule: NonNullable<Clause['rule']>, featureTags: string[]): ClauseScope {
    const written = this.features.get(c.file)?.rules.find((r) => r.line === rule.line && r.column === rule.column)?.tags ?? []
    const tags = withNames(featureTags, written).slice(featureTags.length)
    const key = JSON.stringify([rule.name, tags])
    let index = this.byKey.get(key)
    if (index === undefined) this.byKey.set(key, (index = this.rules.push({ name: rule.name, tags }) - 1))
    return { rule: index, tags: featureTags.concat(tags) }
  }
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

function clauseData(cv: ClauseVerdict, feature: number, scope: ClauseScope, use: ReportModel['waivers'][number] | undefined, strings: PageStrings): HtmlClause {
  const c = cv.clause
  const id = c.id ?? c.key
  const own = ownTags(c)
  const plain = gherkinHasSteps(c)
  return {
    id, name: c.name, feature, rule: scope.rule, line: c.line,
    verdict: cv.verdict, waivedVerdict: cv.waivedVerdict, reason: cv.reason || undefined,
    tags: sameList(inheritedTags(scope.tags, own), c.tags) ? undefined : c.tags,
    acceptance: sameAcceptance(c) ? undefined : { levels: c.levels, owner: c.owner, acceptor: c.acceptor },
    ownTags: own, keyword: strings.ofFew(c.keyword), gherkin: strings.gherkin(c),
    cases: cv.cases.length > 1
      ? cv.cases.map((k, i) => ({ key: k.key === outlineCaseKey(id, i) ? undefined : k.key, verdict: k.verdict, reasons: k.reasons }))
      : undefined,
    evidence: cv.evidence.map((e) => evidenceData(e, id, c.name, strings, plain && e.steps !== null && ranAsWritten(e.steps, c.steps))),
    waiver: use && {
      reason: use.waiver.reason, owner: use.waiver.owner, expires: use.waiver.expires, link: use.waiver.link,
      acceptor: use.waiver.acceptor, status: use.status, at: `${use.waiver.file}:${use.waiver.line}`,
    },
  }
}

/** whether the page, reading the clause's tags, finds the model's levels, owner and acceptor */
function sameAcceptance(c: Clause): boolean {
  const a = acceptanceOf(c.tags)
  return a.owner === c.owner && a.acceptor === c.acceptor && sameList(a.levels, c.levels)
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

/**
 * Whether ranSteps finds the clause's steps in its Gherkin lines: not an Outline's (Examples
 * lines, and row values in the steps a test ran), and no step text of its own that ends like a
 * Background step's mark (a step's text is trimmed, so the mark could only come from it).
 */
function gherkinHasSteps(c: Clause): boolean {
  if (c.examples.length > 0) return false
  for (const s of c.steps) if (s.from === 'clause' && s.text.endsWith(BACKGROUND_MARK)) return false
  return true
}

/** The test ran the clause's steps, as written, in order, and every one passed. */
function ranAsWritten(ran: NonNullable<Evidence['steps']>, steps: readonly ClauseStep[]): boolean {
  if (ran.length !== steps.length) return false
  for (let i = 0; i < ran.length; i++) {
    const r = ran[i]!
    const s = steps[i]!
    if (r.status !== 'passed' || r.error !== undefined || r.keyword !== s.keyword || r.text !== s.text) return false
  }
  return true
}

function evidenceData(e: Evidence, id: string, name: string, strings: PageStrings, asWritten: boolean): HtmlEvidence {
  return {
    case: e.caseKey === id ? undefined : e.caseKey, runner: e.runner, place: strings.place(e.test),
    title: e.test.title === evidenceTitle(e.caseKey, name) ? undefined : e.test.title, project: e.test.project,
    status: e.status, detail: e.detail, skeleton: e.skeleton || undefined, durationMs: e.durationMs, retries: e.retries || undefined,
    assertions: e.assertions, failure: e.failure, data: e.data,
    steps: asWritten || (e.steps && e.steps.map((st) => {
      const step: [number, number, number, string?] = [strings.ofFew(st.keyword), strings.of(st.text), strings.ofFew(st.status)]
      if (st.error) step.push(st.error)
      return step
    })),
  }
}

/** How the Gherkin text marks a Background step (html-derive.ts ranSteps takes it off again). */
const BACKGROUND_MARK = '   # Background'

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
  return `  ${s.keyword} ${s.text}${s.from === 'clause' ? '' : BACKGROUND_MARK}`
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
