/**
 * Property tests for writing ids: on any generated feature file, the new text re-parses to the same
 * clauses (same names, steps and hashes) each with one id, only tag lines changed, and a second
 * run has nothing to do.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { clause } from 'specgate/vitest'
import { configSchema } from '../src/config/schema.js'
import { applyIds } from '../src/ids/apply-ids.js'
import { planIds } from '../src/ids/plan-ids.js'
import { checkRewrite } from '../src/ids/write-ids.js'
import { buildSpec } from '../src/spec/load-spec.js'
import type { Spec } from '../src/spec/model.js'

interface ClauseShape { tags: string[][]; comment: boolean; id?: number; steps: string[]; outline: boolean }
interface FileShape { indent: string; eol: '\n' | '\r\n'; clauses: ClauseShape[]; trailingEol: boolean }

const word = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/)
const tagLine = fc.array(fc.constantFrom('@unit', '@e2e', '@error', '@edge', '@wip', '@owner:ann'), { minLength: 1, maxLength: 3 })
const clauseShape: fc.Arbitrary<ClauseShape> = fc.record({
  tags: fc.array(tagLine, { maxLength: 2 }),
  comment: fc.boolean(),
  id: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
  steps: fc.array(fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')), { minLength: 1, maxLength: 3 }),
  outline: fc.boolean(),
})
const fileShape: fc.Arbitrary<FileShape> = fc.record({
  indent: fc.constantFrom('  ', '    ', '\t', ' '),
  eol: fc.constantFrom<FileShape['eol']>('\n', '\r\n'),
  clauses: fc.array(clauseShape, { minLength: 1, maxLength: 6 }),
  trailingEol: fc.boolean(),
})

function render(f: FileShape): string {
  const i = f.indent
  const lines = ['@owner:core', 'Feature: Generated', '']
  const used = new Set<number>()
  for (const [n, c] of f.clauses.entries()) {
    const tagLines = c.tags.map((t) => t.join(' '))
    // an existing id, unique in the file, on the last tag line or a line of its own
    if (c.id !== undefined && !used.has(c.id)) {
      used.add(c.id)
      if (tagLines.length) tagLines[tagLines.length - 1] += ` @id:GEN-${c.id}`
      else tagLines.push(`@id:GEN-${c.id}`)
    }
    lines.push(...tagLines.map((t, k) => i + t + (c.comment && k === tagLines.length - 1 ? '   # note' : '')))
    lines.push(`${i}${c.outline ? 'Scenario Outline' : 'Scenario'}: clause ${n}`)
    lines.push(...c.steps.map((s, k) => `${i}${i}${k === c.steps.length - 1 ? 'Then' : 'Given'} ${s}${c.outline && k === 0 ? ' <v>' : ''}`))
    if (c.outline) lines.push('', `${i}${i}Examples:`, `${i}${i}${i}| v |`, `${i}${i}${i}| 1 |`)
    lines.push('')
  }
  return lines.join(f.eol) + (f.trailingEol ? f.eol : '')
}

const config = configSchema.parse({})
const load = (source: string): Spec => buildSpec('/p', [{ absPath: '/p/features/gen.feature', source }])

function write(source: string): { text: string; ids: string[] } {
  const spec = load(source)
  const plan = planIds(spec, config)
  const file = spec.files[0]!
  const text = applyIds(source, plan.assignments, file.mediaType)
  expect(checkRewrite(file, text, plan.assignments)).toBeUndefined()
  return { text, ids: plan.assignments.map((a) => a.id) }
}

describe('ids --write, on generated feature files', () => {
  it('IDS-003 re-parses to the same clauses, each with exactly one id, all ids unique', clause('IDS-003', '35daacd2ea81'), () => {
    fc.assert(fc.property(fileShape, (f) => {
      const source = render(f)
      const before = load(source)
      expect(before.errors).toEqual([])
      const after = load(write(source).text)
      expect(after.errors).toEqual([])
      expect(after.clauses.map((c) => [c.name, c.hash, c.steps.map((s) => s.text), c.cases.length]))
        .toEqual(before.clauses.map((c) => [c.name, c.hash, c.steps.map((s) => s.text), c.cases.length]))
      for (const c of after.clauses) expect(c.ownTags.filter((t) => t.name.startsWith('@id:'))).toHaveLength(1)
      const ids = after.clauses.map((c) => c.id)
      expect(new Set(ids).size).toBe(ids.length)
    }), { numRuns: 200 })
  })

  it('changes only tag lines: taking the new ids out gives back the original bytes', () => {
    fc.assert(fc.property(fileShape, (f) => {
      const source = render(f)
      const { text, ids } = write(source)
      let restored = text
      for (const id of ids) {
        const own = new RegExp(`^[ \\t]*@id:${id}(\\r?\\n)`, 'm')
        restored = own.test(restored) ? restored.replace(own, '') : restored.replace(` @id:${id}`, '')
      }
      expect(restored).toBe(source)
      // every changed line is a tag line
      const changed = text.split(/\r?\n/).filter((l) => !source.split(/\r?\n/).includes(l))
      for (const l of changed) expect(l.trim()).toMatch(/^@/)
    }), { numRuns: 200 })
  })

  it('IDS-003 is idempotent: a second run has nothing to write', clause('IDS-003', '35daacd2ea81'), () => {
    fc.assert(fc.property(fileShape, (f) => {
      const once = write(render(f)).text
      expect(planIds(load(once), config).assignments).toEqual([])
      expect(write(once).text).toBe(once)
    }), { numRuns: 200 })
  })
})
