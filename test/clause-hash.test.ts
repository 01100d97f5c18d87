/**
 * Property tests for the clause hash (DESIGN.md): formatting, comments, tag order, table alignment,
 * And/But for the keyword it continues, and translated keywords keep it; any change to a step's
 * text, a DocString, a DataTable cell or an Examples row changes it. Each generated clause is
 * written out as real Gherkin and read back through the SPEC model, as a user's file would be.
 */
import { dialects } from '@cucumber/gherkin'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { clause } from 'specgate/vitest'
import { buildSpec } from '../src/spec/load-spec.js'

type Kind = 'context' | 'action' | 'outcome'
interface Step { kind: Kind; text: string; doc?: string; table?: string[][] }
interface ClauseShape { steps: Step[]; examples?: { header: string[]; rows: string[][] } }
interface Format {
  language: 'en' | 'fr' | 'de'
  indent: string
  blank: number
  comments: boolean
  conjunctions: boolean
  pad: number[]
  tagOrder: number[]
  eol: '\n' | '\r\n'
}

const word = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/)
const text = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '))
const table = fc.integer({ min: 1, max: 3 }).chain((cols) => fc.array(fc.array(word, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 3 }))
const step: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom<Kind>('context', 'action', 'outcome'),
  text,
  arg: fc.oneof(fc.constant(undefined), fc.array(text, { minLength: 1, maxLength: 3 }).map((l) => ({ doc: l.join('\n') })), table.map((t) => ({ table: t }))),
}).map(({ kind, text, arg }) => ({ kind, text, ...arg }))
const examples = fc.uniqueArray(word, { minLength: 1, maxLength: 3 }).chain((header) =>
  fc.array(fc.array(word, { minLength: header.length, maxLength: header.length }), { minLength: 1, maxLength: 3 }).map((rows) => ({ header, rows })))
const clauseShape: fc.Arbitrary<ClauseShape> = fc.record({ steps: fc.array(step, { minLength: 1, maxLength: 6 }), examples: fc.option(examples, { nil: undefined }) })
const format: fc.Arbitrary<Format> = fc.record({
  language: fc.constantFrom<Format['language']>('en', 'fr', 'de'),
  indent: fc.constantFrom('', ' ', '  ', '    ', '\t'),
  blank: fc.integer({ min: 0, max: 2 }),
  comments: fc.boolean(),
  conjunctions: fc.boolean(),
  pad: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 8, maxLength: 8 }),
  tagOrder: fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
  eol: fc.constantFrom<Format['eol']>('\n', '\r\n'),
})

/** A dialect's keyword of a kind, as written before a step (`Given `, `Étant donné `). */
function keyword(language: Format['language'], key: 'given' | 'when' | 'then' | 'and' | 'but'): string {
  return dialects[language]![key].find((k) => k.endsWith(' ') && k !== '* ')!
}

const KIND_KEY = { context: 'given', action: 'when', outcome: 'then' } as const

function render(c: ClauseShape, f: Format): string {
  const d = dialects[f.language]!
  const i = (n: number): string => f.indent.repeat(n) || ' '.repeat(n)
  let padAt = 0
  const cellPad = (): string => ' '.repeat(f.pad[padAt++ % f.pad.length]!)
  const row = (cells: string[], n: number): string => `${i(n)}|${cells.map((x) => ` ${x}${cellPad()} `).join('|')}|`
  const tags = ['@unit', '@id:HASH-001', '@owner:core', '@acceptor:lead']
  const lines = [`# language: ${f.language}`, `${d.feature[0]}: Hashing`, '']
  if (f.comments) lines.push(`${i(1)}# tags in any order`)
  lines.push(i(1) + f.tagOrder.map((n) => tags[n]).join(' '))
  lines.push(`${i(1)}${c.examples ? d.scenarioOutline[0] : d.scenario[0]}: a clause`)
  let previous: Kind | undefined
  c.steps.forEach((s, n) => {
    const continues = f.conjunctions && s.kind === previous
    const kw = continues ? keyword(f.language, n % 2 ? 'and' : 'but') : keyword(f.language, KIND_KEY[s.kind])
    previous = s.kind
    for (let b = 0; b < f.blank; b++) lines.push('')
    if (f.comments) lines.push(`${i(2)}# step ${n}`)
    lines.push(`${i(2)}${kw}${s.text}`)
    if (s.doc !== undefined) lines.push(`${i(3)}"""`, ...s.doc.split('\n').map((l) => i(3) + l), `${i(3)}"""`)
    if (s.table) lines.push(...s.table.map((r) => row(r, 3)))
  })
  if (c.examples) {
    lines.push('', `${i(2)}${d.examples[0]}:`, row(c.examples.header, 3), ...c.examples.rows.map((r) => row(r, 3)))
  }
  return lines.join(f.eol) + f.eol
}

