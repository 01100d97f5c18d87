/** The verdict function on its own: SPEC x ledger -> verdicts, for the rules no runner fixture isolates. */
import { describe, expect, it } from 'vitest'
import { buildSpec, computeVerdicts, configSchema, type Evidence, type Ledger } from '../src/index.js'
import { fragmentOf } from '../src/ledger/fragment-io.js'
import { newSource } from '../src/ledger/source.js'

const FEATURE = `@owner:core @acceptor:lead
Feature: Keys
  @id:KEYS-001 @unit
  Scenario: a key works
    Given a key
    Then it works

  @id:KEYS-002 @unit
  Scenario Outline: cost per <project>
    When the member asks for <project>
    Then the cost is shown
    Examples:
      | project |

  @id:KEYS-003 @unit @e2e
  Scenario: proven twice
    Given a key
    Then it works

  @id:KEYS-004 @unit @wip
  Scenario: not yet
    Given a key
    Then it works

  @id:KEYS-005 @unit
  Scenario Outline: a key of size <size>
    Given a key of size <size>
    Then it works
    Examples:
      | size |
      | 1    |
      | 2    |
`
const spec = buildSpec('/p', [{ absPath: '/p/features/keys.feature', source: FEATURE }])
const config = configSchema.parse({})

function passing(clauseId: string, over: Partial<Evidence> = {}): Evidence {
  const clause = spec.byId.get(clauseId)
  return {
    runner: 'vitest', source: 'vitest-1', clauseId, caseKey: clauseId, clauseHash: clause?.hash,
    test: { file: 'test/keys.test.ts', title: `${clauseId} test` }, status: 'passed', skeleton: false,
    durationMs: 1, retries: 0, flaky: false, assertions: 1, steps: null, attachments: [], ...over,
  }
}

function ledger(evidence: Evidence[]): Ledger {
  return fragmentOf(newSource({ runner: 'vitest', id: 'vitest-1', now: new Date(0) }), evidence)
}

function verdictOf(id: string, evidence: Evidence[]) {
  return computeVerdicts(spec, ledger(evidence), config).clauses.find((c) => c.clause.id === id)
}

describe('verdicts', () => {
  it('accepts a passing, asserting test written for the current hash', () => {
    expect(verdictOf('KEYS-001', [passing('KEYS-001')])?.verdict).toBe('accepted')
  })

  it('judges each Outline row by its own tests only', () => {
    // row 1 has two tests, one failing, sorted before row 2's one passing test
    const v = verdictOf('KEYS-005', [
      passing('KEYS-005', { caseKey: 'KEYS-005[1]', test: { file: 'test/keys.test.ts', title: 'row 1' } }),
      passing('KEYS-005', { caseKey: 'KEYS-005[1]', test: { file: 'test/keys.test.ts', title: 'row 1, again' }, status: 'failed' }),
      passing('KEYS-005', { caseKey: 'KEYS-005[2]', test: { file: 'test/keys.test.ts', title: 'row 2' } }),
    ])
    expect(v?.cases.map((c) => [c.key, c.verdict, c.evidence.map((e) => e.test.title)])).toEqual([
      ['KEYS-005[1]', 'failed', ['row 1', 'row 1, again']],
      ['KEYS-005[2]', 'accepted', ['row 2']],
    ])
  })

  it('never accepts an Outline with no Examples rows: there is no case to prove', () => {
    const v = verdictOf('KEYS-002', [passing('KEYS-002')])
    expect(v?.verdict).toBe('uncovered')
    expect(v?.reason).toContain('no Examples rows')
  })

  it('needs evidence from the runner of every level the clause names', () => {
    const v = verdictOf('KEYS-003', [passing('KEYS-003')])
    expect(v?.verdict).toBe('uncovered')
    expect(v?.reason).toContain('@e2e clauses are proven with playwright')
    const both = verdictOf('KEYS-003', [passing('KEYS-003'), passing('KEYS-003', { runner: 'playwright', test: { file: 'e2e/k.spec.ts', title: 't' }, data: { observed: [{ entity: 'keys', count: 3 }], emptyMarkers: [] } })])
    expect(both?.verdict).toBe('accepted')
  })

  it('reports a passing @wip clause as pending, never accepted', () => {
    const v = verdictOf('KEYS-004', [passing('KEYS-004')])
    expect(v?.verdict).toBe('pending')
    expect(v?.reason).toContain('@wip')
  })

  it('calls a test that does not say its clause hash stale', () => {
    const v = verdictOf('KEYS-001', [passing('KEYS-001', { clauseHash: undefined })])
    expect(v?.verdict).toBe('stale')
    expect(v?.reason).toContain('does not say which clause hash')
  })

  it('names evidence for a clause or row the SPEC lacks as an orphan', () => {
    const orphans = computeVerdicts(spec, ledger([passing('KEYS-999'), passing('KEYS-001', { caseKey: 'KEYS-001[4]' })]), config).orphans
    expect(orphans.map((o) => o.reason).sort()).toEqual([
      'names KEYS-999, which the SPEC does not have',
      'names case KEYS-001[4]; KEYS-001 has 1 case(s)',
    ].sort())
  })
})
