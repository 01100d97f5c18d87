/**
 * `--format github`: workflow commands that annotate the feature-file line of every clause that
 * fails a gate, and of every finding about no single clause.
 */
import { escapeGithubData as data, escapeGithubProperty as prop } from './escape.js'
import type { RenderContext, ReportModel } from './model.js'

export function renderGithub(model: ReportModel, _ctx: RenderContext): string {
  const lines: string[] = []
  const seen = new Set<string>()
  for (const g of model.gates) {
    if (g.passed || g.severity === 'off') continue
    const level = g.severity === 'error' ? 'error' : 'warning'
    for (const f of g.failures) {
      const c = f.clause?.clause
      const key = `${g.name}\u0000${c?.id ?? f.message}`
      if (seen.has(key)) continue
      seen.add(key)
      if (c) lines.push(`::${level} file=${prop(c.file)},line=${c.line},col=${c.column},title=${prop(`${c.id} ${f.clause!.verdict} (${g.name})`)}::${data(`${c.name}: ${f.message}`)}`)
      else lines.push(`::${level} title=${prop(`specgate ${g.name}`)}::${data(f.message)}`)
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : ''
}
