/** `specgate ids`, spawned on copies of test/fixtures/ids-basic: listing, writing in place, prefixes. */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { clause } from 'specgate/vitest'
import { REPO, scratch, specgate, writeTree } from './helpers/cli.js'

const FIXTURE = path.join(REPO, 'test/fixtures/ids-basic')
const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

/** A copy of the fixture to edit; login.feature is turned to CRLF to show line endings are kept. */
function project(opts: { broken?: boolean } = {}): string {
  const dir = scratch('ids')
  dirs.push(dir)
  fs.cpSync(FIXTURE, dir, { recursive: true })
  const login = path.join(dir, 'features/auth/login.feature')
  fs.writeFileSync(login, fs.readFileSync(login, 'utf8').replace(/\n/g, '\r\n'))
  if (opts.broken === false) fs.rmSync(path.join(dir, 'features/broken.feature'))
  return dir
}

const read = (dir: string, file: string): string => fs.readFileSync(path.join(dir, file), 'utf8')

function snapshot(dir: string): Record<string, string> {
  const files = fs.readdirSync(path.join(dir, 'features'), { recursive: true }).map(String).filter((f) => f.includes('.feature'))
  return Object.fromEntries(files.sort().map((f) => [f, read(dir, `features/${f}`)]))
}

describe('specgate ids', () => {
  it('IDS-001 lists the ids it would write and changes nothing without --write', clause('IDS-001', 'b5d87f711a9e'), () => {
    const dir = project({ broken: false })
    const before = snapshot(dir)
    const r = specgate(['ids'], dir)
    expect(r.stdout.trim().split('\n')).toEqual([
      'features/auth/login.feature:16: @id:AUTH-010  Scenario: A wrong password is refused',
      'features/auth/login.feature:20: @id:AUTH-011  Scenario: Tab-indented and untagged',
      'features/auth/login.feature:26: @id:AUTH-012  Scenario Outline: Tags on two lines',
      'features/billing.feature:5: @id:BILLING-001  Scenario: An invoice is created',
      'features/billing.feature:9: @id:BILLING-002  Scenario: An invoice without a customer is refused',
      'features/notes.feature.md:4: @id:NOTES-001  Scenario: A note is saved',
      'features/notes.feature.md:8: @id:NOTES-002  Scenario: An empty note is refused',
      'would write 7 ids in 3 files; run `specgate ids --write` to write them',
    ])
    expect(r.code).toBe(0)
    expect(snapshot(dir)).toEqual(before)
  })

  it('IDS-002 --write edits only tag lines, keeps CRLF, comments, tabs and alignment, and a second run changes nothing', clause('IDS-002', '998824000a97'), () => {
    const dir = project({ broken: false })
    const original = read(dir, 'features/auth/login.feature')
    const r = specgate(['ids', '--write'], dir)
    expect(r.code).toBe(0)
    expect(r.stdout.trim().split('\n').at(-1)).toBe('wrote 7 ids in 3 files')
    const expected = original
      .replace('  @unit   @error   # a trailing', '  @unit   @error @id:AUTH-010   # a trailing')
      .replace('\tScenario: Tab-indented', '\t@id:AUTH-011\r\n\tScenario: Tab-indented')
      .replace('  @edge\r\n', '  @edge @id:AUTH-012\r\n')
    expect(expected).not.toBe(original)
    expect(read(dir, 'features/auth/login.feature')).toBe(expected)
    expect(read(dir, 'features/notes.feature.md')).toBe(read(FIXTURE, 'features/notes.feature.md')
      .replace('`@unit` `@owner:docs`\n', '`@unit` `@owner:docs` `@id:NOTES-001`\n')
      .replace('## Scenario: An empty', '`@id:NOTES-002`\n## Scenario: An empty'))
    const after = snapshot(dir)
    const again = specgate(['ids', '--write'], dir)
    expect(again.stdout.trim()).toBe('every clause has an id')
    expect(again.code).toBe(0)
    expect(snapshot(dir)).toEqual(after)
  })

  it('continues after the highest number of a prefix, counting ids that tests still name', () => {
    const dir = project({ broken: false })
    fs.rmSync(path.join(dir, 'test/old.test.js'))
    expect(specgate(['ids'], dir).stdout).toContain('@id:AUTH-008  Scenario: A wrong password is refused')
    writeTree(dir, { 'e2e/keys.spec.ts': "test('x', clause(\"AUTH-041\", 'aa'), () => {})\n" })
    expect(specgate(['ids'], dir).stdout).toContain('@id:AUTH-042  Scenario: A wrong password is refused')
  })

  it('IDS-004 numbers 1 and 7 in the SPEC and 9 named by a test: the new clauses get 10 and 11', clause('IDS-004', '8f2b531fdee0'), () => {
    const dir = scratch('ids-numbers')
    dirs.push(dir)
    const scenario = (tag: string, name: string): string => `  ${tag}\n  Scenario: ${name}\n    When it runs\n    Then it passes\n\n`
    writeTree(dir, {
      'features/widgets.feature': '@owner:core @acceptor:lead\nFeature: Widgets\n\n'
        + scenario('@unit @id:WIDGET-001', 'first') + scenario('@unit @id:WIDGET-007', 'seventh')
        + scenario('@unit', 'new one') + scenario('@unit @error', 'new two'),
      // a test naming a number the SPEC no longer has (written so specgate's own status scan skips it)
      'test/old.test.ts': "test('gone', clause(\"WIDGET-009\", 'aaaaaaaaaaaa'), () => {})\n",
    })
    const r = specgate(['ids', '--write'], dir)
    expect(r.code).toBe(0)
    expect(r.stdout.trim().split('\n').at(-1)).toBe('wrote 2 ids in 1 file')
    const text = read(dir, 'features/widgets.feature')
    expect(text).toContain('  @unit @id:WIDGET-010\n  Scenario: new one\n')
    expect(text).toContain('  @unit @error @id:WIDGET-011\n  Scenario: new two\n')
  })

  it('IDS-004 an id a test names through clause imported under another name is taken too', clause('IDS-004', '8f2b531fdee0'), () => {
    const dir = scratch('ids-aliased')
    dirs.push(dir)
    // (\' keeps specgate's own status scan from reading the test written here as one of this repo's)
    writeTree(dir, {
      'features/widgets.feature': '@owner:core @acceptor:lead\nFeature: Widgets\n\n  @unit @id:WIDGET-001\n  Scenario: first\n    Then it passes\n\n  @unit @error\n  Scenario: new\n    Then it fails\n',
      'test/old.test.ts': "import { clause as link } from 'specgate/vitest'\ntest('gone', link(\'WIDGET-004\', 'aaaaaaaaaaaa'), () => {})\n",
    })
    expect(specgate(['ids'], dir).stdout).toContain('@id:WIDGET-005  Scenario: new')
  })

  it('IDS-004 a skeleton in the generate folder counts even outside the configured test globs, as it does for status', clause('IDS-004', '8f2b531fdee0'), () => {
    const dir = scratch('ids-generate-folder')
    dirs.push(dir)
    writeTree(dir, {
      'specgate.config.json': JSON.stringify({ tests: ['test/unit/**/*.test.ts'] }),
      'features/widgets.feature': '@owner:core @acceptor:lead\nFeature: Widgets\n\n  @unit @id:WIDGET-001\n  Scenario: first\n    Then it passes\n\n  @unit\n  Scenario: new\n    Then it runs\n',
      // generate's folder (test/spec), which `tests` leaves out: status and generate still read it (\" keeps this repo's own scan off it)
      'test/spec/widgets.test.ts': "test('gone', clause(\"WIDGET-009\", 'aaaaaaaaaaaa', { skeleton: true }), () => {})\n",
    })
    expect(specgate(['status'], dir).stdout).toContain('WIDGET-009')
    expect(specgate(['ids'], dir).stdout).toContain('@id:WIDGET-010  Scenario: new')
  })

  it('IDS-005 --write takes each file\'s prefix from the config glob, else its ids, else its folder, else its file name', clause('IDS-005', '5bdde53c5393'), () => {
    const dir = scratch('ids-prefixes')
    dirs.push(dir)
    const feature = (tag: string): string => `@owner:core @acceptor:lead\nFeature: F\n\n  ${tag}\n  Scenario: s\n    When it runs\n    Then it passes\n`
    writeTree(dir, {
      'specgate.config.json': JSON.stringify({ ids: { prefixes: { 'features/payments/**': 'PAY' } } }),
      'features/auth/login.feature': feature('@unit'),
      'features/billing.feature': feature('@unit'),
      'features/legacy/notes.feature': `${feature('@unit @id:MEMO-003')}\n  @unit\n  Scenario: t\n    When it runs\n    Then it passes\n`,
      'features/payments/refunds.feature': feature('@unit'),
    })
    const r = specgate(['ids', '--write'], dir)
    expect(r.code).toBe(0)
    expect(r.stdout.trim().split('\n').at(-1)).toBe('wrote 4 ids in 4 files')
    expect(read(dir, 'features/payments/refunds.feature')).toContain('@unit @id:PAY-001\n') // the config glob
    expect(read(dir, 'features/legacy/notes.feature')).toContain('  @unit @id:MEMO-004\n  Scenario: t') // the file's ids
    expect(read(dir, 'features/auth/login.feature')).toContain('@unit @id:AUTH-001\n') // the folder
    expect(read(dir, 'features/billing.feature')).toContain('@unit @id:BILLING-001\n') // the file name
  })

  it('takes the prefix from the config glob before the folder or file name', () => {
    const dir = project({ broken: false })
    writeTree(dir, { 'specgate.config.json': JSON.stringify({ ids: { prefixes: { 'features/billing*': 'BILL', 'features/*.md': 'DOC' }, digits: 4 } }) })
    const out = specgate(['ids', '--format', 'json'], dir)
    const json = JSON.parse(out.stdout) as { written: boolean; assignments: { file: string; line: number; id: string }[] }
    expect(json.written).toBe(false)
    expect(json.assignments.map((a) => a.id)).toEqual(['AUTH-010', 'AUTH-011', 'AUTH-012', 'BILL-0001', 'BILL-0002', 'DOC-0001', 'DOC-0002'])
  })

  it('IDS-006 leaves a file that does not parse alone, names it at file:line:col and exits 1', clause('IDS-006', '5919f802b2dc'), () => {
    const dir = project()
    const broken = read(dir, 'features/broken.feature')
    const r = specgate(['ids', '--write'], dir)
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('features/broken.feature:6:7: not changed, does not parse: inconsistent cell count within the table')
    expect(r.stdout).toContain('wrote 7 ids in 3 files')
    expect(read(dir, 'features/broken.feature')).toBe(broken)
  })

  it('refuses a bad prefix in the config with the key path', () => {
    const dir = project({ broken: false })
    writeTree(dir, { 'specgate.config.yaml': 'ids:\n  prefixes:\n    "features/**": auth\n' })
    const r = specgate(['ids'], dir)
    expect(r.code).toBe(2)
    expect(r.stderr.trim()).toBe('specgate: specgate.config.yaml: ids.prefixes.features/**: upper-case letters and digits, starting with a letter')
  })
})
