/**
 * A parsed feature file -> the clause model of one feature file. The input is the part of a
 * GherkinDocument (from @cucumber/gherkin) this reads, which quick-parse.ts also makes.
 */
import { readAcceptanceTags } from './acceptance-tags.js'
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

interface Scope {
  file: string
  feature: Clause['feature']
  rule?: Clause['rule']
  tags: string[]
  background: ClauseStep[]
  hashes: boolean
}

export function buildFeature(file: string, doc: FeatureDocument, hashes = true): FeatureModel | undefined {
  const f = doc.feature
  if (!f) return undefined
  const feature = { name: f.name, line: f.location.line, column: f.location.column ?? 1, language: f.language }
  const model: FeatureModel = { file, ...feature, tags: tagRefs(f.tags), rules: [], clauses: [] }
  const scope: Scope = { file, feature, tags: f.tags.map((t) => t.name), background: [], hashes }
  for (const child of f.children) {
    if (child.background) scope.background = buildSteps(child.background.steps, 'feature')
    else if (child.scenario) model.clauses.push(buildClause(scope, child.scenario))
    else if (child.rule) buildRule(model, scope, child.rule)
  }
  return model
}

function buildRule(model: FeatureModel, outer: Scope, r: DocRule): void {
  const rule = { name: r.name, line: r.location.line, column: r.location.column ?? 1 }
  model.rules.push({ ...rule, tags: tagRefs(r.tags) })
  const scope: Scope = { ...outer, rule, tags: [...outer.tags, ...r.tags.map((t) => t.name)] }
  for (const child of r.children) {
    if (child.background) scope.background = [...outer.background, ...buildSteps(child.background.steps, 'rule')]
    else if (child.scenario) model.clauses.push(buildClause(scope, child.scenario))
  }
}

function buildClause(scope: Scope, s: DocScenario): Clause {
  const ownTags = tagRefs(s.tags)
  const tags = unique([...scope.tags, ...ownTags.map((t) => t.name)])
  const acc = readAcceptanceTags(tags)
  const steps = resolveKinds([...scope.background, ...buildSteps(s.steps, 'clause')])
  const examples = s.examples.map(buildExamples)
  const id = acc.ids[0]
  const line = s.location.line
  const key = id ?? `${scope.file}:${line}`
  return {
    id, key, file: scope.file, feature: scope.feature, rule: scope.rule,
    name: s.name, keyword: s.keyword, outline: s.examples.length > 0,
    line, column: s.location.column ?? 1, ownTags, tags,
    levels: acc.levels, owner: acc.owner, acceptor: acc.acceptor, branches: acc.branches,
    requiresData: acc.requiresData, covers: acc.covers, risks: acc.risks,
    emptyStateOk: acc.emptyStateOk, wip: acc.wip,
    steps, examples,
    cases: buildCases(key, tags, s, examples),
    hash: scope.hashes ? clauseHash(steps, examples) : '',
  }
}

/** One case per pickle the reference compiler would make: the scenario, or each Examples row. */
function buildCases(key: string, tags: string[], s: DocScenario, examples: ExamplesBlock[]): Case[] {
  if (examples.length === 0) return [{ key, tags, line: s.location.line, column: s.location.column ?? 1 }]
  const cases: Case[] = []
  for (const ex of examples) {
    const exTags = unique([...tags, ...ex.tags.map((t) => t.name)])
    for (const r of ex.rows) {
      const row = cases.length + 1
      const values = Object.fromEntries(ex.header.map((h, i) => [h, r.cells[i] ?? '']))
      cases.push({ key: caseKey(key, row), row, values, tags: exTags, line: r.line, column: r.column })
    }
  }
  return cases
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
function resolveKinds(steps: ClauseStep[]): ClauseStep[] {
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

function unique(names: string[]): string[] {
  return [...new Set(names)]
}
