/** `specgate generate` through the built CLI: where it writes, what it never touches, its modes and errors. */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { clause } from 'specgate/vitest'
import { CLI, REPO, scratch, specgate, timedPhases, writeTree } from './helpers/cli.js'
import { copyGenFixture, listFiles, read, tool } from './helpers/generate-fixture.js'

const LONG = 'x'.repeat(200)
const HOSTILE_NAME = `../../etc/passwd "quoted" 'single' \`back\` \${injected} */ // 🚀 émoji / slashes \\ ${LONG}`

describe('specgate generate', () => {
  it('GEN-003 a second run with no SPEC change writes nothing; --check then passes', clause('GEN-003', '05d48fbb8608'), () => {
    const dir = copyGenFixture('gen-keys')
    expect(specgate(['generate', '--check'], dir).code).toBe(1)
    expect(specgate(['generate'], dir).code).toBe(0)
    const files = listFiles(dir, 'test').concat(listFiles(dir, 'e2e'))
    expect(files).toEqual(['test/spec/team/keys.test.ts', 'e2e/spec/team/keys.spec.ts'])
    const before = files.map((f) => [read(dir, f), fs.statSync(path.join(dir, f)).mtimeMs])
    const again = specgate(['generate'], dir)
    expect(again.stdout).toBe('nothing to generate: every clause with an id and a level has a test\n')
    expect(files.map((f) => [read(dir, f), fs.statSync(path.join(dir, f)).mtimeMs])).toEqual(before)
    const check = specgate(['generate', '--check'], dir)
    expect(check.code).toBe(0)
  })

  it('GEN-003 a rerun with nothing changed does not read the SPEC, as SPECGATE_TIMINGS shows by the phases it names', clause('GEN-003', '05d48fbb8608'), () => {
    const dir = copyGenFixture('gen-keys')
    const first = specgate(['generate'], dir, { SPECGATE_TIMINGS: '1' })
    expect(first.stdout).toContain('wrote 5 skeletons in 2 files')
    expect(timedPhases(first)).toEqual(['start-up and config', 'files found and stamped', 'feature files read', 'tests scanned, target paths checked, dead stages removed', 'parsed, planned, rendered', 'written'])
    // the first run's stamps (taken from its own file lists) are the ones the rerun's single walk makes
    const again = specgate(['generate'], dir, { SPECGATE_TIMINGS: '1' })
    expect(again.stdout).toContain('nothing to generate')
    expect(timedPhases(again)).toEqual(['start-up and config', 'files found and stamped'])
    // without the variable, nothing of it
    expect(specgate(['generate'], dir).stderr).toBe('')
  })

  it('GEN-003 the no-change fast path lets go as soon as a feature or a test file changes', clause('GEN-003', '05d48fbb8608'), () => {
    const dir = copyGenFixture('gen-keys')
    expect(specgate(['generate'], dir).stdout).toContain('wrote 5 skeletons in 2 files')
    expect(specgate(['generate'], dir).stdout).toContain('nothing to generate')
    // a new clause in the feature: the next run must read the SPEC again and write its skeleton
    fs.appendFileSync(path.join(dir, 'features/team/keys.feature'), '\n    @id:KEYS-009 @unit\n    Scenario: a clause added later\n      Then it gets a skeleton\n')
    expect(specgate(['generate'], dir).stdout).toContain('appended to test/spec/team/keys.test.ts (1 skeleton: KEYS-009)')
    expect(specgate(['generate'], dir).stdout).toContain('nothing to generate')
    // a test file that stops naming a clause (same size: only its mtime tells) gets that clause back
    const e2e = path.join(dir, 'e2e/spec/team/keys.spec.ts')
    fs.writeFileSync(e2e, read(dir, 'e2e/spec/team/keys.spec.ts').replace("clause('KEYS-002'", "clause('KEYS-00X'"))
    fs.utimesSync(e2e, new Date(), new Date(Date.now() + 5000))
    expect(specgate(['generate'], dir).stdout).toContain('appended to e2e/spec/team/keys.spec.ts (1 skeleton: KEYS-002)')
    // a deleted test file is noticed too
    fs.rmSync(path.join(dir, 'test/spec/team/keys.test.ts'))
    expect(specgate(['generate'], dir).stdout).toContain('created test/spec/team/keys.test.ts (5 skeletons: KEYS-001, KEYS-004[1], KEYS-004[2], KEYS-005, KEYS-009)')
    // and no temporary file is left next to the test files
    expect(listFiles(dir, 'test').concat(listFiles(dir, 'e2e'))).toEqual(['test/spec/team/keys.test.ts', 'e2e/spec/team/keys.spec.ts'])
  })

  it('GEN-007 --dry-run prints the files it would write and writes none; --check exits 1 naming what is missing', clause('GEN-007', 'fa582254b713'), () => {
    const dir = copyGenFixture('gen-keys')
    const dry = specgate(['generate', '--dry-run'], dir)
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain('would create test/spec/team/keys.test.ts (4 skeletons: KEYS-001, KEYS-004[1], KEYS-004[2], KEYS-005)')
    expect(dry.stdout).toContain("--- e2e/spec/team/keys.spec.ts (create)\nimport { test, clause, Given, Then, But } from 'specgate/playwright'")
    expect(dry.stdout).toContain('would write 5 skeletons in 2 files (dry run: nothing written)')
    const check = specgate(['generate', '--check'], dir)
    expect(check.code).toBe(1)
    expect(check.stdout).toContain('missing: would create e2e/spec/team/keys.spec.ts (1 skeleton: KEYS-002)')
    expect(check.stdout).toContain('5 clause cases without a test (run `specgate generate`)')
    expect(listFiles(dir, 'test').concat(listFiles(dir, 'e2e'))).toEqual([])
    expect(fs.existsSync(path.join(dir, '.specgate'))).toBe(false)
  })

  it('GEN-007 --check and --dry-run write no file when nothing is missing either, not even the up-to-date cache', clause('GEN-007', 'fa582254b713'), () => {
    const dir = copyGenFixture('gen-keys')
    expect(specgate(['generate'], dir).code).toBe(0)
    fs.rmSync(path.join(dir, '.specgate'), { recursive: true })
    const before = listFiles(dir)
    expect(specgate(['generate', '--check'], dir)).toEqual({ code: 0, stdout: 'nothing to generate: every clause with an id and a level has a test\n', stderr: '' })
    expect(specgate(['generate', '--dry-run'], dir)).toEqual({ code: 0, stdout: 'nothing to generate: every clause with an id and a level has a test\n', stderr: '' })
    expect(listFiles(dir)).toEqual(before)
    expect(fs.existsSync(path.join(dir, '.specgate'))).toBe(false)
  })

  it('GEN-014 a cache that cannot be saved is one warning line for the run that writes, and nothing for --check and --dry-run', clause('GEN-014', '3c413ff3cde1'), () => {
    const dir = copyGenFixture('gen-keys')
    writeTree(dir, { '.specgate': 'a file where specgate keeps its folder' })
    expect(specgate(['generate', '--check'], dir)).toMatchObject({ code: 1, stderr: '' })
    expect(specgate(['generate', '--dry-run'], dir)).toMatchObject({ code: 0, stderr: '' })
    const first = specgate(['generate'], dir)
    expect(first.stdout).toContain('wrote 5 skeletons in 2 files')
    expect(first.stderr).toMatch(/^specgate: warning: \.specgate\/cache\/generate\.json: cannot save the up-to-date cache \(ENOTDIR: [^\n]*\); the next run reads the whole SPEC again\n$/)
    expect(first.code).toBe(0)
    const again = specgate(['generate'], dir)
    expect(again.stdout).toBe('nothing to generate: every clause with an id and a level has a test\n')
    expect(again.stderr).toMatch(/^specgate: warning: [^\n]+\n$/)
    expect(again.code).toBe(0)
    expect(specgate(['generate', '--check'], dir)).toEqual({ code: 0, stdout: again.stdout, stderr: '' })
    expect(read(dir, '.specgate')).toBe('a file where specgate keeps its folder')
  })

  it('GEN-001 writes the contract shape: one test per case at its level, clause id and hash, Background steps first', clause('GEN-001', '3f33d841391c'), () => {
    const dir = copyGenFixture('gen-keys')
    specgate(['generate'], dir)
    const text = read(dir, 'test/spec/team/keys.test.ts')
    expect(text.split('\n').slice(0, 6).join('\n')).toBe([
      "import { describe, test } from 'vitest'",
      "import { clause, Given, When, Then, And } from 'specgate/vitest'",
      '',
      "describe('Team keys', () => {",
      '  // specgate skeleton: fill in the steps, then delete `skeleton: true`',
      // (\' keeps specgate's own status scan from reading this expected text as a test naming KEYS-001)
      "  test('KEYS-001 A member sees whether their key works', clause(\'KEYS-001\', 'a5e42118c0c5', { skeleton: true, tags: ['@owner:core', '@acceptor:lead', '@integration'] }), async () => {",
    ].join('\n'))
    expect(text).toContain([
      "    await Given('a team with 3 keys', async () => {})",
      "    await When('the member fills the key form:', { dataTable: [['field', 'value'], ['name', 'ci']] }, async () => {})",
      "    await Then('the response body is:', { docString: '{\"ok\": true}' }, async () => {})",
      "    await And('the key\\'s name is \"it\\'s \\\\ fine\"', async () => {})",
    ].join('\n'))
    expect(text).toContain("  describe('Costs', () => {\n")
    expect(text).toContain("  describe('Sharing', () => {\n")
    // one skeleton per case, each carrying its clause id, a clause hash and skeleton: true; the @e2e clause goes to Playwright
    const skeletons = (file: string): string[] => [...read(dir, file).matchAll(/^\s*test\('\S+ .*?', clause\('([^']+)', '[0-9a-f]{12}', \{ (?:row: (\d), )?skeleton: true/gm)]
      .map((m) => (m[2] ? `${m[1]}[${m[2]}]` : m[1]!))
    expect(skeletons('test/spec/team/keys.test.ts')).toEqual(['KEYS-001', 'KEYS-004[1]', 'KEYS-004[2]', 'KEYS-005'])
    expect(skeletons('e2e/spec/team/keys.spec.ts')).toEqual(['KEYS-002'])
    expect(read(dir, 'e2e/spec/team/keys.spec.ts')).toContain("    await Given('a team with 3 keys', async () => {})\n    await Then('the page lists 3 keys', async () => {})\n    await But('no key shows its secret', async () => {})")
    expect(text).toContain("const row = { project: 'zeta', kind: 'unknown', answer: 'error' }\n      void row // the Examples row by column name, for the steps as you fill them in\n      await Given('a team with 3 keys', async () => {})\n      await When('the member asks for the cost of zeta', async () => {})")
  })

  it('GEN-001 a Rule\'s Background follows the Feature\'s, and an Outline row fills DocStrings, DataTables and a row object with every column, __proto__ too', clause('GEN-001', '3f33d841391c'), () => {
    const dir = scratch('gen-rule-background')
    writeTree(dir, {
      'features/rules.feature': [
        'Feature: Rules',
        '  Background:',
        '    Given the feature background',
        '',
        '  Rule: With its own background',
        '    Background:',
        '      Given the rule background',
        '',
        '    @id:R-1 @unit',
        '    Scenario Outline: an outline <name>',
        '      When the request is:',
        '        """',
        '        {"name": "<name>", "proto": "<__proto__>"}',
        '        """',
        '      Then the table is:',
        '        | name   | value       |',
        '        | <name> | <__proto__> |',
        '',
        '      Examples:',
        '        | name | __proto__ |',
        '        | a    | polluted  |',
        '',
      ].join('\n'),
    })
    expect(specgate(['generate'], dir).code).toBe(0)
    const text = read(dir, 'test/spec/rules.test.ts')
    expect(text).toContain([
      "      await Given('the feature background', async () => {})",
      "      await And('the rule background', async () => {})",
      "      await When('the request is:', { docString: '{\"name\": \"a\", \"proto\": \"polluted\"}' }, async () => {})",
      "      await Then('the table is:', { dataTable: [['name', 'value'], ['a', 'polluted']] }, async () => {})",
    ].join('\n'))
    // the row object as the engine builds it: `__proto__` an own property, the prototype untouched
    const line = /^\s*(const row = .*)$/m.exec(text)![1]!
    const row = new Function(`${line}; return row`)() as Record<string, unknown>
    expect(Object.getOwnPropertyDescriptor(row, '__proto__')?.value).toBe('polluted')
    expect(Object.keys(row)).toEqual(['name', '__proto__'])
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype)
  })

  it('GEN-005 never writes a skeleton for a clause some test already names, wherever that test lives', clause('GEN-005', 'a3c90938dc2d'), () => {
    const dir = copyGenFixture('gen-keys')
    writeTree(dir, { 'src/deep/whatever-name.spec.ts': "import { clause } from 'specgate/playwright'\ntest('x', clause(\"KEYS-002\", 'old'), async () => {})\n" })
    const r = specgate(['generate'], dir)
    expect(r.stdout).not.toContain('e2e/spec')
    expect(r.stdout).toContain('wrote 4 skeletons in 1 file')
    expect(listFiles(dir, 'e2e')).toEqual([])
  })

  it('GEN-004 appends to a test file someone wrote without changing a byte, importing helpers under free names', clause('GEN-004', 'b7ea99ee3426'), () => {
    const dir = copyGenFixture('gen-keys')
    const mine = "// my own test, no trailing newline\nconst Given = 'mine'\nimport { test as it } from 'vitest'\nit('x', () => { void Given })"
    writeTree(dir, { 'test/spec/team/keys.test.ts': mine })
    const r = specgate(['generate'], dir)
    expect(r.stdout).toContain('appended to test/spec/team/keys.test.ts (4 skeletons')
    const after = read(dir, 'test/spec/team/keys.test.ts')
    expect(after.startsWith(mine)).toBe(true)
    const added = after.slice(mine.length)
    expect(added).toContain("import { describe, clause, Given as Given_sg, When, Then, And } from 'specgate/vitest'".replace("import { describe, ", "import { describe } from 'vitest'\nimport { "))
    expect(added).toContain("await Given_sg('a team with 3 keys'")
    expect(added).toContain("it('KEYS-001 A member sees")
    const run = tool('vitest', ['run', '--reporter=json', '--outputFile=r.json'], dir)
    const json = JSON.parse(read(dir, 'r.json')) as { testResults: { assertionResults: { status: string }[] }[] }
    expect(json.testResults.flatMap((f) => f.assertionResults.map((a) => a.status)).sort(), run.stderr).toEqual(['passed', 'todo', 'todo', 'todo', 'todo'])
  })

  it('GEN-013 skeletons appended under other helper names are seen by status and never appended twice', clause('GEN-013', 'a34659ed7001'), () => {
    const dir = copyGenFixture('gen-keys')
    // the words alone make generate import the helpers under other names (it cannot tell a comment from code)
    const mine = "// each clause gets a Given; see the SPEC\nimport { test } from 'vitest'\ntest('by hand', () => {})\n"
    writeTree(dir, { 'test/spec/team/keys.test.ts': mine })
    expect(specgate(['generate'], dir).stdout).toContain('appended to test/spec/team/keys.test.ts (4 skeletons')
    const added = read(dir, 'test/spec/team/keys.test.ts').slice(mine.length)
    expect(added).toContain("import { describe } from 'vitest'\nimport { clause as clause_sg, Given as Given_sg, When, Then, And } from 'specgate/vitest'")
    expect(added).toContain("test('KEYS-001 A member sees whether their key works', clause_sg('KEYS-001', ")
    const status = specgate(['status'], dir)
    expect(status.stdout).toMatch(/^in step: every clause has a test at its level; 4 clauses, 5 tests naming a clause \(5 skeletons still to fill in\)$/m)
    expect(status.code).toBe(0)
    // without its up-to-date cache, generate reads the tests again: the renamed calls are tests, nothing is missing
    fs.rmSync(path.join(dir, '.specgate'), { recursive: true })
    expect(specgate(['generate'], dir).stdout).toBe('nothing to generate: every clause with an id and a level has a test\n')
    expect(read(dir, 'test/spec/team/keys.test.ts')).toBe(mine + added)
  })

  it('GEN-006 keeps every path inside the configured folders and every name inert, whatever the SPEC calls things', clause('GEN-006', '3e1bbcb5b258'), () => {
    const dir = scratch('gen-hostile')
    const scenario = (id: string, level: string): string => `  @id:${id} @${level}\n  Scenario: ${HOSTILE_NAME}\n    Given a step with ${HOSTILE_NAME}\n      """\n      doc ''' \`\${x}\` \\ end\n      """\n`
    writeTree(dir, {
      'specgate.config.json': JSON.stringify({ generate: { vitestDir: 'tests/unit', playwrightDir: 'tests/e2e' } }),
      'features/-- ..feature': `Feature: ${HOSTILE_NAME}\n${scenario('ODD-1', 'unit')}`,
      "features/we'ird \"name\" 🚀/ünïcode ${x}.feature": `Feature: ${HOSTILE_NAME}\n  Rule: ${HOSTILE_NAME}\n${scenario('ODD-2', 'unit')}${scenario('ODD-3', 'e2e')}`,
      [`features/${'y'.repeat(200)}.feature`]: `Feature: long\n${scenario('ODD-4', 'integration')}`,
    })
    const r = specgate(['generate'], dir)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('wrote 4 skeletons in 4 files')
    const written = listFiles(dir, 'tests')
    expect(written).toHaveLength(4)
    for (const f of written) {
      expect(f).toMatch(/^tests\/(unit|e2e)\/[\p{L}\p{N}._/-]+\.(test|spec)\.ts$/u)
      expect(f.split('/').every((seg) => seg.length <= 100 && !seg.startsWith('.'))).toBe(true)
    }
    expect(listFiles(dir).filter((f) => !/^(features\/|\.specgate\/cache\/)/.test(f) && f !== 'specgate.config.json')).toEqual(written)
    // the names survive as data: the scanner reads back exactly the ids, and Vitest sees the titles
    fs.writeFileSync(path.join(dir, 'vitest.config.ts'), "import { defineConfig } from 'vitest/config'\nexport default defineConfig({ test: { include: ['tests/unit/**/*.test.ts'] } })\n")
    const run = tool('vitest', ['run', '--reporter=json', '--outputFile=r.json'], dir)
    const json = JSON.parse(read(dir, 'r.json')) as { testResults: { assertionResults: { status: string; title: string }[] }[] }
    const titles = json.testResults.flatMap((f) => f.assertionResults)
    expect(titles.map((t) => t.status), run.stderr).toEqual(['todo', 'todo', 'todo'])
    expect(titles.map((t) => t.title.replace(/^ODD-\d /, '')).every((t) => t === HOSTILE_NAME)).toBe(true)
    expect(specgate(['generate'], dir).stdout).toContain('nothing to generate')
  })

  it('GEN-006 caps each path segment in bytes, not characters: names of 4-byte letters fit the file system and stay apart', clause('GEN-006', '3e1bbcb5b258'), () => {
    const dir = scratch('gen-wide-letters')
    const wide = '𝒜'.repeat(60) // 240 bytes: a file name may have 255
    const feature = (id: string): string => `Feature: wide\n  @id:${id} @unit\n  Scenario: s\n    Given x\n`
    writeTree(dir, {
      [`features/${wide}/${wide} a.feature`]: feature('W-1'),
      [`features/${wide}/${wide} b.feature`]: feature('W-2'),
    })
    const r = specgate(['generate'], dir)
    expect(r.stderr).toBe('')
    expect(r.stdout).toContain('wrote 2 skeletons in 2 files')
    const written = listFiles(dir, 'test')
    expect(written).toHaveLength(2)
    for (const f of written) expect(f.split('/').map((seg) => Buffer.byteLength(seg) <= 100)).toEqual([true, true, true, true])
    expect(specgate(['generate'], dir).stdout).toContain('nothing to generate')
  })

  it('features that map to one test file fill it together, in file order, even with other features between them', () => {
    // generate works feature by feature and lets each go; two features writing one file must still meet
    const dir = scratch('gen-shared-target')
    const feature = (name: string, ...ids: string[]): string => `Feature: ${name}\n${ids.map((id) => `  @unit @id:${id}\n  Scenario: ${name} ${id}\n    Given x\n`).join('')}`
    writeTree(dir, {
      'specgate.config.json': JSON.stringify({ features: ['a/**/*.feature', 'b/**/*.feature'] }),
      'a/x.feature': feature('a x', 'AX-1'),
      'a/y.feature': feature('a y', 'AY-1'),
      'b/w.feature': feature('b w', 'BW-1', 'AX-1'),
      'b/x.feature': feature('b x', 'BX-1'),
    })
    const r = specgate(['generate'], dir)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toBe([
      'created test/spec/x.test.ts (2 skeletons: AX-1, BX-1)',
      'created test/spec/y.test.ts (1 skeleton: AY-1)',
      'created test/spec/w.test.ts (1 skeleton: BW-1)',
      'skipped b/w.feature:6 b w AX-1: duplicate id AX-1 (see `specgate lint`)',
      'wrote 4 skeletons in 3 files',
      '',
    ].join('\n'))
    const shared = read(dir, 'test/spec/x.test.ts')
    expect(shared.indexOf("'AX-1'")).toBeGreaterThan(0)
    expect(shared.indexOf("'BX-1'")).toBeGreaterThan(shared.indexOf("'AX-1'"))
  })

  it('reports clauses it cannot generate for: no id, no level', () => {
    const dir = scratch('gen-skip')
    writeTree(dir, { 'features/a.feature': 'Feature: a\n  @unit\n  Scenario: no id\n    Given x\n  @id:A-1\n  Scenario: no level\n    Given y\n' })
    const r = specgate(['generate'], dir)
    expect(r.code).toBe(0)
    expect(r.stdout).toBe([
      'skipped features/a.feature:3 no id: no @id: tag (run `specgate ids --write`)',
      'skipped features/a.feature:6 no level: no level tag (@unit, @integration or @e2e)',
      'nothing to generate: every clause with an id and a level has a test',
      '',
    ].join('\n'))
  })

  it('GEN-009 a feature file that does not parse gets nothing and makes the run exit 1, located', clause('GEN-009', '038d800e3d51'), () => {
    const dir = copyGenFixture('gen-keys')
    writeTree(dir, { 'features/broken.feature': 'Feature: b\n  Scenario: s\n    Given x\n  Examples oops\n' })
    const r = specgate(['generate'], dir)
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/^features\/broken\.feature:4:3: .+ \(no skeletons for this file\)$/m)
    expect(r.stdout).toContain('wrote 5 skeletons in 2 files')
  })

  it('GEN-012 a test file that cannot be read is one line naming it, and the other skeletons are written', clause('GEN-012', 'eb83230cb65f'), () => {
    const dir = copyGenFixture('gen-keys')
    writeTree(dir, { 'test/spec/team': 'a file where generate wants a folder' })
    const r = specgate(['generate'], dir)
    expect(r.stderr).toMatch(/^specgate: test\/spec\/team\/keys\.test\.ts: cannot read test file: ENOTDIR: [^\n]+\n$/)
    expect(r.code).toBe(2)
    expect(listFiles(dir, 'e2e')).toEqual(['e2e/spec/team/keys.spec.ts'])
    expect(read(dir, 'e2e/spec/team/keys.spec.ts')).toContain("clause('KEYS-002'")
    expect(read(dir, 'test/spec/team')).toBe('a file where generate wants a folder')
  })

  it('GEN-012 the write worker writes every other file when one fails, and names the one it could not write', clause('GEN-012', 'eb83230cb65f'), async () => {
    const { WriteQueue, writeFailure } = (await import(path.join(REPO, 'dist/src/util/write-queue.js'))) as typeof import('../src/util/write-queue.js')
    const dir = scratch('gen-worker-fails')
    const queue = new WriteQueue()
    queue.add({ rel: 'a.ts', file: path.join(dir, 'a.ts'), text: 'a' })
    queue.add({ rel: 'gone/b.ts', file: path.join(dir, 'gone/.b.ts.tmp'), final: path.join(dir, 'gone/b.ts'), text: 'b' })
    queue.add({ rel: 'c.ts', file: path.join(dir, '.c.ts.tmp'), final: path.join(dir, 'c.ts'), text: 'c' })
    // a file of a staging folder has no `final`: it is still named where it was to land
    queue.add({ rel: 'staged/d.ts', file: path.join(dir, '.staging-gone/d.ts'), text: 'd' })
    const done = await queue.close()
    expect(done.stamps.map(([rel]) => rel)).toEqual(['a.ts', 'c.ts'])
    expect(listFiles(dir)).toEqual(['a.ts', 'c.ts'])
    expect(done.errors.map((e) => e.rel)).toEqual(['gone/b.ts', 'staged/d.ts'])
    expect(writeFailure(done, 'the skeleton')?.oneLine()).toMatch(/^gone\/b\.ts: cannot write the skeleton: ENOENT: no such file or directory, open '.*\/gone\/\.b\.ts\.tmp' \(and 1 more file\)$/)
  })

  it('GEN-008 a generate folder outside the project is a config error (exit 2) naming the key', clause('GEN-008', 'be01fdeedb81'), () => {
    const dir = copyGenFixture('gen-keys')
    writeTree(dir, { 'specgate.config.json': JSON.stringify({ generate: { vitestDir: '../elsewhere' } }) })
    const r = specgate(['generate'], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toBe('specgate: specgate.config.json: generate.vitestDir: "../elsewhere" is not a folder inside the project\n')
    expect(fs.existsSync(path.join(dir, '../elsewhere'))).toBe(false)
  })
})

/** The staging folders in a project's root (see src/util/staging.ts). */
function staging(dir: string): string[] {
  return fs.readdirSync(dir).filter((n) => n.startsWith('.specgate-stage-'))
}

/** A test file in a dot folder: both runners find it, so finding nothing else is not a runner that looked nowhere. */
const PROBE = '.probe/probe.spec.ts'

/** Vitest's and Playwright's default discovery (own configs: Vitest would take this repo's from a folder above) and the probe. */
function runnersWithDefaults(dir: string): void {
  writeTree(dir, {
    'vitest.config.mjs': 'export default {}\n',
    'playwright.config.mjs': 'export default {}\n',
    [PROBE]: "import { test } from '@playwright/test'\ntest('probe', () => {})\n",
  })
}

/** The test files each runner finds in a project: `vitest list` and `playwright test --list`, as the runners walk. */
function testFilesFound(dir: string): { vitest: string[]; playwright: string[] } {
  const vitest = tool('vitest', ['list', '--filesOnly', '--json'], dir)
  expect(vitest.code, vitest.stderr).toBe(0)
  const playwright = tool('playwright', ['test', '--list', '--reporter=list'], dir)
  expect(playwright.code, playwright.stderr).toBe(0)
  return {
    vitest: (JSON.parse(vitest.stdout) as { file: string }[]).map((f) => path.relative(dir, f.file).split(path.sep).join('/')).sort(),
    playwright: [...new Set([...playwright.stdout.matchAll(/^\s+(\S+):\d+:\d+ › /gm)].map((m) => m[1]!))].sort(),
  }
}

describe('specgate generate, killed half way', () => {
  /** 2,000 features in 10 folders, 3 clauses each at the Vitest and Playwright levels: long enough a run to kill half way */
  const corpus = (dir: string): void => {
    const files: Record<string, string> = {}
    for (let f = 0; f < 2000; f++) {
      const scenario = (s: number): string => `  @id:F${f}-${s} ${s === 2 ? '@e2e' : '@unit'}\n  Scenario: area ${f} behaviour ${s}\n    Given input ${s}\n    When it runs\n    Then the result is ${s}\n`
      files[`features/area-${f % 10}/flow-${f}.feature`] = `Feature: flow ${f}\n${[0, 1, 2].map(scenario).join('')}`
    }
    writeTree(dir, files)
  }

  it('GEN-011 a killed run leaves no file any runner finds, and the next run clears it and writes what an unkilled run writes', clause('GEN-011', 'efd0ac3ae585'), async () => {
    const killed = scratch('gen-killed')
    const whole = scratch('gen-whole')
    corpus(killed)
    runnersWithDefaults(killed)
    corpus(whole)
    expect(specgate(['generate'], whole).code).toBe(0)

    const child = spawn(process.execPath, [CLI, 'generate'], { cwd: killed, stdio: 'ignore' })
    const exited = new Promise((resolve) => child.on('exit', resolve))
    // kill as soon as the first skeletons are on disk, in a staging folder (no test folder exists yet)
    while (staging(killed).length === 0 || listFiles(killed, staging(killed)[0]).length === 0) {
      if (child.exitCode !== null) throw new Error('generate ended before it could be killed')
      await new Promise((r) => setTimeout(r, 2))
    }
    child.kill('SIGKILL')
    await exited
    const left = staging(killed).flatMap((s) => listFiles(killed, s))
    expect(left.length).toBeGreaterThan(0)
    expect(left.every((f) => /^\.specgate-stage-\d+-\w+\/node_modules\/(test|e2e)\//.test(f))).toBe(true)
    // what the runners find, with their default discovery: the probe in a dot folder, none of the staged skeletons
    expect(testFilesFound(killed)).toEqual({ vitest: [PROBE], playwright: [PROBE] })
    const status = JSON.parse(specgate(['status', '--format', 'json'], killed).stdout) as { tests: number; uncovered: unknown[] }
    expect(status.tests).toBe(0)
    expect(status.uncovered).toHaveLength(6000)

    const again = specgate(['generate'], killed)
    expect(again.code, again.stderr).toBe(0)
    expect(staging(killed)).toEqual([])
    for (const under of ['test/spec', 'e2e/spec']) {
      const files = listFiles(whole, under)
      expect(files.length).toBeGreaterThan(100)
      expect(listFiles(killed, under)).toEqual(files)
      for (const f of files) expect(read(killed, f), f).toBe(read(whole, f))
    }
    // the folders generate made have the mode any new folder gets here (not mkdtemp's 0700)
    const probe = path.join(killed, 'probe-dir')
    fs.mkdirSync(probe)
    for (const d of ['test', 'test/spec', 'test/spec/area-3', 'e2e', 'e2e/spec/area-0']) {
      expect((fs.statSync(path.join(killed, d)).mode & 0o777).toString(8), d).toBe((fs.statSync(probe).mode & 0o777).toString(8))
    }
  })

  it('GEN-011 the next run removes a dead run\'s staging folders wherever one could have been made, also beside folders that exist by now, and leaves a live run\'s alone', clause('GEN-011', 'efd0ac3ae585'), () => {
    const dir = copyGenFixture('gen-keys')
    // the skeletons' folders exist: this run makes no staging folder, so it sweeps none on the way
    writeTree(dir, { 'test/spec/team/notes.md': 'mine', 'e2e/spec/team/notes.md': 'mine' })
    const dead = spawnSync(process.execPath, ['-e', '']).pid!
    const stage = (under: string, pid: number): string => `${under}.specgate-stage-${pid}-AbC123/node_modules/x/y.test.ts`
    const left = ['', 'test/', 'test/spec/', 'e2e/', 'e2e/spec/'].map((under) => stage(under, dead))
    const live = stage('', process.pid)
    writeTree(dir, { ...Object.fromEntries(left.map((f) => [f, 'half a fi'])), [live]: 'a run still writing' })
    expect(specgate(['generate'], dir).stdout).toContain('wrote 5 skeletons in 2 files')
    expect(listFiles(dir).filter((f) => f.includes('.specgate-stage-'))).toEqual([live])
    expect(read(dir, live)).toBe('a run still writing')
  })

  it('GEN-011 a folder that appears while generate writes gets the staged files, a file already there is never replaced, and the next run removes the skeleton kept aside', clause('GEN-011', 'efd0ac3ae585'), () => {
    const dir = scratch('gen-appeared')
    // the writer in a process of its own that ends, as generate's does: what it keeps aside is a dead run's
    const writePlan = pathToFileURL(path.join(REPO, 'dist/src/generate/write-plan.js')).href
    const script = `
      import fs from 'node:fs'
      import { PlanWriter } from '${writePlan}'
      const create = (file, text) => ({ path: file, runner: 'vitest', mode: 'create', text, keys: [] })
      const writer = new PlanWriter(process.cwd())
      writer.write(create('test/spec/a/one.test.ts', 'one'))
      writer.write(create('test/spec/b/two.test.ts', 'two'))
      // someone (another tool, a user) makes part of the tree meanwhile
      for (const d of ['test/spec/a', 'test/spec/b']) fs.mkdirSync(d, { recursive: true })
      fs.writeFileSync('test/spec/a/mine.ts', 'mine')
      fs.writeFileSync('test/spec/b/two.test.ts', 'theirs')
      writer.write(create('test/spec/c/three.test.ts', 'three'))
      await writer.finish().then(() => console.log('no error'), (e) => console.log(e.oneLine()))
    `
    // a file, not `-e`: the writer's worker thread would inherit `--input-type`, which only `-e` takes
    fs.writeFileSync(path.join(dir, 'writer.mjs'), script)
    const run = spawnSync(process.execPath, ['writer.mjs'], { cwd: dir, encoding: 'utf8' })
    const left = staging(dir)
    expect(left).toHaveLength(1)
    expect(run.stdout, run.stderr).toBe(`test/spec/b/two.test.ts: not replaced: this file appeared while generate ran; its skeleton is kept in ${left[0]}/node_modules/test/spec/b/two.test.ts until the next run\n`)
    expect(read(dir, 'test/spec/a/one.test.ts')).toBe('one')
    expect(read(dir, 'test/spec/a/mine.ts')).toBe('mine')
    expect(read(dir, 'test/spec/b/two.test.ts')).toBe('theirs')
    expect(read(dir, 'test/spec/c/three.test.ts')).toBe('three')
    expect(listFiles(dir, left[0])).toEqual([`${left[0]}/node_modules/test/spec/b/two.test.ts`])
    // the next run only appends to the file that appeared (it makes no staging folder of its own), and removes the kept one
    writeTree(dir, { 'features/b/two.feature': 'Feature: two\n  @id:TWO-1 @unit\n  Scenario: s\n    Then it runs\n' })
    expect(specgate(['generate'], dir).stdout).toContain('appended to test/spec/b/two.test.ts (1 skeleton: TWO-1)')
    expect(staging(dir)).toEqual([])
  })
})
