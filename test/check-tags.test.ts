/** `specgate check --tags`: gate a part of the SPEC with a Cucumber tag expression. */
import { describe, expect, test } from 'vitest'
import { specgate } from './helpers/cli.js'
import { fixtureProject, fragment, passed, writeFragment } from './helpers/check-fixture.js'

describe('specgate check --tags', () => {
  test('judges only the clauses the expression selects, without orphaning the others', async () => {
    const { root, spec } = await fixtureProject('check-basic', 'check-tags')
    writeFragment(root, 'vitest.json', fragment({ runner: 'vitest', id: 'vitest-1', spec }, [passed(spec, 'KEYS-001'), passed(spec, 'BILL-001')]))
    const all = specgate(['check', '--today', '2026-01-15'], root)
    expect(all.code).toBe(1)
    const keys = specgate(['check', '--today', '2026-01-15', '--tags', '@covers:src/keys/** or @id:BILL-001'], root)
    expect(keys.stdout).toContain('2 clauses: 2 accepted')
    expect(keys.stdout).not.toMatch(/\d+ orphan/)
    expect(keys.code).toBe(0)
  })

  test('a malformed expression is one line naming the option, exit 2', async () => {
    const { root } = await fixtureProject('check-basic', 'check-tags-bad')
    const r = specgate(['check', '--tags', '@unit and ('], root)
    expect(r.code).toBe(2)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(/^specgate: --tags "@unit and \(" is not a tag expression/)
  })
})
