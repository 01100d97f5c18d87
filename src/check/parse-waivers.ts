/** The waivers file's text -> its waivers (see waivers-file.ts), every problem an InputError naming the line. */
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml'
import { z } from 'zod'
import { InputError } from '../diagnostics.js'
import { nearIdHint } from '../spec/near-id.js'
import type { Spec } from '../spec/model.js'
import type { Waiver } from './waivers-file.js'

const waiverSchema = z.strictObject({
  clause: z.string().min(1, 'names no clause'),
  reason: z.string().trim().min(1, 'gives no reason'),
  owner: z.string().trim().min(1, 'names no owner'),
  expires: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expires must be a date, YYYY-MM-DD').refine((d) => !Number.isNaN(Date.parse(d)), 'expires is not a real date'),
  link: z.string().min(1).optional(),
  acceptor: z.string().trim().min(1).optional(),
})

export function parseWaivers(text: string, file: string, spec: Spec): Waiver[] {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false })
  const at = (offset: number | undefined) => ({ file, ...(offset === undefined ? {} : { line: lines.linePos(offset).line, column: lines.linePos(offset).col }) })
  const yamlError = doc.errors[0]
  if (yamlError) throw new InputError(`not valid YAML: ${yamlError.message.split('\n')[0]}`, at(yamlError.pos[0]))
  const list = waiverList(doc.contents, at)
  return onePerClause(list.map((item) => toWaiver(item, file, spec, at)), at, list)
}

/** A second waiver for a clause would shadow the first (an expired one could hide a valid one): refused, naming both lines. */
function onePerClause(waivers: Waiver[], at: At, items: readonly Node[]): Waiver[] {
  const first = new Map<string, Waiver>()
  waivers.forEach((w, i) => {
    const held = first.get(w.clause)
    if (held) throw new InputError(`a second waiver for ${w.clause}; the first is on line ${held.line}: keep one waiver per clause`, at(rangeStart(items[i])))
    first.set(w.clause, w)
  })
  return waivers
}

type At = (offset: number | undefined) => { file: string; line?: number; column?: number }

function waiverList(contents: unknown, at: At): Node[] {
  if (contents === null || contents === undefined) return []
  const seq = isMap(contents) ? contents.get('waivers', true) : contents
  if (seq === undefined || seq === null) return []
  if (!isSeq(seq)) throw new InputError('expected a list of waivers (or `waivers:` holding one)', at(rangeStart(seq ?? contents)))
  return seq.items as Node[]
}

function toWaiver(item: Node, file: string, spec: Spec, at: At): Waiver {
  const where = at(rangeStart(item))
  const parsed = waiverSchema.safeParse(isMap(item) ? normalise(item.toJSON()) : item?.toJSON?.())
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const key = issue.code === 'unrecognized_keys' ? `unknown key "${issue.keys[0]}"` : issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message
    const subject = isMap(item) && typeof item.get('clause') === 'string' ? `waiver for ${String(item.get('clause'))}` : 'waiver'
    throw new InputError(`${subject}: ${issue.code === 'invalid_type' && issue.path.length === 0 ? 'expected a mapping with clause, reason, owner, expires' : key}`, where)
  }
  const w = parsed.data
  if (!spec.byId.has(w.clause)) throw new InputError(`waiver names clause ${w.clause}, which the SPEC does not have${nearIdHint(w.clause, spec)}`, where)
  return { ...w, file, line: where.line ?? 1 }
}

/** YAML may read `expires: 2026-03-31` as a date or a number-like scalar: keep every value as text. */
function normalise(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'number' ? String(v) : v]))
}

function rangeStart(node: unknown): number | undefined {
  return (node as { range?: [number, number, number] } | undefined)?.range?.[0]
}
