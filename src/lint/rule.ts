/**
 * What a lint rule is: a default severity, one docs line, and a check; its name is its registry
 * key. Most rules look at the files in hand ('files'); the few that compare across the whole SPEC
 * ('spec') see only the small index they need, so a large SPEC can be linted part by part.
 */
import type { SpecgateConfig } from '../config/schema.js'
import type { Severity } from '../diagnostics.js'
import type { Spec } from '../spec/model.js'
import type { TagIndex } from './tag-sites.js'

/** A located problem before the registry stamps its rule name and configured severity on it. */
export interface Finding {
  file: string
  line: number
  column: number
  message: string
}

export interface FilesContext {
  /** the files in hand: the whole SPEC, or one part of it */
  spec: Spec
  config: SpecgateConfig
  /** the tags written in these files, by what they are */
  tags: TagIndex
  idPattern: RegExp
}

/** Where each clause id stands, across the whole SPEC. */
export interface IdSite {
  id: string
  file: string
  line: number
  column: number
}

export interface SpecContext {
  config: SpecgateConfig
  ids: readonly IdSite[]
}

interface RuleBase {
  severity: Severity
  docs: string
}

export type LintRuleDef =
  | (RuleBase & { scope: 'files'; check(ctx: FilesContext): Iterable<Finding> })
  | (RuleBase & { scope: 'spec'; check(ctx: SpecContext): Iterable<Finding> })
