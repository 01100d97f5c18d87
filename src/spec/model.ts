/** The clause model: what specgate knows about a SPEC, built once and shared by every part. */
import type { Diagnostic } from '../diagnostics.js'

export type Level = 'unit' | 'integration' | 'e2e'
export const LEVELS: readonly Level[] = ['unit', 'integration', 'e2e']

/** A case's key: the clause id, and for an Outline's Examples row `ID[row]` (`KEYS-004[2]`). */
export function caseKey(id: string, row?: number): string {
  return row === undefined ? id : `${id}[${row}]`
}

export interface Position {
  line: number
  column: number
}

export interface TagRef extends Position {
  /** as written, with the leading `@` */
  name: string
}

/** Given / When / Then after resolving And, But and `*` to the kind they continue. */
export type StepKind = 'context' | 'action' | 'outcome' | 'unknown'

export interface ClauseStep extends Position {
  /** the keyword as written (`Given `, `And `, `Étant donné que `), trimmed */
  keyword: string
  kind: StepKind
  text: string
  docString?: { content: string; mediaType?: string }
  dataTable?: string[][]
  /** 'feature' or 'rule' for Background steps, 'clause' for the scenario's own */
  from: 'feature' | 'rule' | 'clause'
}

export interface ExamplesBlock extends Position {
  name: string
  tags: TagRef[]
  header: string[]
  rows: { cells: string[]; line: number; column: number }[]
}

/** One runnable instance of a clause: the clause itself, or one Examples row of an Outline. */
export interface Case {
  /** `AUTH-012`, or `AUTH-012[2]` for the second Examples row (1-based across all Examples) */
  key: string
  /** 1-based row number for Outline cases */
  row?: number
  /** the row's values by column name */
  values?: Record<string, string>
  /** tag names of Feature, Rule, Scenario and the Examples block */
  tags: string[]
  line: number
  column: number
}

export interface Clause extends Position {
  /** from the `@id:` tag; undefined when the clause has none yet */
  id?: string
  /** the key cases are named by: the id, or a location-based key (`file:line`) when there is no id */
  key: string
  file: string
  feature: { name: string; line: number; column: number; language: string }
  rule?: { name: string; line: number; column: number }
  name: string
  keyword: string
  outline: boolean
  /** the scenario's own tags, with locations */
  ownTags: TagRef[]
  /** tag names inherited Feature -> Rule -> Scenario, each once, in that order */
  tags: string[]
  levels: Level[]
  owner?: string
  acceptor?: string
  branches: ('error' | 'edge')[]
  requiresData: { entity: string; min: number }[]
  covers: string[]
  risks: string[]
  emptyStateOk: boolean
  wip: boolean
  /** Background steps first, then the clause's own */
  steps: ClauseStep[]
  examples: ExamplesBlock[]
  cases: Case[]
  hash: string
}

export interface FeatureModel {
  file: string
  name: string
  language: string
  line: number
  column: number
  tags: TagRef[]
  rules: { name: string; line: number; column: number; tags: TagRef[] }[]
  clauses: Clause[]
}

export interface SpecFile {
  /** root-relative POSIX path */
  file: string
  absPath: string
  source: string
  mediaType: 'text/x.cucumber.gherkin+plain' | 'text/x.cucumber.gherkin+markdown'
  feature?: FeatureModel
  /** parse errors of this file (rule `parse-error`) */
  errors: Diagnostic[]
}

export interface Spec {
  root: string
  files: SpecFile[]
  features: FeatureModel[]
  clauses: Clause[]
  /** clauses by id; the first one wins where two share an id (lint reports the duplicate) */
  byId: Map<string, Clause>
  /** parse errors of every file */
  errors: Diagnostic[]
}
