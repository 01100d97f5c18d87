/** Rules over single tags: is the tag known, and is its value well formed. */
import { closest, distance } from 'fastest-levenshtein'
import { REQUIRES_DATA } from '../../spec/acceptance-tags.js'
import type { Finding, LintRuleDef } from '../rule.js'
import type { TagSite } from '../tag-sites.js'

function at(site: TagSite, message: string): Finding {
  return { file: site.file, line: site.tag.line, column: site.tag.column, message }
}

export const unknownTag = {
  scope: 'files',
  severity: 'error',
  docs: 'a tag that is neither an acceptance tag nor listed in tags.allowed (with a did-you-mean)',
  *check(ctx) {
    for (const site of ctx.tags.unknown) {
      const hint = site.suggestion ? `; did you mean ${site.suggestion}?` : '; add it to tags.allowed in the config if the team uses it'
      yield at(site, `unknown tag ${site.tag.name}${hint}`)
    }
  },
} satisfies LintRuleDef

export const malformedId = {
  scope: 'files',
  severity: 'error',
  docs: 'an @id: value that does not match ids.pattern, or an @id: on a Feature, Rule or Examples',
  *check(ctx) {
    for (const site of ctx.tags.values.id) {
      const value = site.value
      if (site.on !== 'clause') yield at(site, `${site.tag.name} stands on ${article(site.on)}; an id names one Scenario, so it belongs on the Scenario`)
      else if (!ctx.idPattern.test(value)) yield at(site, `malformed id "${value}": expected ${ctx.idPattern.source} (e.g. AUTH-012)`)
    }
    for (const clause of ctx.spec.clauses) {
      if (clause.ownTags.length < 2) continue
      const ids = clause.ownTags.filter((t) => t.name.startsWith('@id:'))
      const second = ids[1]
      if (second) yield { file: clause.file, line: second.line, column: second.column, message: `a clause has one id, this one has ${ids.length}: ${ids.map((t) => t.name).join(' ')}` }
    }
  },
} satisfies LintRuleDef

export const malformedRequiresData = {
  scope: 'files',
  severity: 'error',
  docs: 'an @requires-data: value that is not <entity>>=<n>',
  *check(ctx) {
    for (const site of ctx.tags.values['requires-data']) {
      const value = site.value
      if (!REQUIRES_DATA.test(value)) yield at(site, `${site.tag.name} is malformed: expected @requires-data:<entity>>=<n>, e.g. @requires-data:orders>=3`)
    }
  },
} satisfies LintRuleDef

export const malformedCovers = {
  scope: 'files',
  severity: 'error',
  docs: 'an @covers: value that is not a relative path glob',
  *check(ctx) {
    for (const site of ctx.tags.values.covers) {
      const value = site.value
      const problem = coversProblem(value)
      if (problem) yield at(site, `${site.tag.name} is malformed: ${problem}; expected a glob relative to the project root, e.g. @covers:src/auth/**`)
    }
  },
} satisfies LintRuleDef

function coversProblem(glob: string): string | undefined {
  if (!glob) return 'no path'
  if (glob.startsWith('/') || /^[A-Za-z]:/.test(glob)) return 'an absolute path'
  if (glob.includes('\\')) return 'a backslash (use / between folders)'
  if (glob.split('/').includes('..')) return 'a path outside the project (..)'
  if (!balanced(glob, '{', '}') || !balanced(glob, '[', ']')) return 'unbalanced { } or [ ]'
  return undefined
}

function balanced(text: string, open: string, close: string): boolean {
  let depth = 0
  for (const ch of text) {
    if (ch === open) depth++
    else if (ch === close && --depth < 0) return false
  }
  return depth === 0
}

export const unknownRisk = {
  scope: 'files',
  severity: 'error',
  docs: 'an @risk: category that is not in tags.risks',
  *check(ctx) {
    const risks = ctx.config.tags.risks
    for (const site of ctx.tags.values.risk) {
      const value = site.value
      if (risks.includes(value)) continue
      const near = risks.length ? closest(value, risks) : undefined
      const hint = near && distance(near, value) <= Math.max(2, value.length / 3) ? `did you mean @risk:${near}? ` : ''
      yield at(site, `unknown risk "${value}": ${hint}known: ${risks.join(', ')} (tags.risks in the config)`)
    }
  },
} satisfies LintRuleDef

/** Who owes the evidence and who accepts it must be a name a person can find. */
export const malformedOwner = {
  scope: 'files',
  severity: 'error',
  docs: 'an @owner: or @acceptor: with an empty value or characters a name does not have',
  *check(ctx) {
    for (const key of ['owner', 'acceptor'] as const) {
      for (const site of ctx.tags.values[key]) {
        if (!/^[\w.@/+-]+$/.test(site.value)) yield at(site, `${site.tag.name} is malformed: expected @${key}:<who>, a team or person (letters, digits, . _ - / @ +)`)
      }
    }
  },
} satisfies LintRuleDef

function article(on: TagSite['on']): string {
  return on === 'examples' ? 'an Examples block' : `a ${on === 'feature' ? 'Feature' : 'Rule'}`
}
