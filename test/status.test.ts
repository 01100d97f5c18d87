/**
 * The round trip as a user lives it, through the built CLI: generate, fill one test in by hand,
 * change the SPEC, generate and status again; then accept a reviewed hash. Plus the other drift
 * kinds, the three formats and the user errors.
 */
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { clause } from 'specgate/vitest'
import { specgate, writeTree } from './helpers/cli.js'
import { copyGenFixture, read, tool } from './helpers/generate-fixture.js'

const FEATURE = 'features/team/keys.feature'
const VITEST_FILE = 'test/spec/team/keys.test.ts'
const PW_FILE = 'e2e/spec/team/keys.spec.ts'

interface StatusJson {
  inStep: boolean
  uncovered: { key: string; level: string }[]
  uncoveredByLevel: Record<string, number>
  stale: { id: string; file: string; line: number; testHash: string; clauseHash: string; steps: { current: string[]; removed: string[]; added: string[]; data: { step: string; changed: string[] }[] } }[]
  orphans: { id: string; file: string; reason: string }[]
  levelMismatches: { id: string; expected: string[]; found: string[] }[]
  findings: { rule: string; file: string; line: number; message: string }[]
}

function statusJson(dir: string): { code: number; json: StatusJson } {
  const r = specgate(['status', '--format', 'json'], dir)
  return { code: r.code, json: JSON.parse(r.stdout) as StatusJson }
}

