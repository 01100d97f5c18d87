/**
 * Diagnostic[] -> text, one pure function per output format (pretty, json, github). Generic over
 * any command's diagnostics: lint uses them, and so can status.
 */
import pc from 'picocolors'
import { compareDiagnostics, type Diagnostic } from '../diagnostics.js'
import { groupBy } from '../util/group-by.js'

export const DIAGNOSTIC_FORMATS = ['pretty', 'json', 'github'] as const
export type DiagnosticFormat = (typeof DIAGNOSTIC_FORMATS)[number]

export interface PrettyOptions {
  /** the text of a file, for the excerpt under each finding */
  source?: (file: string) => string | undefined
  color?: boolean
}

/** Grouped by file; under each finding the source line it points at, with a caret. */
export function renderPretty(diagnostics: readonly Diagnostic[], options: PrettyOptions = {}): string {
  const c = pc.createColors(options.color ?? false)
  const out: string[] = []
  for (const [file, group] of groupBy([...diagnostics].sort(compareDiagnostics), (d) => d.file)) {
    out.push(c.underline(file))
    const lines = options.source?.(file)?.split(/\r?\n/)
    for (const d of group) out.push(...renderOne(d, lines, c))
    out.push('')
  }
  return out.join('\n')
}

type Colors = ReturnType<typeof pc.createColors>

function renderOne(d: Diagnostic, lines: string[] | undefined, c: Colors): string[] {
  const where = d.line ? `${d.line}:${d.column ?? 1}` : ''
  const sev = d.severity === 'error' ? c.red('error  ') : c.yellow('warning')
  const head = `  ${c.dim(where.padEnd(7))} ${sev} ${d.message}  ${c.dim(d.rule)}`
  const text = d.line ? lines?.[d.line - 1] : undefined
  if (text === undefined) return [head]
  const gutter = String(d.line)
  const caretAt = visibleColumn(text, (d.column ?? 1) - 1)
  return [
    head,
    `    ${c.dim(`${gutter} |`)} ${text.replace(/\t/g, '  ')}`,
    `    ${' '.repeat(gutter.length)} ${c.dim('|')} ${' '.repeat(caretAt)}${c.red('^')}`,
  ]
}

/** Tabs are shown as two spaces; the caret has to move with them. */
function visibleColumn(text: string, column: number): number {
  let width = 0
  for (const ch of text.slice(0, column)) width += ch === '\t' ? 2 : 1
  return width
}

/** One JSON document: the caller's counts first, then the findings with a fixed key order. */
export function renderJson(diagnostics: readonly Diagnostic[], head: Record<string, unknown> = {}): string {
  const findings = [...diagnostics].sort(compareDiagnostics).map((d) => ({
    rule: d.rule, severity: d.severity, file: d.file, line: d.line ?? null, column: d.column ?? null, message: d.message,
  }))
  return `${JSON.stringify({ ...head, findings }, null, 2)}\n`
}

/** GitHub Actions workflow commands: each finding becomes an annotation on its line. */
export function renderGithub(diagnostics: readonly Diagnostic[]): string {
  return [...diagnostics].sort(compareDiagnostics).map((d) => {
    const props = [`file=${escapeProperty(d.file)}`]
    if (d.line) props.push(`line=${d.line}`)
    if (d.column) props.push(`col=${d.column}`)
    props.push(`title=${escapeProperty(`specgate ${d.rule}`)}`)
    return `::${d.severity} ${props.join(',')}::${escapeData(d.message)}\n`
  }).join('')
}

// The escapes of @actions/core's command.ts: data loses %, CR, LF; properties also : and ,
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** `2 errors, 1 warning` */
export function countLine(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length
  const warnings = diagnostics.length - errors
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
