/**
 * Applies an id plan to the files on disk. Each new text is parsed again before it is written:
 * it must give the same clauses, each with its new id, or the file is left as it was and reported.
 */
import fs from 'node:fs'
import writeFileAtomic from 'write-file-atomic'
import type { Diagnostic } from '../diagnostics.js'
import { parseFeature } from '../spec/parse-feature.js'
import { buildFeature } from '../spec/build-feature.js'
import type { Spec, SpecFile } from '../spec/model.js'
import { applyIds } from './apply-ids.js'
import type { Assignment, IdPlan } from './plan-ids.js'

export interface WriteResult {
  written: Assignment[]
  refused: Diagnostic[]
}

export function writeIds(spec: Spec, plan: IdPlan): WriteResult {
  const result: WriteResult = { written: [], refused: [] }
  for (const f of spec.files) {
    const mine = plan.assignments.filter((a) => a.file === f.file)
    if (!mine.length) continue
    const text = applyIds(f.source, mine, f.mediaType)
    const problem = checkRewrite(f, text, mine)
    if (problem) {
      result.refused.push({ rule: 'ids', severity: 'error', file: f.file, line: 1, column: 1, message: problem })
      continue
    }
    writeFileAtomic.sync(f.absPath, text, { mode: fs.statSync(f.absPath).mode })
    result.written.push(...mine)
  }
  return result
}

/** Why the new text may not replace the old one, or undefined when it may. */
export function checkRewrite(f: SpecFile, text: string, assigned: readonly Assignment[]): string | undefined {
  const { document, errors } = parseFeature(f.file, text, f.mediaType)
  const after = document ? buildFeature(f.file, document, false) : undefined
  if (errors.length || !after) return `not changed: the file would no longer parse (${errors[0]?.message ?? 'no feature'}); please report this`
  const before = f.feature?.clauses ?? []
  const want = new Map(assigned.map((a) => [a.clause.line, a.id]))
  const same = after.clauses.length === before.length && before.every((c, i) => {
    const now = after.clauses[i]!
    const id = want.get(c.line)
    return now.name === c.name && now.steps.length === c.steps.length && (id ? now.ownTags.some((t) => t.name === `@id:${id}`) : now.id === c.id)
  })
  return same ? undefined : 'not changed: writing the ids would change the clauses; please report this'
}
