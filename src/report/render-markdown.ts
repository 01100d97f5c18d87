/**
 * report.md: the coverage-to-SPEC report in Markdown (also the GitHub step summary): totals,
 * gates, regressions, who owes what, then a table per feature.
 */
import path from 'node:path'
import { VERDICT_ORDER, type ClauseVerdict } from '../ledger/verdict.js'
import type { Evidence } from '../ledger/schema.js'
import { escapeMarkdownCell as cell } from './escape.js'
import { byFeature, levelOf, placeOf } from './group.js'
import type { RenderContext, ReportModel } from './model.js'

export function renderMarkdown(model: ReportModel, ctx: RenderContext): string {
  const parts = [
    `# ${cell(model.title)}: ${model.passed ? 'passed' : 'failed'}`,
    `SPEC revision \`${model.specRevision}\`, ${model.ledger.sources.length} fragment(s)${model.generatedAt ? `, newest ${model.generatedAt}` : ''}.`,
    totals(model),
    gates(model),
    baseline(model),
    debts(model),
    ...byFeature(model.verdicts.clauses).map((g) => feature(g.name, g.file, g.clauses, ctx)),
    orphans(model),
  ]
  return `${parts.filter(Boolean).join('\n\n')}\n`
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

function feature(name: string, file: string, clauses: readonly ClauseVerdict[], ctx: RenderContext): string {
  const head = `## ${cell(name)}\n\n\`${cell(file)}\`\n\n| clause | name | level | verdict | reason | owner | acceptor | evidence |\n|---|---|---|---|---|---|---|---|`
  return [head, ...clauses.map((cv) => row(cv, ctx))].join('\n')
}

function row(cv: ClauseVerdict, ctx: RenderContext): string {
  const c = cv.clause
  const verdict = cv.waivedVerdict ? `${cv.verdict} (${cv.waivedVerdict})` : cv.verdict
  const cells = [c.id ?? c.key, c.name, levelOf(cv), verdict, cv.reason, c.owner ?? '', c.acceptor ?? '']
  return `| ${cells.map(cell).join(' | ')} | ${evidenceLinks(cv.evidence, ctx)} |`
}

function evidenceLinks(evidence: readonly Evidence[], ctx: RenderContext): string {
  const places = [...new Set(evidence.map((e) => placeOf(e.test)))]
  const links = places.slice(0, 3).map((p) => `[${cell(p)}](${linkTo(p, ctx)})`)
  return links.join(', ') + (places.length > 3 ? ` and ${places.length - 3} more` : '')
}

/** From the report folder back to the test file; `#L12` is the line anchor code hosts understand. */
function linkTo(place: string, ctx: RenderContext): string {
  const [file, line] = place.split(/:(?=\d+$)/)
  const rel = path.posix.relative(ctx.reportDir, file!)
  return encodeURI(rel).replace(/[()]/g, (m) => `%${m.charCodeAt(0).toString(16)}`) + (line ? `#L${line}` : '')
}

function orphans(model: ReportModel): string {
  if (model.verdicts.orphans.length === 0) return ''
  const rows = model.verdicts.orphans.map((o) => `- \`${cell(placeOf(o.evidence.test))}\` "${cell(o.evidence.test.title)}": ${cell(o.reason)}`)
  return ['## Orphan tests', '', ...rows].join('\n')
}
