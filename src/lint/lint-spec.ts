/**
 * SPEC + config -> the lint report: every enabled rule's findings, sorted, with the counts.
 * A Linter takes the SPEC part by part (each part a Spec of some files), so a large SPEC never
 * has to be held in memory whole; lintSpec is the one-part case.
 */
import type { LintRule, SpecgateConfig } from '../config/schema.js'
import { compareDiagnostics, type Diagnostic } from '../diagnostics.js'
import type { Spec } from '../spec/model.js'
import { LINT_REGISTRY } from './registry.js'
import type { FilesContext, Finding, IdSite, LintRuleDef } from './rule.js'
import { indexTags } from './tag-sites.js'
import { makeVocabulary } from './vocabulary.js'

export interface LintReport {
  files: number
  clauses: number
  /** every Scenario plus every Examples row: the reference parser's pickles */
  cases: number
  findings: Diagnostic[]
}

export interface Linter {
  /** lints the files of one part of the SPEC; returns that part's findings */
  add(part: Spec): Diagnostic[]
  /** the rules that compare across parts, then the whole report */
  finish(): LintReport
}

type Enabled = { rule: LintRule; severity: Diagnostic['severity']; def: LintRuleDef }

export function createLinter(config: SpecgateConfig): Linter {
  const vocabulary = makeVocabulary(config)
  const idPattern = new RegExp(config.ids.pattern)
  const rules = enabledRules(config)
  const report: LintReport = { files: 0, clauses: 0, cases: 0, findings: [] }
  const ids: IdSite[] = []
  return {
    add(spec) {
      const ctx: FilesContext = { spec, config, tags: indexTags(spec, vocabulary), idPattern }
      const found: Diagnostic[] = []
      for (const { rule, severity, def } of rules) {
        if (def.scope === 'files') stamp(found, rule, severity, def.check(ctx))
      }
      count(report, spec, ids)
      report.findings.push(...found)
      return found
    },
    finish() {
      for (const { rule, severity, def } of rules) {
        if (def.scope === 'spec') stamp(report.findings, rule, severity, def.check({ config, ids }))
      }
      report.findings.sort(compareDiagnostics)
      return report
    },
  }
}

export function lintSpec(spec: Spec, config: SpecgateConfig): LintReport {
  const linter = createLinter(config)
  linter.add(spec)
  return linter.finish()
}

export function hasErrors(report: LintReport): boolean {
  return report.findings.some((f) => f.severity === 'error')
}

function enabledRules(config: SpecgateConfig): Enabled[] {
  const all = Object.entries(LINT_REGISTRY) as [LintRule, LintRuleDef][]
  return all
    .map(([rule, def]) => ({ rule, def, severity: config.lint.rules[rule] ?? def.severity }))
    .filter((r): r is Enabled => r.severity !== 'off')
}

function stamp(into: Diagnostic[], rule: LintRule, severity: Diagnostic['severity'], findings: Iterable<Finding>): void {
  for (const f of findings) into.push({ rule, severity, ...f })
}

function count(report: LintReport, spec: Spec, ids: IdSite[]): void {
  report.files += spec.files.length
  for (const c of spec.clauses) {
    report.clauses++
    report.cases += c.cases.length
    if (c.id) ids.push({ id: c.id, file: c.file, line: c.line, column: c.column })
  }
}
