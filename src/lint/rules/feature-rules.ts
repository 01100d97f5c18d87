/** Rules over whole files: does it parse, and does it specify more than the happy path. */
import type { Diagnostic } from '../../diagnostics.js'
import type { Finding, LintRuleDef } from '../rule.js'

export const parseError = {
  scope: 'files',
  severity: 'error',
  docs: 'the file is not valid Gherkin (the parser\'s message, at its position); other files are still linted',
  *check({ spec }) {
    for (const e of spec.errors) yield located(e)
  },
} satisfies LintRuleDef

export const noErrorBranch = {
  scope: 'files',
  severity: 'error',
  docs: 'a feature with no @error or @edge clause: only the happy path is specified',
  *check({ spec }) {
    for (const f of spec.features) {
      if (!f.clauses.length || f.clauses.some((c) => c.branches.length)) continue
      yield { file: f.file, line: f.line, column: f.column, message: `feature "${f.name}" has no @error or @edge clause: only the happy path is specified` }
    }
  },
} satisfies LintRuleDef

function located(d: Diagnostic): Finding {
  return { file: d.file, line: d.line ?? 1, column: d.column ?? 1, message: d.message }
}