/** A hand-written body for KEYS-001: the skeleton flag gone, real assertions in the steps. */
function fillInKeys001(text: string): string {
  const start = text.indexOf("  // specgate skeleton: fill in the steps, then delete `skeleton: true`\n  test('KEYS-001")
  const end = text.indexOf('\n  })\n', start) + '\n  })\n'.length
  const hand = [
    "  test('KEYS-001 A member sees whether their key works', clause('KEYS-001', HASH, { tags: ['@integration'] }), async () => {",
    "    let keys = 0",
    "    await Given('a team with 3 keys', async () => { keys = 3 })",
    "    await When('the member fills the key form:', { dataTable: [['field', 'value'], ['name', 'ci']] }, async ({ dataTable }) => { expect(dataTable).toHaveLength(2) })",
    "    await Then('the response body is:', { docString: '{\"ok\": true}' }, async ({ docString }) => { expect(JSON.parse(docString ?? '')).toEqual({ ok: true }) })",
    "    await And('the key\\'s name is \"it\\'s \\\\ fine\"', async () => { expect(keys).toBe(3) })",
    '  })\n',
  ].join('\n')
  const hash = /clause\('KEYS-001', '([0-9a-f]+)'/.exec(text)![1]!
  return text.slice(0, start) + hand.replace('HASH', `'${hash}'`) + text.slice(end)
}

describe('the round trip: generate, fill in, change the SPEC, generate and status again', () => {
  let dir: string
  let handWritten: string
  let firstSpec: string

  beforeAll(() => {
    dir = copyGenFixture('gen-keys')
    expect(specgate(['generate'], dir).code).toBe(0)
    expect(specgate(['status'], dir).code).toBe(0)
    handWritten = fillInKeys001(read(dir, VITEST_FILE)).replace("import { describe, test } from 'vitest'", "import { describe, expect, test } from 'vitest'")
    fs.writeFileSync(path.join(dir, VITEST_FILE), handWritten)
    firstSpec = read(dir, FEATURE)
    const changed = firstSpec
      .replace('      Then "ops" sees the key\n', '      Then "ops" sees the key and its owner\n')
      .replace(/  @id:KEYS-002 @e2e\n[\s\S]*?But no key shows its secret\n\n/, '')
      + '\n    @id:KEYS-006 @integration @error\n    Scenario: A member cannot share a revoked key\n      Given a revoked key\n      When the member shares it with "ops"\n      Then the answer is "revoked"\n'
    expect(changed).not.toContain('KEYS-002')
    fs.writeFileSync(path.join(dir, FEATURE), changed)
  })

  it('generate keeps the hand-written file byte for byte and appends a skeleton for the new clause only', () => {
    const r = specgate(['generate'], dir)
    expect(r.stdout).toContain(`appended to ${VITEST_FILE} (1 skeleton: KEYS-006)`)
    expect(r.code).toBe(0)
    const after = read(dir, VITEST_FILE)
    expect(after.startsWith(handWritten)).toBe(true)
    const added = after.slice(handWritten.length)
    expect(added).toContain("clause('KEYS-006'")
    expect(added.match(/clause\(/g)).toHaveLength(1)
    expect(specgate(['generate'], dir).stdout).toContain('nothing to generate')
  })

  it('STATUS-002 status finds the changed clause stale, with the step that changed', clause('STATUS-002', '5319f23d285f'), () => {
    const { code, json } = statusJson(dir)
    expect(code).toBe(1)
    expect(json.inStep).toBe(false)
    expect(json.uncovered).toEqual([])
    expect(json.stale).toHaveLength(1)
    expect(json.stale[0]).toMatchObject({
      id: 'KEYS-005', file: VITEST_FILE,
      steps: { removed: ['"ops" sees the key'], added: ['"ops" sees the key and its owner'] },
    })
    expect(json.stale[0]!.steps.current).toContain('Then "ops" sees the key and its owner')
  })

  it('STATUS-003 status finds the test of the deleted clause orphaned, with the closest id as a hint', clause('STATUS-003', '56d35d70778b'), () => {
    const { code, json } = statusJson(dir)
    expect(code).toBe(1)
    expect(json.orphans).toEqual([{ id: 'KEYS-002', row: null, file: PW_FILE, line: 5, reason: 'names KEYS-002, which the SPEC does not have (deleted or mistyped; did you mean KEYS-001?)' }])
  })

  it('STATUS-002 pretty output shows where and what changed', clause('STATUS-002', '5319f23d285f'), () => {
    const r = specgate(['status'], dir)
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('stale test: KEYS-005 changed since this test was written')
    expect(r.stdout).toContain('- "ops" sees the key    (in the test, no longer in the SPEC)')
    expect(r.stdout).toContain('+ "ops" sees the key and its owner    (in the SPEC, not in the test)')
    expect(r.stdout).toContain('orphan test: names KEYS-002')
    expect(r.stdout).toMatch(/out of step: 1 stale, 1 orphan; 4 clauses, \d+ tests naming a clause/)
  })

  it('STATUS-006 github output annotates the test lines, one annotation per finding', clause('STATUS-006', 'bf3e2614d60a'), () => {
    const r = specgate(['status', '--format', 'github'], dir)
    expect(r.stdout).toMatch(new RegExp(`^::error file=${PW_FILE.replace(/\./g, '\\.')},line=5,col=\\d+,title=specgate orphan::orphan test: names KEYS-002`, 'm'))
    expect(r.stdout).toMatch(/^::error file=test\/spec\/team\/keys\.test\.ts,line=\d+,col=\d+,title=specgate stale::stale test: KEYS-005.*%0A/m)
    // one annotation per finding (1 orphan, 1 stale), each on a test line; the summary line follows them
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::'))
    expect(annotations.map((l) => /^::error file=[^,]+,line=\d+,col=\d+,title=specgate (stale|orphan)::/.exec(l)?.[1])).toEqual(['orphan', 'stale'])
  })

  it('STATUS-005 --accept-hash rewrites only the hash literal, after which the test is current', clause('STATUS-005', 'cc75579552ff'), () => {
    const before = read(dir, VITEST_FILE)
    const { json } = statusJson(dir)
    const { testHash, clauseHash } = json.stale[0]!
    const r = specgate(['status', '--accept-hash', 'KEYS-005'], dir)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(`KEYS-005 hash ${testHash} -> ${clauseHash}`)
    const after = read(dir, VITEST_FILE)
    expect(after.length).toBe(before.length)
    const differing = [...after].flatMap((ch, i) => (ch === before[i] ? [] : [i]))
    const at = before.indexOf(`'KEYS-005', '${testHash}'`) + "'KEYS-005', '".length
    expect(differing.every((i) => i >= at && i < at + testHash.length)).toBe(true)
    expect(after.replace(clauseHash, testHash)).toBe(before)
    expect(statusJson(dir).json.stale).toEqual([])
    expect(specgate(['status', '--accept-hash', 'KEYS-005'], dir).stdout).toContain('nothing to accept')
  })

  it('the extended file still runs: the hand-written test passes, every skeleton stays todo', () => {
    const r = tool('vitest', ['run', '--reporter=json', '--outputFile=round.json'], dir)
    const json = JSON.parse(read(dir, 'round.json')) as { testResults: { assertionResults: { status: string; title: string }[] }[] }
    const results = Object.fromEntries(json.testResults.flatMap((f) => f.assertionResults).map((t) => [t.title.split(' ')[0], t.status]))
    expect(results, r.stderr).toEqual({ 'KEYS-001': 'passed', 'KEYS-004[1]': 'todo', 'KEYS-004[2]': 'todo', 'KEYS-005': 'todo', 'KEYS-006': 'todo' })
  })
})

describe('status findings and errors', () => {
  let dir: string
  beforeAll(() => {
    dir = copyGenFixture('gen-keys')
  })

  it('STATUS-001 lists uncovered clauses per level when there are no tests, and exits 1', clause('STATUS-001', 'ab5d5b8e62b3'), () => {
    const { code, json } = statusJson(dir)
    expect(code).toBe(1)
    expect(json.uncoveredByLevel).toEqual({ unit: 1, integration: 2, e2e: 1 })
    expect(json.uncovered.map((u) => `${u.key} @${u.level}`)).toEqual(['KEYS-001 @integration', 'KEYS-002 @e2e', 'KEYS-004 @unit', 'KEYS-005 @integration'])
    expect(specgate(['status'], dir).stdout).toContain('out of step: 4 uncovered (@unit 1, @integration 2, @e2e 1)')
  })

  it('STATUS-004 names the Outline rows without a test, and an @e2e clause claimed only by a Vitest file', clause('STATUS-004', 'c7803a93f09c'), () => {
    writeTree(dir, {
      'test/keys-by-hand.test.ts': [
        "import { test } from 'vitest'",
        "import { clause } from 'specgate/vitest'",
        // (the escaped quotes keep specgate's own status scan of this file from taking these for its tests)
        "test('costs', clause(\'KEYS-004\', 'x', { row: 1 }), () => {})",
        "test('page', clause(\"KEYS-002\", `y`), () => {})",
        "test('typo', clause(\'KEYS-01\', 'z'), () => {})",
        "test('row gone', clause(\'KEYS-004\', 'z', { row: 7 }), () => {})",
        '',
      ].join('\n'),
    })
    const { json } = statusJson(dir)
    expect(json.uncovered.map((u) => u.key)).toEqual(['KEYS-001', 'KEYS-004[2]', 'KEYS-005'])
    expect(json.levelMismatches).toEqual([{ id: 'KEYS-002', levels: ['e2e'], expected: ['playwright'], found: ['vitest'], tests: [{ file: 'test/keys-by-hand.test.ts', line: 4 }] }])
    expect(json.orphans.map((o) => o.reason)).toEqual([
      'names KEYS-01, which the SPEC does not have (deleted or mistyped; did you mean KEYS-001?)',
      'names KEYS-004 row 7, but KEYS-004 has 2 Examples rows',
    ])
    const pretty = specgate(['status'], dir).stdout
    expect(pretty).toContain('KEYS-002 is @e2e (proven by playwright), but only vitest tests claim it')
    expect(pretty).toContain('KEYS-004[2] "cost for a <kind> project" (@unit) has no test')
  })

  it('STATUS-007 --accept-hash of an unknown clause or one without tests is a one-line input error (exit 2)', clause('STATUS-007', '026c67c5cdd9'), () => {
    const unknown = specgate(['status', '--accept-hash', 'KEYS-099'], dir)
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toBe('specgate: --accept-hash KEYS-099: the SPEC has no clause KEYS-099; did you mean KEYS-009?\n'.replace('KEYS-009', 'KEYS-001'))
    const untested = specgate(['status', '--accept-hash', 'KEYS-005'], dir)
    expect(untested.code).toBe(2)
    expect(untested.stderr).toBe('specgate: --accept-hash KEYS-005: no test names KEYS-005 (nothing to accept; `specgate generate` writes one)\n')
  })

  it('a bad --format is a usage error (exit 2)', () => {
    const r = specgate(['status', '--format', 'xml'], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("argument 'xml' is invalid. Allowed choices are pretty, json, github.")
  })

  it('STATUS-008 a SPEC parse error is reported, not hidden behind orphaned tests', clause('STATUS-008', 'a6925c68140e'), () => {
    writeTree(dir, { 'features/broken.feature': 'Feature: broken\n  Scenario: a\n    Given x\n  Examples oops\n' })
    const r = specgate(['status', '--format', 'json'], dir)
    expect(r.code).toBe(1)
    const json = JSON.parse(r.stdout) as StatusJson
    expect(json.findings.filter((f) => f.rule === 'parse-error').map((f) => f.file)).toEqual(['features/broken.feature'])
  })
})

describe('tests that call the helpers under names of their own', () => {
  it('STATUS-009 status and generate find a test through its aliased imports, and the stale diff reads its renamed steps', clause('STATUS-009', '93cca7ce8d83'), () => {
    const dir = copyGenFixture('gen-keys')
    const hash = (JSON.parse(specgate(['explain', 'KEYS-005', '--json'], dir).stdout) as { hash: string }).hash
    writeTree(dir, {
      'test/sharing.test.ts': [
        "import { test } from 'vitest'",
        "import {",
        "  clause as link, // the names are ours",
        "  Given as given,",
        "  When as when, Then as then,",
        "} from 'specgate/vitest'",
        '',
        `test('sharing', link('KEYS-005', '${hash}'), async () => {`,
        "  await given('a team with 3 keys', async () => {})",
        "  await given('another team \"ops\"', async () => {})",
        "  await when('the member shares the key with \"ops\"', async () => {})",
        "  await then('\"ops\" sees the key', async () => {})",
        '})',
        '',
      ].join('\n'),
    })
    expect(statusJson(dir).json.uncovered.map((u) => u.key)).toEqual(['KEYS-001', 'KEYS-002', 'KEYS-004'])
    const gen = specgate(['generate'], dir)
    expect(gen.stdout).toContain('created test/spec/team/keys.test.ts (3 skeletons: KEYS-001, KEYS-004[1], KEYS-004[2])')
    expect(statusJson(dir).json.inStep).toBe(true)

    fs.writeFileSync(path.join(dir, FEATURE), read(dir, FEATURE).replace('Then "ops" sees the key\n', 'Then "ops" sees the key and its owner\n'))
    const { json } = statusJson(dir)
    expect(json.stale.map((s) => ({ id: s.id, file: s.file, removed: s.steps.removed, added: s.steps.added }))).toEqual([
      { id: 'KEYS-005', file: 'test/sharing.test.ts', removed: ['"ops" sees the key'], added: ['"ops" sees the key and its owner'] },
    ])
  })
})

describe('a stale test whose only change is a DocString or a DataTable', () => {
  it('STATUS-010 names the steps whose DocString or DataTable the test passes and the SPEC changed; without literals it lists every step', clause('STATUS-010', '0c321102859b'), () => {
    const dir = copyGenFixture('gen-keys')
    expect(specgate(['generate'], dir).code).toBe(0)
    const hash = /clause\('KEYS-001', '([0-9a-f]+)'/.exec(read(dir, VITEST_FILE))![1]!
    writeTree(dir, {
      // the same steps with no literal data: what changed in it cannot be told
      'test/by-hand.test.ts': [
        "import { test } from 'vitest'",
        "import { clause, Given, When, Then, And } from 'specgate/vitest'",
        `test('keys', clause(\'KEYS-001\', '${hash}'), async () => {`,
        "  await Given('a team with 3 keys', async () => {})",
        "  await When('the member fills the key form:', async () => {})",
        "  await Then('the response body is:', async () => {})",
        "  await And('the key\\'s name is \"it\\'s \\\\ fine\"', async () => {})",
        '})',
        '',
      ].join('\n'),
    })
    fs.writeFileSync(path.join(dir, FEATURE), read(dir, FEATURE).replace('{"ok": true}', '{"ok": false}').replace('| name  | ci    |', '| name  | cd    |'))
    const { json } = statusJson(dir)
    expect(json.stale.map((s) => ({ file: s.file, steps: { ...s.steps, current: undefined } }))).toEqual([
      { file: 'test/by-hand.test.ts', steps: { current: undefined, removed: [], added: [], data: [] } },
      { file: VITEST_FILE, steps: { current: undefined, removed: [], added: [], data: [
        { step: 'When the member fills the key form:', changed: ['DataTable'] },
        { step: 'Then the response body is:', changed: ['DocString'] },
      ] } },
    ])
    const pretty = specgate(['status'], dir).stdout
    expect(pretty).toContain([
      '    ~ When the member fills the key form:    (its DataTable in the SPEC is not the one the test passes)',
      '    ~ Then the response body is:    (its DocString in the SPEC is not the one the test passes)',
    ].join('\n'))
    expect(pretty).toContain([
      '    the step texts the test calls still match; a DocString, DataTable, step kind or Examples row changed',
      '      Given a team with 3 keys',
      '      When the member fills the key form:',
    ].join('\n'))
  })
})
