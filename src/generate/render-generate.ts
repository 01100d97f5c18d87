/** What generate did (or would do), as the lines a user reads. Pure. */
import { plural } from '../report/render-diagnostics.js'
import type { GenerateResult } from './generate.js'
import type { PlannedWrite, SkippedClause } from './plan-generate.js'

export type GenerateMode = 'write' | 'dry-run' | 'check'

const VERB: Record<GenerateMode, Record<PlannedWrite['mode'], string>> = {
  write: { create: 'created', append: 'appended to' },
  'dry-run': { create: 'would create', append: 'would append to' },
  check: { create: 'missing: would create', append: 'missing: would append to' },
}

export function renderGenerate(result: GenerateResult, mode: GenerateMode): string {
  const out = result.writes.map((w) => writeLine(w, mode))
  if (mode === 'dry-run') out.push(...result.writes.flatMap((w) => ['', `--- ${w.path} (${w.mode})`, (w.text ?? '').replace(/^\n+/, '').trimEnd()]))
  out.push(...result.skipped)
  out.push(...result.errors.map((e) => `${e.file}:${e.line ?? 1}:${e.column ?? 1}: ${e.message} (no skeletons for this file)`))
  out.push(summary(result, mode))
  return `${out.join('\n')}\n`
}

export function skippedLine(s: SkippedClause): string {
  return `skipped ${s.clause.file}:${s.clause.line} ${s.clause.name || '(unnamed)'}: ${s.reason}`
}

function writeLine(w: Pick<PlannedWrite, 'path' | 'mode' | 'keys'>, mode: GenerateMode): string {
  const shown = w.keys.slice(0, 6).join(', ') + (w.keys.length > 6 ? `, +${w.keys.length - 6} more` : '')
  return `${VERB[mode][w.mode]} ${w.path} (${plural(w.keys.length, 'skeleton')}: ${shown})`
}

function summary(result: GenerateResult, mode: GenerateMode): string {
  const skeletons = result.writes.reduce((n, w) => n + w.keys.length, 0)
  if (skeletons === 0) return 'nothing to generate: every clause with an id and a level has a test'
  const files = plural(result.writes.length, 'file')
  if (mode === 'write') return `wrote ${plural(skeletons, 'skeleton')} in ${files}`
  if (mode === 'dry-run') return `would write ${plural(skeletons, 'skeleton')} in ${files} (dry run: nothing written)`
  return `${plural(skeletons, 'clause case')} without a test (run \`specgate generate\`)`
}