function hashOf(source: string): string {
  const spec = buildSpec('/p', [{ absPath: '/p/features/hash.feature', source }])
  expect(spec.errors).toEqual([])
  expect(spec.clauses).toHaveLength(1)
  return spec.clauses[0]!.hash
}

/** Every place a clause's meaning lives; a mutation changes exactly one of them. */
type Target = { at: 'text' | 'doc' | 'cell' | 'example' | 'newRow'; n: number }

function targets(c: ClauseShape): Target[] {
  const out: Target[] = []
  c.steps.forEach((s, n) => {
    out.push({ at: 'text', n })
    if (s.doc !== undefined) out.push({ at: 'doc', n })
    if (s.table) out.push({ at: 'cell', n })
  })
  if (c.examples) out.push({ at: 'example', n: 0 }, { at: 'newRow', n: 0 })
  return out
}

function mutate(c: ClauseShape, t: Target): ClauseShape {
  const copy = structuredClone(c)
  const s = copy.steps[t.n]!
  if (t.at === 'text') s.text += 'q'
  if (t.at === 'doc') s.doc += 'q'
  if (t.at === 'cell') s.table![s.table!.length - 1]![0] += 'q'
  if (t.at === 'example') copy.examples!.rows[0]![0] += 'q'
  if (t.at === 'newRow') copy.examples!.rows.push(copy.examples!.header.map(() => 'fresh'))
  return copy
}

describe('clause hash', () => {
  it('MODEL-003 is the same however the clause is laid out (indentation, blank lines, comments, tag order, alignment, line endings)', clause('MODEL-003', '492216dc0559'), () => {
    fc.assert(fc.property(clauseShape, format, format, (c, f1, f2) => {
      // same language and keywords: only the layout differs
      const relaid = { ...f2, language: f1.language, conjunctions: f1.conjunctions }
      expect(hashOf(render(c, f1))).toBe(hashOf(render(c, relaid)))
    }), { numRuns: 200 })
  })

  it('MODEL-004 is the same with And/But for the keyword it continues and with keywords in another language', clause('MODEL-004', '08867893aafd'), () => {
    fc.assert(fc.property(clauseShape, format, format, (c, f1, f2) => {
      // same layout: only the keywords differ (en/fr/de, Given-Given or Given-And/But)
      const reworded = { ...f1, language: f2.language, conjunctions: f2.conjunctions }
      expect(hashOf(render(c, f1))).toBe(hashOf(render(c, reworded)))
    }), { numRuns: 200 })
  })

  it('is the same however the clause is written (all of the above at once)', () => {
    fc.assert(fc.property(clauseShape, format, format, (c, f1, f2) => {
      expect(hashOf(render(c, f1))).toBe(hashOf(render(c, f2)))
    }), { numRuns: 200 })
  })

  it('MODEL-005 changes with any change to a step text, a DocString, a DataTable cell or an Examples row', clause('MODEL-005', '6b77df2764dd'), () => {
    const withTarget = clauseShape.chain((c) => fc.constantFrom(...targets(c)).map((t) => [c, t] as const))
    fc.assert(fc.property(withTarget, format, ([c, t], f) => {
      expect(hashOf(render(mutate(c, t), f))).not.toBe(hashOf(render(c, f)))
    }), { numRuns: 200 })
  })

  it('MODEL-005 changes when a step changes kind (Given to Then) with the same text', clause('MODEL-005', '6b77df2764dd'), () => {
    fc.assert(fc.property(clauseShape, format, (c, f) => {
      const flipped = structuredClone(c)
      flipped.steps[0]!.kind = c.steps[0]!.kind === 'outcome' ? 'context' : 'outcome'
      expect(hashOf(render(flipped, { ...f, conjunctions: false }))).not.toBe(hashOf(render(c, { ...f, conjunctions: false })))
    }), { numRuns: 100 })
  })
})
