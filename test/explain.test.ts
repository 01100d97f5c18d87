/** `specgate explain <id>`: one clause in one place, in words and as JSON for agents. */
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { clause } from 'specgate/vitest'
import type { Spec } from '../src/spec/model.js'
import { nearIdHint } from '../src/spec/near-id.js'
import { specgate } from './helpers/cli.js'
import { fixtureProject, fragment, passed, writeFragment, type FixtureProject } from './helpers/check-fixture.js'

describe('specgate explain', () => {
  let p: FixtureProject
  beforeAll(async () => {
    p = await fixtureProject('check-basic', 'explain')
    writeFragment(p.root, 'v.json', fragment({ runner: 'vitest', id: 'v', spec: p.spec }, [
      passed(p.spec, 'KEYS-001'),
      passed(p.spec, 'KEYS-002', { status: 'failed', failure: { message: 'expected "revoked", got "working"' } }),
      passed(p.spec, 'KEYS-003[1]', { clauseHash: '000000000000' }),
    ]))
    fs.writeFileSync(path.join(p.root, 'specgate.waivers.yaml'), [
      '- clause: BILL-002',
      '  reason: the refusal path is rebuilt in Q2',
      '  owner: billing',
      '  acceptor: finance',
      '  expires: 2099-03-31',
      '  link: https://tracker.example/BILL-9',
      '',
    ].join('\n'))
  })

  test('a waived clause: the verdict it covers, its tags with the inherited ones, the waiver and its line', () => {
    const r = specgate(['explain', 'BILL-002'], p.root)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const lines = r.stdout.split('\n')
    expect(lines[2]).toBe('  verdict: waived (covering uncovered): waived until 2099-03-31 by billing, accepted by finance: the refusal path is rebuilt in Q2 (underlying: uncovered: no test names BILL-002 (@unit clauses are proven with vitest))')
    expect(lines[3]).toBe(`  level unit · owner billing · acceptor finance · hash ${p.spec.byId.get('BILL-002')!.hash}`)
    // the feature's tags first, as inherited, then the clause's own
    expect(lines[4]).toBe('  tags: @owner:billing @acceptor:finance @unit @error @id:BILL-002')
    expect(r.stdout).toContain('\nwaiver (applied, specgate.waivers.yaml:1): the refusal path is rebuilt in Q2; owner billing, expires 2099-03-31, acceptor finance, https://tracker.example/BILL-9\n')
    expect(r.stdout).not.toContain('failing gates:')
    // waived is not accepted: what is still owed is said
    expect(r.stdout).toContain('to have it accepted:\n  - the clause is waived, not accepted: fix what the waiver covers before it expires\n')
    const x = JSON.parse(specgate(['explain', 'BILL-002', '--json'], p.root).stdout) as Record<string, unknown>
    expect(x).toMatchObject({
      verdict: 'waived', waivedVerdict: 'uncovered', failingGates: [], tests: [],
      tags: ['@owner:billing', '@acceptor:finance', '@unit', '@error', '@id:BILL-002'],
      waiver: { reason: 'the refusal path is rebuilt in Q2', owner: 'billing', acceptor: 'finance', expires: '2099-03-31', link: 'https://tracker.example/BILL-9', status: 'applied', at: 'specgate.waivers.yaml:1' },
    })
  })

  test('prints the Gherkin text, location, tags, tests, verdict and what would make it accepted', () => {
    const r = specgate(['explain', 'KEYS-002'], p.root)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('KEYS-002  A revoked key is reported as revoked\n  Team keys  (features/keys.feature:14:3)')
    expect(r.stdout).toContain('verdict: failed: the test failed: expected "revoked", got "working" (test/spec/keys.test.ts:10)')
    expect(r.stdout).toContain('level unit · owner core · acceptor lead')
    expect(r.stdout).toContain('      When the member checks the revoked key "old"')
    expect(r.stdout).toContain('failed   vitest test/spec/keys.test.ts:10 "KEYS-002 A revoked key is reported as revoked" (KEYS-002)')
    expect(r.stdout).toContain('failing gates: no-failed')
    expect(r.stdout).toContain('to have it accepted:\n  - KEYS-002: make the failing test pass')
  })

  test('CHECK-014 Explain says what would make a clause accepted', clause('CHECK-014', 'd16a3e041402'), () => {
    const r = specgate(['explain', 'KEYS-003', '--json'], p.root)
    expect(r.code).toBe(0)
    const x = JSON.parse(r.stdout) as { verdict: string; cases: { key: string; verdict: string }[]; next: string[]; hash: string; failingGates: string[] }
    expect(x.verdict).toBe('stale')
    expect(x.cases.map((c) => `${c.key}=${c.verdict}`)).toEqual(['KEYS-003[1]=stale', 'KEYS-003[2]=uncovered'])
    expect(x.failingGates).toEqual(['no-stale'])
    expect(x.next[0]).toMatch(new RegExp(`^KEYS-003\\[1\\]: review the test against the current clause text, then set its hash to ${x.hash}`))
    // the call is assembled so that `specgate status`, scanning this file, does not take it for a test of KEYS-003
    const call = ['clause(', `'KEYS-003', '${x.hash}', { row: 2 })`].join('')
    expect(x.next[1]).toBe(`KEYS-003[2]: write a test that names the clause (\`specgate generate\` writes a skeleton): ${call} run by vitest (no test names KEYS-003[2] (@integration clauses are proven with vitest))`)
  })

  test('an accepted clause has nothing left to do', () => {
    const r = specgate(['explain', 'KEYS-001', '--json'], p.root)
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'accepted', next: [], failingGates: [] })
  })

  test('CHECK-015 Explain an unknown clause id', clause('CHECK-015', '344e499e8ce0'), () => {
    expect(specgate(['explain', 'KEYS-02'], p.root)).toMatchObject({ code: 2, stderr: 'specgate: the SPEC has no clause KEYS-02; did you mean KEYS-002?\n' })
    expect(specgate(['explain', 'keys-002'], p.root)).toMatchObject({ code: 2, stderr: 'specgate: the SPEC has no clause keys-002; did you mean KEYS-002?\n' })
    // a far-off id gets no suggestion: every id (BILL-001, KEYS-001, ...) is seven edits from NOPE-9
    expect(specgate(['explain', 'NOPE-9'], p.root)).toMatchObject({ code: 2, stderr: 'specgate: the SPEC has no clause NOPE-9\n' })
  })

  test('the did-you-mean for a clause id sets letter case aside', () => {
    // keys-001 is four edits from both ids; only one of them is the same id in other letters
    const spec = { byId: new Map([['FI-001', {}], ['KEYS-001', {}]]) } as unknown as Spec
    expect(nearIdHint('keys-001', spec)).toBe('; did you mean KEYS-001?')
    expect(nearIdHint('fi-01', spec)).toBe('; did you mean FI-001?')
    expect(nearIdHint('X-1', { byId: new Map() } as unknown as Spec)).toBe('')
    // a third of the longer id, at least one edit: two edits in eight characters is close, three is not
    expect(nearIdHint('KEYS-099', spec)).toBe('; did you mean KEYS-001?')
    expect(nearIdHint('KEYS-999', spec)).toBe('')
    expect(nearIdHint('NOPE-9', spec)).toBe('')
    expect(nearIdHint('F-1', { byId: new Map([['FI-1', {}]]) } as unknown as Spec)).toBe('; did you mean FI-1?')
  })
})
