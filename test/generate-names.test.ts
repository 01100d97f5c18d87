/**
 * Generate never writes a call the scanner cannot see: whatever a test file already holds (its own
 * `clause`, helpers imported under other names, the words in a comment), the block generate
 * appends to it is read back by the status scanner as exactly the cases it wrote, with their steps.
 * Pure functions on text: the planner, the renderer and the scanner, as the CLI chains them.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { clause } from 'specgate/vitest'
import { configSchema } from '../src/config/schema.js'
import { planTargets, renderTarget } from '../src/generate/plan-generate.js'
import { parseSpecFile } from '../src/spec/load-spec.js'
import { scanSource } from '../src/status/scan-source.js'

const FEATURE = [
  'Feature: f',
  '  Background:',
  '    Given a',
  '  @id:F-1 @unit',
  '  Scenario: s',
  '    When b',
  '    Then c',
  '    And d:',
  '      """',
  "      a '}' \"quote\" dataTable: [['x']] \\ ${end}",
  '      """',
  '    But e:',
  "      | x | y' |",
  '      | 1 | }  |',
  '  @id:F-2 @unit',
  '  Scenario Outline: o <x>',
  '    Given <x>',
  '    Examples:',
  '      | x |',
  '      | 1 |',
  '',
].join('\n')

/** What a hand-written test file may already hold, in any order and number. */
const FRAGMENTS = [
  '// clause, Given, When, Then, And, But, step, describe, test: words in a comment',
  'const clause = (id: string) => ({ id })',
  'function Given() {}',
  'let When = 1',
  "import { clause } from 'specgate/vitest'",
  "import { clause as link, Then as then } from 'specgate/vitest'",
  "import {\n  Given as given, // ours\n  And,\n} from 'specgate/vitest'",
  "import * as sg from 'specgate/vitest'",
  "import { describe as group, test as it } from 'vitest'",
  "import { clause_sg } from './mine'",
  'const Given_sg = 2',
  "import type { ClauseOptions } from 'specgate/vitest'",
  "import { type ClauseOptions as Options, But } from 'specgate/vitest'",
  "import { Given as G } from 'specgate/playwright'",
  "test('mine', clause(\'OTHER-1\', 'h'), () => {})", // (\' hides it from this repo's own status scan)
]

/** F-1's steps as the scanner must read them back: texts, and the DocString and DataTable literals. */
const STEPS = [
  { text: 'a' }, { text: 'b' }, { text: 'c' },
  { text: 'd:', docString: "a '}' \"quote\" dataTable: [['x']] \\ ${end}" },
  { text: 'e:', dataTable: [['x', "y'"], ['1', '}']] },
]

describe('appending to a file someone wrote', () => {
  const config = configSchema.parse({})
  const spec = parseSpecFile('/p', '/p/features/f.feature', FEATURE)
  const { targets } = planTargets([spec.feature!], config, new Set())
  const target = targets[0]!

  test('GEN-013 the scanner reads back every case generate appends, with its steps and their data, whatever the file held', clause('GEN-013', 'a34659ed7001'), () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 8 }), (parts) => {
      const existing = parts.join('\n')
      const after = existing + renderTarget(target, existing).text
      const claims = scanSource('t.test.ts', after).claims.filter((c) => c.id.startsWith('F-'))
      expect(claims.map((c) => (c.row ? `${c.id}[${c.row}]` : c.id))).toEqual(['F-1', 'F-2[1]'])
      expect(claims.map((c) => c.steps)).toEqual([STEPS, [{ text: 'a' }, { text: '1' }]])
    }), { numRuns: 300 })
  })
})
