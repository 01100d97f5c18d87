/** The clause model lint reads (MODEL-006): tags inherited Feature -> Rule -> Scenario -> Examples. */
import { describe, expect, it } from 'vitest'
import { clause } from 'specgate/vitest'
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
  it('MODEL-006 a Scenario in a Rule has the Feature\'s owner, the Rule\'s level and its own id; its Examples have all three', clause('MODEL-006', '9f020e32ada2'), () => {
    const source = [
      '@owner:core',
      'Feature: Inherited',
      '',
      '  @integration',
      '  Rule: A rule',
      '',
      '    @id:A-1',
      '    Scenario Outline: A scenario in the rule',
      '      When <n> runs',
      '      Then it passes',
      '',
      '      @smoke',
      '      Examples:',
      '        | n |',
      '        | 1 |',
      '',
    ].join('\n')
    const inherited = buildSpec('/p', [{ absPath: '/p/features/inherited.feature', source }]).clauses[0]!
    expect({ owner: inherited.owner, levels: inherited.levels, id: inherited.id }).toEqual({ owner: 'core', levels: ['integration'], id: 'A-1' })
    expect(inherited.tags).toEqual(['@owner:core', '@integration', '@id:A-1'])
    expect(inherited.cases.map((c) => c.tags)).toEqual([['@owner:core', '@integration', '@id:A-1', '@smoke']])
  })

  const spec = buildSpec('/p', [{ absPath: '/p/features/inherit.feature', source: SOURCE }])
  const outline = spec.clauses[0]!

  it('inherits tags Feature -> Rule -> Scenario, the innermost owner winning', () => {
    expect(outline.tags).toEqual(['@owner:core', '@acceptor:lead', '@integration', '@owner:rule-team', '@id:A-1', '@risk:cost'])
    expect({ id: outline.id, owner: outline.owner, acceptor: outline.acceptor, levels: outline.levels, risks: outline.risks })
      .toEqual({ id: 'A-1', owner: 'rule-team', acceptor: 'lead', levels: ['integration'], risks: ['cost'] })
    expect(outline.ownTags.map((t) => [t.name, t.line, t.column])).toEqual([['@id:A-1', 7, 5], ['@risk:cost', 7, 13]])
  })

  it('gives one case per Examples row, named ID[n] across blocks, with the Examples tags', () => {
    expect(outline.cases.map((c) => [c.key, c.row, c.values, c.line, c.tags.includes('@smoke')])).toEqual([
      ['A-1[1]', 1, { n: '1' }, 15, true],
      ['A-1[2]', 2, { n: '2' }, 19, false],
      ['A-1[3]', 3, { n: '3' }, 20, false],
    ])
  })

  it('hashes the clause unless asked not to (lint never reads the hash)', () => {
    expect(outline.hash).toMatch(/^[0-9a-f]{12}$/)
    const light = buildSpec('/p', [{ absPath: '/p/features/inherit.feature', source: SOURCE }], { hashes: false })
    expect(light.clauses[0]!.hash).toBe('')
    expect({ ...light.clauses[0], hash: outline.hash }).toEqual(outline)
  })
})
