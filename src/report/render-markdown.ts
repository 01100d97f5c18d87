/**
 * report.md: the coverage-to-SPEC report in Markdown (also the GitHub step summary): totals,
 * gates, regressions, who owes what, then a table per feature.
 */
import path from 'node:path'
import { VERDICT_ORDER, type ClauseVerdict } from '../ledger/verdict.js'
import type { Evidence } from '../ledger/schema.js'
import { escapeMarkdownCell as cell } from './escape.js'
import { placeOf } from '../ledger/judge-evidence.js'
import { byFeature, levelOf } from './group.js'
import type { RenderContext, ReportModel } from './model.js'

/** In chunks, one per section and per feature: the report of a large SPEC is many MB. */
export function* renderMarkdown(model: ReportModel, ctx: RenderContext): Generator<string> {
  const links = new Links(ctx.reportDir)
  const parts = [
    () => `# ${cell(model.title)}: ${model.passed ? 'passed' : 'failed'}`,
    () => `SPEC revision \`${model.specRevision}\`, ${model.ledger.sources.length} fragment(s)${model.generatedAt ? `, newest ${model.generatedAt}` : ''}.`,
    () => totals(model),
    () => gates(model),
    () => baseline(model),
    () => debts(model),
    ...byFeature(model.verdicts.clauses).map((g) => () => feature(g.name, g.file, g.clauses, links)),
    () => orphans(model),
  ]
  let first = true
  for (const part of parts) {
    const text = part()
    if (!text) continue
    yield first ? text : `\n\n${text}`
    first = false
  }
  yield '\n'
}

function totals(model: ReportModel): string {
  const t = model.totals
  const counts = [...VERDICT_ORDER].reverse().filter((v) => t.byVerdict[v] > 0).map((v) => `${t.byVerdict[v]} ${v}`)
  const rejection = model.verdicts.rejection ? `\n\n**${cell(model.verdicts.rejection)}**` : ''
  return `**${t.clauses} clauses** (${t.cases} cases): ${counts.join(', ') || 'none'}${t.orphans ? `, ${t.orphans} orphan test(s)` : ''}${rejection}`
}

function gates(model: ReportModel): string {
  const rows = model.gates.filter((g) => g.severity !== 'off').map((g) => {
    const result = g.passed ? 'pass' : g.severity === 'error' ? '**FAIL**' : 'warning'
    const first = g.failures.slice(0, 5).map((f) => cell(f.clause?.clause.id ?? f.message)).join(', ')
    const rest = g.failures.length > 5 ? ` and ${g.failures.length - 5} more` : ''
    return `| ${g.name} | ${result} | ${cell(g.describe)} | ${first}${rest} |`
  })
  return ['## Gates', '', '| gate | result | rule | failing |', '|---|---|---|---|', ...rows].join('\n')
}

function baseline(model: ReportModel): string {
  const b = model.baseline
  if (!b) return ''
  const lines = [`## Against baseline \`${cell(b.file)}\``, '', `### Regressions (${b.regressions.length})`, '']
  lines.push(...(b.regressions.length ? b.regressions.map((r) => `- **${r.id}** ${cell(r.name)}: was ${r.before}, now **${r.now}**: ${cell(r.reason)}`) : ['none']))
  lines.push('', `### Newly accepted (${b.newlyAccepted.length})`, '')
  lines.push(...(b.newlyAccepted.length ? b.newlyAccepted.map((r) => `- **${r.id}** ${cell(r.name)} (was ${r.before})`) : ['none']))
  return lines.join('\n')
}

function debts(model: ReportModel): string {
  if (model.debts.length === 0) return ''
  const rows = model.debts.map((d) => `| ${d.role} | ${cell(d.who)} | ${d.items.map((i) => `${i.id} (${i.verdict})`).join(', ')} |`)
  return ['## Who owes what', '', '| role | who | clauses failing a gate |', '|---|---|---|', ...rows].join('\n')
}

function feature(name: string, file: string, clauses: readonly ClauseVerdict[], links: Links): string {
  const head = `## ${cell(name)}\n\n\`${cell(file)}\`\n\n| clause | name | level | verdict | reason | owner | acceptor | evidence |\n|---|---|---|---|---|---|---|---|`
  return [head, ...clauses.map((cv) => row(cv, links))].join('\n')
}

function row(cv: ClauseVerdict, links: Links): string {
  const c = cv.clause
  const verdict = cv.waivedVerdict ? `${cv.verdict} (${cv.waivedVerdict})` : cv.verdict
  const cells = [c.id ?? c.key, c.name, levelOf(cv), verdict, cv.reason, c.owner ?? '', c.acceptor ?? '']
  return `| ${cells.map(cell).join(' | ')} | ${evidenceLinks(cv.evidence, links)} |`
}

function evidenceLinks(evidence: readonly Evidence[], links: Links): string {
  const places = [...new Set(evidence.map((e) => placeOf(e.test)))]
  const shown = places.slice(0, 3).map((p) => `[${cell(p)}](${links.to(p)})`)
  return shown.join(', ') + (places.length > 3 ? ` and ${places.length - 3} more` : '')
}

/** From the report folder back to the test file; `#L12` is the line anchor code hosts understand. */
class Links {
  /** a test file is linked from many rows: its relative, encoded path is worked out once */
  private readonly files = new Map<string, string>()
  constructor(private readonly reportDir: string) {}

  to(place: string): string {
    const [file, line] = place.split(/:(?=\d+$)/)
    let href = this.files.get(file!)
    if (href === undefined) {
      href = encodeURI(path.posix.relative(this.reportDir, file!)).replace(/[()]/g, (m) => `%${m.charCodeAt(0).toString(16)}`)
      this.files.set(file!, href)
    }
    return href + (line ? `#L${line}` : '')
  }
}

function orphans(model: ReportModel): string {
  if (model.verdicts.orphans.length === 0) return ''
  const rows = model.verdicts.orphans.map((o) => `- \`${cell(placeOf(o.evidence.test))}\` "${cell(o.evidence.test.title)}": ${cell(o.reason)}`)
  return ['## Orphan tests', '', ...rows].join('\n')
}
