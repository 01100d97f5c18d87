/**
 * The clause hash: what a clause requires, and nothing about how it is written. Keywords are
 * reduced to their kind (so And/But and translations do not count), tables and DocStrings to their
 * content, names, tags, comments and whitespace are left out.
 */
import { createHash } from 'node:crypto'
import type { ClauseStep, ExamplesBlock } from './model.js'

export const HASH_LENGTH = 12

export function clauseHash(steps: readonly ClauseStep[], examples: readonly ExamplesBlock[]): string {
  const body = {
    s: steps.map((s) => [s.kind, s.text, s.docString?.content ?? null, s.docString?.mediaType ?? null, s.dataTable ?? null]),
    e: examples.map((e) => [e.header, e.rows.map((r) => r.cells)]),
  }
  return createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, HASH_LENGTH)
}
