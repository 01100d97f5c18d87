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
import { supersededText } from './superseded-text.js'

/** In chunks, one per section and per feature: the report of a large SPEC is many MB. */
export function* renderMarkdown(model: ReportModel, ctx: RenderContext): Generator<string> {
  const links = new Links(ctx.reportDir)
  const parts = [
    ...head(model),
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

/** What comes before the feature tables, in the report and in a cut step summary alike. */
function head(model: ReportModel): Array<() => string> {
  return [
    () => `# ${cell(model.title)}: ${model.passed ? 'passed' : 'failed'}`,
    () => `SPEC revision \`${model.specRevision}\`, ${model.ledger.sources.length} fragment(s)${model.generatedAt ? `, newest ${model.generatedAt}` : ''}.`,
    () => superseded(model),
    () => totals(model),
    () => gates(model),
    () => baseline(model),
    () => debts(model),
  ]
}

/** The head of every table of clauses (row() writes their rows): a feature's, and the cut step summary's. */
const CLAUSE_TABLE_HEAD = '| clause | name | level | verdict | reason | owner | acceptor | evidence |\n|---|---|---|---|---|---|---|---|'

/** GitHub keeps at most 1 MiB of a step's summary, and drops a larger one whole. */
export const STEP_SUMMARY_BYTES = 1024 * 1024

/**
 * The step summary when report.md is over what is left of GitHub's limit: the report's head
 * (totals, gates, baseline, who owes what), then the clauses not accepted, as many as fit, and
 * where the rest is. Never more than `limit` bytes, so the summary is shown rather than dropped:
 * empty when not even the note on where the rest is fits.
 */
export function renderStepSummary(model: ReportModel, ctx: RenderContext, limit: number): string {
  const links = new Links(ctx.reportDir)
  const open = model.verdicts.clauses.filter((cv) => cv.verdict !== 'accepted')
  const note = (shown: number) =>
    `\n\n_A step's job summary holds at most 1 MiB (GitHub's limit): ${shown} of ${open.length} clauses not accepted are listed here. Every feature's table is in report.md, with the HTML report, in \`${cell(ctx.reportDir)}\`._\n`
  const budget = limit - Buffer.byteLength(note(open.length))
  if (budget < 0) return ''
  let text = fit(head(model).map((part) => part()).filter(Boolean).join('\n\n'), budget)
  const table = `\n\n## Not accepted\n\n${CLAUSE_TABLE_HEAD}`
  let size = Buffer.byteLength(text)
  if (open.length === 0 || size + Buffer.byteLength(table) > budget) return text + note(0)
  text += table
  size += Buffer.byteLength(table)
  let shown = 0
  for (const cv of open) {
    const line = `\n${row(cv, links)}`
    size += Buffer.byteLength(line)
    if (size > budget) break
    text += line
    shown++
  }
  return text + note(shown)
}

/** The longest run of whole lines of `text` within `bytes`. */
function fit(text: string, bytes: number): string {
  if (Buffer.byteLength(text) <= bytes) return text
  const lines = text.split('\n')
  let size = 0
  let n = 0
  for (; n < lines.length; n++) {
    size += Buffer.byteLength(lines[n]!) + 1
    if (size > bytes) break
  }
  return lines.slice(0, n).join('\n')
}

function superseded(model: ReportModel): string {
  const all = model.superseded ?? []
  if (all.length === 0) return ''
  return [`Superseded by newer runs (${all.length}):`, '', ...all.map((x) => `- ${cell(supersededText(x))}`)].join('\n')
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
  const head = `## ${cell(name)}\n\n\`${cell(file)}\`\n\n${CLAUSE_TABLE_HEAD}`
  return [head, ...clauses.map((cv) => row(cv, links))].join('\n')
}

function row(cv: ClauseVerdict, links: Links): string {
  const c = cv.clause
  const verdict = cv.waivedVerdict ? `${cv.verdict} (${cv.waivedVerdict})` : cv.verdict
  return `| ${cell(c.id ?? c.key)} | ${cell(c.name)} | ${cell(levelOf(cv))} | ${cell(verdict)} | ${cell(cv.reason)} | ${cell(c.owner ?? '')} | ${cell(c.acceptor ?? '')} | ${evidenceLinks(cv.evidence, links)} |`
}

/** Up to three links, one per distinct test place. */
function evidenceLinks(evidence: readonly Evidence[], links: Links): string {
  if (evidence.length === 1) return links.to(evidence[0]!.test) // most clauses have one test
  const tests = new Map<string, Evidence['test']>()
  for (const e of evidence) {
    const place = placeOf(e.test)
    if (!tests.has(place)) tests.set(place, e.test)
  }
  const shown = [...tests.values()].slice(0, 3).map((t) => links.to(t))
  return shown.join(', ') + (tests.size > 3 ? ` and ${tests.size - 3} more` : '')
}

/** From the report folder back to the test file; `#L12` is the line anchor code hosts understand. */
class Links {
  /** a test file is linked from many rows: its escaped name and relative, encoded path are worked out once */
  private readonly files = new Map<string, { text: string; href: string }>()
  constructor(private readonly reportDir: string) {}

  /** `[place](href)`. cell() escapes character by character: the escaped `file:12` is the escaped file and `:12`. */
  to(test: { file: string; line?: number }): string {
    const line = test.line
    if (line !== undefined && line > 0 && Number.isSafeInteger(line)) {
      const f = this.file(test.file)
      return `[${f.text}:${line}](${f.href}#L${line})`
    }
    const place = placeOf(test)
    return `[${cell(place)}](${this.toPlace(place)})`
  }

  /** no positive line: split the place as written, since a file name may itself end in `:digits` */
  private toPlace(place: string): string {
    const [file, line] = place.split(/:(?=\d+$)/)
    return this.file(file!).href + (line ? `#L${line}` : '')
  }

  private file(file: string): { text: string; href: string } {
    let f = this.files.get(file)
    if (f === undefined) {
      const href = encodeURI(path.posix.relative(this.reportDir, file)).replace(/[()]/g, (m) => `%${m.charCodeAt(0).toString(16)}`)
      this.files.set(file, (f = { text: cell(file), href }))
    }
    return f
  }
}

function orphans(model: ReportModel): string {
  if (model.verdicts.orphans.length === 0) return ''
  const rows = model.verdicts.orphans.map((o) => `- \`${cell(placeOf(o.evidence.test))}\` "${cell(o.evidence.test.title)}": ${cell(o.reason)}`)
  return ['## Orphan tests', '', ...rows].join('\n')
}
