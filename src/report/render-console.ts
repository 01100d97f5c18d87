/**
 * The console report: regressions against a baseline first, one compact row per feature, the
 * clauses that are not accepted with their reason, the gate results and who owes what. Colour only when the caller says it is a terminal.
 */
import pc from 'picocolors'
import type { GateResult } from '../ledger/gates.js'
import type { ClauseVerdict } from '../ledger/verdict.js'
import type { RenderContext, ReportModel } from './model.js'
import { byFeature, type FeatureGroup } from './group.js'
import { totalsLine, verdictColor } from './render-summary.js'
import { supersededText } from './superseded-text.js'

/** Beyond this many, lists end with "and N more": the full detail is in report.md and report.html. */
const LIST_LIMIT = 20

export function renderConsole(model: ReportModel, ctx: RenderContext): string {
  const c = pc.createColors(ctx.color)
  const lines = [c.bold(`${model.title}: SPEC revision ${model.specRevision}, ${model.ledger.sources.length} fragment(s)`)]
  // regressions first: what a baseline had accepted and this run lost is the news of the run
  lines.push(...baselineLines(model, ctx.color))
  lines.push(...supersededLines(model))
  if (model.verdicts.rejection) lines.push(c.red(c.bold(model.verdicts.rejection)))
  lines.push('', ...featureTable(byFeature(model.verdicts.clauses)))
  lines.push(...notAccepted(model.verdicts.clauses, ctx.color))
  lines.push('', totalsLine(model.verdicts, ctx.color), '')
  lines.push(...model.gates.filter((g) => !g.passed && g.severity !== 'off').map((g) => gateLine(g, ctx.color)))
  const passing = model.gates.filter((g) => g.passed && g.severity !== 'off').map((g) => g.name)
  if (passing.length) lines.push(`${pc.createColors(ctx.color).green('pass')}  ${passing.join(', ')}`)
  lines.push(...debtLines(model))
  lines.push('', model.passed ? c.green(c.bold('check passed: every gate passes')) : c.red(c.bold('check failed: see the failing gates above')))
  return `${lines.join('\n')}\n`
}

function supersededLines(model: ReportModel): string[] {
  const all = model.superseded ?? []
  if (all.length === 0) return []
  return ['', `superseded by newer runs (${all.length}):`, ...all.slice(0, LIST_LIMIT).map((x) => `  ${supersededText(x)}`), ...more(all.length)]
}

function featureTable(groups: readonly FeatureGroup[]): string[] {
  const rows = [['feature', 'file', 'clauses', 'accepted', 'waived', 'not accepted']]
  for (const g of groups) {
    const accepted = g.clauses.filter((cv) => cv.verdict === 'accepted').length
    const waived = g.clauses.filter((cv) => cv.verdict === 'waived').length
    rows.push([g.name, g.file, String(g.clauses.length), String(accepted), String(waived), String(g.clauses.length - accepted - waived)])
  }
  return table(rows)
}

function table(rows: readonly string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.min(48, Math.max(...rows.map((r) => r[i]!.length))))
  return rows.map((r) => r.map((cell, i) => (i >= 2 ? cell.padStart(widths[i]!) : clip(cell, widths[i]!).padEnd(widths[i]!))).join('  ').trimEnd())
}

function clip(s: string, width: number): string {
  return s.length > width ? `${s.slice(0, width - 1)}…` : s
}

function notAccepted(clauses: readonly ClauseVerdict[], color: boolean): string[] {
  const open = clauses.filter((cv) => cv.verdict !== 'accepted')
  if (open.length === 0) return []
  const lines = ['', 'not accepted:']
  for (const cv of open.slice(0, LIST_LIMIT)) {
    lines.push(`  ${verdictColor(cv.verdict, color)(cv.verdict.padEnd(11))} ${cv.clause.id}  ${cv.clause.name}  (${cv.clause.file}:${cv.clause.line})`)
    if (cv.reason) lines.push(`              ${cv.reason}`)
  }
  return [...lines, ...more(open.length)]
}

function more(n: number): string[] {
  return n > LIST_LIMIT ? [`  ... and ${n - LIST_LIMIT} more`] : []
}

function baselineLines(model: ReportModel, color: boolean): string[] {
  const b = model.baseline
  if (!b) return []
  const c = pc.createColors(color)
  const lines = ['', c.bold(`against baseline ${b.file}: ${b.regressions.length} regression(s), ${b.newlyAccepted.length} newly accepted`)]
  for (const r of b.regressions.slice(0, LIST_LIMIT)) lines.push(c.red(`  regression  ${r.id}  ${r.name}: was ${r.before}, now ${r.now}`))
  lines.push(...more(b.regressions.length))
  for (const r of b.newlyAccepted.slice(0, LIST_LIMIT)) lines.push(c.green(`  newly accepted  ${r.id}  ${r.name} (was ${r.before})`))
  return [...lines, ...more(b.newlyAccepted.length)]
}

function gateLine(g: GateResult, color: boolean): string {
  const c = pc.createColors(color)
  const mark = g.passed ? c.green('pass') : g.severity === 'error' ? c.red('FAIL') : c.yellow('warn')
  const head = `${mark}  ${g.name}${g.passed ? '' : ` (${g.failures.length})`}: ${g.describe}`
  if (g.passed || g.failures.some((f) => f.clause)) return head
  // failures about no single clause (fragments, waivers) are shown here; clause failures above
  return [head, ...g.failures.slice(0, LIST_LIMIT).map((f) => `      ${f.message}`), ...more(g.failures.length)].join('\n')
}

function debtLines(model: ReportModel): string[] {
  if (model.debts.length === 0) return []
  const lines = ['', 'who owes what:']
  for (const d of model.debts) {
    const ids = d.items.map((i) => i.id)
    lines.push(`  ${d.role} ${d.who}: ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ` and ${ids.length - 10} more` : ''}`)
  }
  return lines
}
