/**
 * A parsed feature file -> the clause model of one feature file. The input is the part of a
 * GherkinDocument (from @cucumber/gherkin) this reads, which quick-parse.ts also makes.
 */
import { readAcceptanceTags } from './acceptance-tags.js'
import { fit } from '../util/fit.js'
import { clauseHash } from './clause-hash.js'
import { caseKey, type Case, type Clause, type ClauseStep, type ExamplesBlock, type FeatureModel, type StepKind, type TagRef } from './model.js'

interface Location {
  line: number
  column?: number
}
interface DocTag { name: string; location: Location }
interface DocRow { location: Location; cells: readonly { value: string }[] }
interface DocStep {
  location: Location
  keyword: string
  /** Context, Action, Outcome, Conjunction or Unknown */
  keywordType?: string
  text: string
  docString?: { content: string; mediaType?: string }
  dataTable?: { rows: readonly DocRow[] }
}
interface DocExamples { location: Location; name: string; tags: readonly DocTag[]; tableHeader?: DocRow; tableBody: readonly DocRow[] }
interface DocScenario { location: Location; keyword: string; name: string; tags: readonly DocTag[]; steps: readonly DocStep[]; examples: readonly DocExamples[] }
interface DocBackground { steps: readonly DocStep[] }
interface DocRule { location: Location; name: string; tags: readonly DocTag[]; children: readonly { background?: DocBackground; scenario?: DocScenario }[] }

/** What this reads of a GherkinDocument (which is one, structurally). */
export interface FeatureDocument {
  feature?: {
    location: Location
    name: string
    language: string
    tags: readonly DocTag[]
    children: readonly { background?: DocBackground; scenario?: DocScenario; rule?: DocRule }[]
  }
}
export type { DocExamples, DocRow, DocRule, DocScenario, DocStep, DocTag }

/** Where a clause stands: its feature, its rule, the tags and Background steps it inherits. */
export interface Scope {
  file: string
  feature: Clause['feature']
  rule?: Clause['rule']
  /** Feature then Rule tag names, each once (withNames) */
  tags: string[]
  background: ClauseStep[]
  hashes: boolean
}

/** A scenario as written, already in the model's terms: what both parsers hand to clauseOf. */
export interface ClauseParts {
  keyword: string
  name: string
  line: number
  column: number
  ownTags: TagRef[]
  /** the scenario's own steps, Background ones not included */
  steps: ClauseStep[]
  examples: ExamplesBlock[]
}

export function buildFeature(file: string, doc: FeatureDocument, hashes = true): FeatureModel | undefined {
  const f = doc.feature
  if (!f) return undefined
  const feature = { name: f.name, line: f.location.line, column: f.location.column ?? 1, language: f.language }
  const model: FeatureModel = { file, ...feature, tags: tagRefs(f.tags), rules: [], clauses: [] }
  const scope: Scope = { file, feature, tags: withNames([], model.tags), background: [], hashes }
  for (const child of f.children) {
    if (child.background) scope.background = buildSteps(child.background.steps, 'feature')
    else if (child.scenario) model.clauses.push(buildClause(scope, child.scenario))
    else if (child.rule) buildRule(model, scope, child.rule)
  }
  return model
}

function buildRule(model: FeatureModel, outer: Scope, r: DocRule): void {
  const rule = { name: r.name, line: r.location.line, column: r.location.column ?? 1 }
  const tags = tagRefs(r.tags)
  model.rules.push({ ...rule, tags })
  const scope: Scope = { ...outer, rule, tags: withNames(outer.tags, tags) }
  for (const child of r.children) {
    if (child.background) scope.background = [...outer.background, ...buildSteps(child.background.steps, 'rule')]
    else if (child.scenario) model.clauses.push(buildClause(scope, child.scenario))
  }
}

function buildClause(scope: Scope, s: DocScenario): Clause {
  return clauseOf(scope, {
    keyword: s.keyword, name: s.name, line: s.location.line, column: s.location.column ?? 1,
    ownTags: tagRefs(s.tags), steps: buildSteps(s.steps, 'clause'), examples: s.examples.map(buildExamples),
  })
}

