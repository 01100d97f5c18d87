/** The clause model lint reads (MODEL-006): tags inherited Feature -> Rule -> Scenario -> Examples. */
import { describe, expect, it } from 'vitest'
import { buildSpec } from '../src/spec/load-spec.js'

const SOURCE = `@owner:core @acceptor:lead
Feature: Inheritance

  @integration @owner:rule-team
  Rule: A rule

    @id:A-1 @risk:cost
    Scenario Outline: An outline
      When <n> runs
      Then it passes

      @smoke
      Examples: first
        | n |
        | 1 |

      Examples: second
        | n |
        | 2 |
        | 3 |
`

describe('the clause model', () => {
  const spec = buildSpec('/p', [{ absPath: '/p/features/inherit.feature', source: SOURCE }])
  const clause = spec.clauses[0]!

  it('inherits tags Feature -> Rule -> Scenario, the innermost owner winning', () => {
    expect(clause.tags).toEqual(['@owner:core', '@acceptor:lead', '@integration', '@owner:rule-team', '@id:A-1', '@risk:cost'])
    expect({ id: clause.id, owner: clause.owner, acceptor: clause.acceptor, levels: clause.levels, risks: clause.risks })
      .toEqual({ id: 'A-1', owner: 'rule-team', acceptor: 'lead', levels: ['integration'], risks: ['cost'] })
    expect(clause.ownTags.map((t) => [t.name, t.line, t.column])).toEqual([['@id:A-1', 7, 5], ['@risk:cost', 7, 13]])
  })

  it('gives one case per Examples row, named ID[n] across blocks, with the Examples tags', () => {
    expect(clause.cases.map((c) => [c.key, c.row, c.values, c.line, c.tags.includes('@smoke')])).toEqual([
      ['A-1[1]', 1, { n: '1' }, 15, true],
      ['A-1[2]', 2, { n: '2' }, 19, false],
      ['A-1[3]', 3, { n: '3' }, 20, false],
    ])
  })

  it('hashes the clause unless asked not to (lint never reads the hash)', () => {
    expect(clause.hash).toMatch(/^[0-9a-f]{12}$/)
    const light = buildSpec('/p', [{ absPath: '/p/features/inherit.feature', source: SOURCE }], { hashes: false })
    expect(light.clauses[0]!.hash).toBe('')
    expect({ ...light.clauses[0], hash: clause.hash }).toEqual(clause)
  })
})
