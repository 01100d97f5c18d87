/**
 * `--tags <expression>`: gate a part of the SPEC (`@risk:security`, `@e2e and not @wip`), with
 * Cucumber's own tag-expression grammar. Evidence for the clauses left out is not orphaned.
 */
import { parse } from '@cucumber/tag-expressions'
import { InputError } from '../diagnostics.js'
import type { Clause, Spec } from '../spec/model.js'

export type ClauseFilter = (clause: Clause) => boolean

export function tagFilter(expression: string): ClauseFilter {
  let node: ReturnType<typeof parse>
  try {
    node = parse(expression)
  } catch (err) {
    throw new InputError(`--tags "${expression}" is not a tag expression: ${(err as Error).message.split('\n')[0]}`)
  }
  return (clause) => node.evaluate(clause.tags)
}

/** The same SPEC with only the selected clauses to judge; ids of the others still resolve. */
export function selectClauses(spec: Spec, filter: ClauseFilter | undefined): Spec {
  return filter ? { ...spec, clauses: spec.clauses.filter(filter) } : spec
}