/** The clause a scenario makes in its scope: inherited tags, acceptance tags, steps, cases, hash. */
export function clauseOf(scope: Scope, p: ClauseParts): Clause {
  const tags = withNames(scope.tags, p.ownTags)
  const acc = readAcceptanceTags(tags)
  const steps = resolveKinds(scope.background.concat(p.steps)) // a new list, and one without spare room
  const id = acc.ids[0]
  const key = id ?? `${scope.file}:${p.line}`
  return {
    id, key, file: scope.file, feature: scope.feature, rule: scope.rule,
    name: p.name, keyword: p.keyword, outline: p.examples.length > 0,
    line: p.line, column: p.column, ownTags: p.ownTags, tags,
    levels: acc.levels, owner: acc.owner, acceptor: acc.acceptor, branches: acc.branches,
    requiresData: acc.requiresData, covers: acc.covers, risks: acc.risks,
    emptyStateOk: acc.emptyStateOk, wip: acc.wip,
    steps, examples: fit(p.examples),
    cases: buildCases(key, tags, p),
    hash: scope.hashes ? clauseHash(steps, p.examples) : '',
  }
}

/** One case per pickle the reference compiler would make: the scenario, or each Examples row. */
function buildCases(key: string, tags: string[], p: ClauseParts): Case[] {
  if (p.examples.length === 0) return [{ key, tags, line: p.line, column: p.column }]
  const cases: Case[] = []
  for (const ex of p.examples) {
    const exTags = ex.tags.length > 0 ? withNames(tags, ex.tags) : tags
    for (const r of ex.rows) {
      const row = cases.length + 1
      const values = Object.fromEntries(ex.header.map((h, i) => [h, r.cells[i] ?? '']))
      cases.push({ key: caseKey(key, row), row, values, tags: exTags, line: r.line, column: r.column })
    }
  }
  return fit(cases)
}

function buildExamples(e: DocExamples): ExamplesBlock {
  return {
    name: e.name, line: e.location.line, column: e.location.column ?? 1, tags: tagRefs(e.tags),
    // Examples without a header row compile to no pickles, so they have no rows here either.
    header: e.tableHeader?.cells.map((c) => c.value) ?? [],
    rows: e.tableHeader
      ? e.tableBody.map((r) => ({ cells: r.cells.map((c) => c.value), line: r.location.line, column: r.location.column ?? 1 }))
      : [],
  }
}

function buildSteps(steps: readonly DocStep[], from: ClauseStep['from']): ClauseStep[] {
  return steps.map((s) => ({
    keyword: s.keyword.trim(),
    kind: keywordKind(s.keywordType),
    text: s.text,
    docString: s.docString ? { content: s.docString.content, mediaType: s.docString.mediaType || undefined } : undefined,
    dataTable: s.dataTable?.rows.map((r) => r.cells.map((c) => c.value)),
    from,
    line: s.location.line,
    column: s.location.column ?? 1,
  }))
}

/** 'unknown' here marks a conjunction (And, But, `*`), resolved by resolveKinds. */
function keywordKind(type: string | undefined): StepKind {
  switch (type) {
    case 'Context': return 'context'
    case 'Action': return 'action'
    case 'Outcome': return 'outcome'
    default: return 'unknown'
  }
}

/** And, But and `*` continue the kind before them; a leading one stays unknown. */
export function resolveKinds(steps: ClauseStep[]): ClauseStep[] {
  let last: StepKind = 'unknown'
  for (const step of steps) {
    if (step.kind === 'unknown') step.kind = last
    else last = step.kind
  }
  return steps
}

function tagRefs(tags: readonly DocTag[]): TagRef[] {
  return tags.map((t) => ({ name: t.name, line: t.location.line, column: t.location.column ?? 1 }))
}

/** The names, then each tag's name not among them yet (tags are inherited once, outermost first). */
export function withNames(names: readonly string[], tags: readonly TagRef[]): string[] {
  const added: string[] = []
  for (const t of tags) if (!names.includes(t.name) && !added.includes(t.name)) added.push(t.name)
  return names.concat(added) // no spare room: every clause keeps its list
}
