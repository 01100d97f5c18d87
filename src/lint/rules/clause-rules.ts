/** Rules over whole clauses: identity, level, and whether the clause accepts anything at all. */
import { dialects } from '@cucumber/gherkin'
import type { Clause } from '../../spec/model.js'
import type { Finding, IdSite, LintRuleDef } from '../rule.js'

function at(clause: Clause, message: string): Finding {
  return { file: clause.file, line: clause.line, column: clause.column, message }
}

export const missingId = {
  scope: 'files',
  severity: 'error',
  docs: 'a clause without an @id: tag (`specgate ids --write` assigns one)',
  *check({ spec }) {
    for (const c of spec.clauses) if (!c.id) yield at(c, `clause "${c.name}" has no @id: tag; run \`specgate ids --write\` to assign one`)
  },
} satisfies LintRuleDef

export const duplicateId = {
  scope: 'spec',
  severity: 'error',
  docs: 'two clauses with the same id (both places are named)',
  *check({ ids }) {
    const byId = new Map<string, IdSite[]>()
    for (const site of ids) byId.set(site.id, [...(byId.get(site.id) ?? []), site])
    for (const [id, sites] of byId) {
      if (sites.length < 2) continue
      for (const site of sites) {
        const others = sites.filter((o) => o !== site).map((o) => `${o.file}:${o.line}`)
        yield { file: site.file, line: site.line, column: site.column, message: `duplicate id ${id}: also on ${others.join(', ')}` }
      }
    }
  },
} satisfies LintRuleDef

export const missingLevel = {
  scope: 'files',
  severity: 'error',
  docs: 'a clause with no level tag (@unit, @integration, @e2e): no runner owes its evidence',
  *check({ spec }) {
    for (const c of spec.clauses) if (!c.levels.length) yield at(c, `clause "${c.name}" has no level tag: add @unit, @integration or @e2e (here or on its Feature or Rule)`)
  },
} satisfies LintRuleDef

export const conflictingLevels = {
  scope: 'files',
  severity: 'warning',
  docs: 'a clause with several levels (often a Feature default plus a clause tag): each level then needs its own evidence',
  *check({ spec }) {
    for (const c of spec.clauses) {
      if (c.levels.length > 1) yield at(c, `clause "${c.name}" has levels ${c.levels.map((l) => `@${l}`).join(' and ')}: each needs its own evidence; keep one if one was meant`)
    }
  },
} satisfies LintRuleDef

export const noSteps = {
  scope: 'files',
  severity: 'error',
  docs: 'a clause with no steps of its own: it accepts nothing',
  *check({ spec }) {
    for (const c of spec.clauses) if (!hasOwnSteps(c)) yield at(c, `clause "${c.name}" has no steps: it accepts nothing`)
  },
} satisfies LintRuleDef

export const noOutcome = {
  scope: 'files',
  severity: 'error',
  docs: 'a clause with steps but no outcome (Then) step: it checks nothing',
  *check({ spec }) {
    for (const c of spec.clauses) {
      if (hasOwnSteps(c) && !c.steps.some((s) => s.kind === 'outcome')) yield at(c, `clause "${c.name}" has no Then step: it checks nothing`)
    }
  },
} satisfies LintRuleDef

export const emptyExamples = {
  scope: 'files',
  severity: 'error',
  docs: 'an Outline with no Examples, or an Examples block with no rows: it runs no case',
  *check({ spec }) {
    for (const c of spec.clauses) {
      if (!c.examples.length && isOutlineKeyword(c)) yield at(c, `Outline "${c.name}" has no Examples: it runs no case`)
      for (const e of c.examples) {
        if (!e.rows.length) yield { file: c.file, line: e.line, column: e.column, message: `Examples of "${c.name}" have no rows${e.header.length ? '' : ' (not even a header)'}: they run no case` }
      }
    }
  },
} satisfies LintRuleDef

export const unknownPlaceholder = {
  scope: 'files',
  severity: 'error',
  docs: 'an Outline step that uses a <placeholder> no Examples column fills',
  *check({ spec }) {
    for (const c of spec.clauses) {
      for (const e of c.examples) {
        if (!e.rows.length) continue
        const columns = new Set(e.header)
        for (const step of ownSteps(c)) {
          for (const name of placeholders(stepTexts(step))) {
            if (!columns.has(name)) yield { file: c.file, line: step.line, column: step.column, message: `<${name}> is filled by no column of the Examples at line ${e.line} (columns: ${e.header.join(', ') || 'none'})` }
          }
        }
      }
    }
  },
} satisfies LintRuleDef

function hasOwnSteps(c: Clause): boolean {
  return c.steps.some((s) => s.from === 'clause')
}

function ownSteps(c: Clause): Clause['steps'] {
  return c.steps.filter((s) => s.from === 'clause')
}

function stepTexts(step: Clause['steps'][number]): string[] {
  return [step.text, step.docString?.content ?? '', ...(step.dataTable?.flat() ?? [])]
}

function placeholders(texts: readonly string[]): Set<string> {
  const names = new Set<string>()
  for (const t of texts) for (const m of t.matchAll(/<([^<>\n]+)>/g)) names.add(m[1]!)
  return names
}

function isOutlineKeyword(c: Clause): boolean {
  const dialect = dialects[c.feature.language as keyof typeof dialects]
  return dialect?.scenarioOutline.includes(c.keyword) ?? false
}
