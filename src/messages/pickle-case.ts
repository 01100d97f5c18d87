/**
 * Pickles (what Cucumber compiles and runs) <-> clause cases (what specgate judges). Both come from
 * one feature file's GherkinDocument: a pickle names its scenario and Examples row by AST node id,
 * the clause model names them by line, so an index of AST node ids to lines joins the two.
 */
import type * as messages from '@cucumber/messages'
import type { Case, Clause, Spec } from '../spec/model.js'

export interface AstNode {
  line: number
  column: number
  /** step keyword as written, trimmed (steps only) */
  keyword?: string
}

export interface PickleCase {
  clause: Clause
  case: Case
}

/** Every AST node id of a document (scenarios, steps, Examples rows) -> its location. */
export function indexAst(doc: messages.GherkinDocument): Map<string, AstNode> {
  const index = new Map<string, AstNode>()
  const at = (id: string, l: messages.Location, keyword?: string) => index.set(id, { line: l.line, column: l.column ?? 1, keyword })
  const scenario = (s: messages.Scenario) => {
    at(s.id, s.location)
    for (const step of s.steps) at(step.id, step.location, step.keyword.trim())
    for (const ex of s.examples) for (const row of ex.tableBody) at(row.id, row.location)
  }
  const background = (b: messages.Background) => b.steps.forEach((step) => at(step.id, step.location, step.keyword.trim()))
  for (const child of doc.feature?.children ?? []) {
    if (child.scenario) scenario(child.scenario)
    if (child.background) background(child.background)
    for (const inner of child.rule?.children ?? []) {
      if (inner.scenario) scenario(inner.scenario)
      if (inner.background) background(inner.background)
    }
  }
  return index
}

/** The clause case a pickle instantiates: its scenario by line, and for an Outline its Examples row. */
export function caseOfPickle(spec: Spec, ast: Map<string, AstNode>, pickle: messages.Pickle): PickleCase | undefined {
  const [scenarioId, rowId] = pickle.astNodeIds
  const line = scenarioId ? ast.get(scenarioId)?.line : undefined
  const clause = spec.clauses.find((c) => c.file === pickle.uri && c.line === line)
  if (!clause) return undefined
  const rowLine = rowId ? ast.get(rowId)?.line : undefined
  const found = clause.outline ? clause.cases.find((c) => c.line === rowLine) : clause.cases[0]
  return found ? { clause, case: found } : undefined
}
