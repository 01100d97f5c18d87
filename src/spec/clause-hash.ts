/**
 * The clause hash: what a clause requires, and nothing about how it is written. Keywords are
 * reduced to their kind (so And/But and translations do not count), tables and DocStrings to their
 * content, names, tags, comments and whitespace are left out.
 */
import crypto from 'node:crypto'
import type { ClauseStep, ExamplesBlock } from './model.js'

export const HASH_LENGTH = 12

export function clauseHash(steps: readonly ClauseStep[], examples: readonly ExamplesBlock[]): string {
  const body = {
    s: steps.map((s) => [s.kind, s.text, s.docString?.content ?? null, s.docString?.mediaType ?? null, s.dataTable ?? null]),
    e: examples.map((e) => [e.header, e.rows.map((r) => r.cells)]),
  }
  return sha256(JSON.stringify(body)).slice(0, HASH_LENGTH)
}

// crypto.hash (Node >= 20.12) is the one-shot form: the same digest as createHash, without a
// Hash object per clause, which is most of the cost on a SPEC of 50,000 clauses.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash

function sha256(text: string): string {
  return oneShot ? oneShot('sha256', text, 'hex') : crypto.createHash('sha256').update(text).digest('hex')
}
