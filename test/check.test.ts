/**
 * `specgate check` end to end: the built CLI on a fixture project with ledger fragments built from
 * the real schema. Merging, verdicts, waivers, gates, every report format and the exit codes.
 */
import fs from 'node:fs'
import path from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { beforeAll, describe, expect, test } from 'vitest'
import { clause } from 'specgate/vitest'
import { COLOUR_CASES, ESC, REPO, scratch, specgate, timedPhases, writeTree } from './helpers/cli.js'
import { cucumber } from './fixtures/cucumber-harness/run.js'
import { copyGenFixture, read } from './helpers/generate-fixture.js'
import { fixtureProject, fragment, passed, writeFragment, type FixtureProject } from './helpers/check-fixture.js'

const FIXED = ['--today', '2026-01-15', '--commit', 'c0ffee']

/** The standard run: one Vitest and one Playwright fragment, a failing, a hollow and an orphan test. */
function standardFragments(p: FixtureProject): void {
  const { root, spec } = p
  writeFragment(root, 'vitest.json', fragment({ runner: 'vitest', id: 'vitest-1', spec, commit: 'c0ffee' }, [
    passed(spec, 'KEYS-001'),
    passed(spec, 'KEYS-002', { status: 'failed', failure: { message: 'expected "revoked", got "working"' } }),
    passed(spec, 'KEYS-003[1]'),
    passed(spec, 'KEYS-003[2]'),
    passed(spec, 'KEYS-005'),
    passed(spec, 'KEYS-006'),
    passed(spec, 'BILL-001', { assertions: 0 }),
    passed(spec, 'NOPE-001'),
  ]))
  writeFragment(root, 'playwright.json', fragment({ runner: 'playwright', id: 'pw-1', spec, commit: 'c0ffee', createdAt: '2026-01-10T10:05:00.000Z' }, [
    passed(spec, 'KEYS-004'),
  ]))
}

describe('specgate check on a merged run', () => {
  let p: FixtureProject
  let run: ReturnType<typeof specgate>
  beforeAll(async () => {
    p = await fixtureProject('check-basic', 'check-merged')
    standardFragments(p)
    run = specgate(['check', ...FIXED], p.root)
  })

  test('CHECK-008 Failing gates exit 1 and say who owes what', clause('CHECK-008', 'af0b6ecb2b51'), () => {
    expect(run.stderr).toBe('')
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('Team keys  features/keys.feature           6         4       0             2')
    expect(run.stdout).toMatch(/FAIL {2}no-failed \(1\)/)
    expect(run.stdout).toMatch(/FAIL {2}no-hollow \(1\)/)
    expect(run.stdout).toMatch(/FAIL {2}no-uncovered \(1\)/)
    expect(run.stdout).toContain('names NOPE-001, which the SPEC does not have')
    expect(run.stdout).toContain('owner billing: BILL-001, BILL-002')
    expect(run.stdout).toContain('acceptor lead: KEYS-002')
    expect(run.stdout).toContain('check failed')
    // @wip is reported, never gated
    expect(run.stdout).toMatch(/pending +KEYS-006/)
    expect(run.stdout).toMatch(/pass {2}.*no-pending/)
  })

  test('REPORT-001 The console shows a compact table per feature and the gates', clause('REPORT-001', '0ab435dcf71a'), () => {
    const table = run.stdout.split('\n').filter((l) => / features\/\w+\.feature /.test(l))
    expect(run.stdout).toMatch(/^feature +file +clauses +accepted +waived +not accepted$/m)
    expect(table).toHaveLength(2)
    expect(table).toContainEqual(expect.stringMatching(/^Billing +features\/billing\.feature +2 +0 +0 +2$/))
    expect(table).toContain('Team keys  features/keys.feature           6         4       0             2')
    expect(run.stdout).toMatch(/^FAIL {2}no-failed \(1\): /m)
    expect(run.stdout).toMatch(/^pass {2}.*no-stale/m)
  })

  test('REPORT-010 Colour follows one rule for every command and runner reporter', clause('REPORT-010', '8acd53d1b3c8'), () => {
    const lintProject = scratch('colour-lint')
    writeTree(lintProject, { 'features/a.feature': 'Feature: A\n  @unit @e2ee @id:A-001\n  Scenario: a\n    Given a\n' })
    // and a runner's reporter: the Cucumber formatter's summary, on one scenario (cucumber-js alone colours nothing here)
    const cukeProject = copyGenFixture('cucumber-statuses')
    for (const [env, coloured] of COLOUR_CASES) {
      const c = specgate(['check', '--out', 'colour', ...FIXED], p.root, env)
      const l = specgate(['lint'], lintProject, env)
      const s = specgate(['status'], p.root, env)
      const cuke = cucumber(['--tags', '@id:FX-001', '--format', 'specgate/cucumber'], cukeProject, env)
      expect([l.code, s.code, cuke.code], l.stderr + s.stderr + cuke.stderr).toEqual([1, 1, 0])
      expect(cuke.stdout).toContain('specgate (cucumber)')
      const seen = { env, check: ESC.test(c.stdout), lint: ESC.test(l.stdout), status: ESC.test(s.stdout), cucumber: ESC.test(cuke.stdout) }
      expect(seen).toEqual({ env, check: coloured, lint: coloured, status: coloured, cucumber: coloured })
    }
    // the colour is only around the words: the text is the same
    const forced = specgate(['check', '--out', 'colour', ...FIXED], p.root, { NO_COLOR: '', FORCE_COLOR: '1' })
    expect(forced.stdout.replace(/\x1b\[\d+m/g, '')).toBe(run.stdout.replace(/specgate-report\//g, 'colour/'))
    for (const dir of [lintProject, cukeProject]) fs.rmSync(dir, { recursive: true, force: true })
  })

  test('REPORT-005 ledger.json is the merged ledger, valid against the published schema', clause('REPORT-005', 'b745c70c5c48'), () => {
    const ledger = JSON.parse(read(p.root, 'specgate-report/ledger.json')) as { sources: { id: string }[]; evidence: unknown[] }
    const schema = JSON.parse(read(REPO, 'specs/ledger.schema.json')) as object
    const validate = new Ajv2020({ strict: false }).compile(schema)
    expect(validate(ledger), JSON.stringify(validate.errors)).toBe(true)
    expect(ledger.sources.map((s) => s.id)).toEqual(['pw-1', 'vitest-1'])
    expect(ledger.evidence).toHaveLength(9)
  })

  test('REPORT-004 junit.xml has one testcase per clause case', clause('REPORT-004', 'd59289c5a76f'), () => {
    const xml = read(p.root, 'specgate-report/junit.xml')
    expect(xml.match(/<testcase /g)).toHaveLength(9)
    expect(xml).toContain('<testcase name="KEYS-003[2] The cost of a project"')
    expect(xml).toMatch(/name="KEYS-002 A revoked key is reported as revoked"[\s\S]*?<property name="specgate.verdict" value="failed"\/>[\s\S]*?<failure type="failed"/)
    expect(xml).toContain('<testcase name="KEYS-005 &lt;img src=x onerror=alert(1)&gt;"')
    expect(xml).toMatch(/tests="9" failures="3" skipped="1"/)
  })

  test('REPORT-002 report.md holds totals, gates and a table per feature', clause('REPORT-002', '782a4b89d88e'), () => {
    const md = read(p.root, 'specgate-report/report.md')
    expect(md).toContain('# specgate check: failed')
    expect(md).toContain('**8 clauses** (9 cases): 4 accepted, 1 pending, 1 uncovered, 1 hollow, 1 failed, 1 orphan test(s)')
    expect(md).toContain('| no-failed | **FAIL** | no clause has a failing test | KEYS-002 |')
    expect(md).toContain('| owner | billing | BILL-001 (hollow), BILL-002 (uncovered) |')
    expect(md).toContain('| KEYS-005 | &lt;img src=x onerror=alert(1)&gt; | unit | accepted |')
    expect(md).toContain('[test/spec/keys.test.ts:10](../test/spec/keys.test.ts#L10)')
    expect(md).not.toContain('<img')
    // GITHUB_STEP_SUMMARY set: the same Markdown is appended there
    const summary = path.join(p.root, 'md-summary.md')
    fs.writeFileSync(summary, 'earlier step\n')
    const r = specgate(['check', '--out', 'md-summary', ...FIXED], p.root, { GITHUB_STEP_SUMMARY: summary })
    expect(r.code).toBe(1)
    expect(read(p.root, 'md-summary/report.md')).toBe(md)
    expect(fs.readFileSync(summary, 'utf8')).toBe(`earlier step\n${md}`)
  })

  test('REPORT-011 a report.md over GitHub\'s 1 MiB summary limit is cut to fit the job summary', clause('REPORT-011', '06725e509b83'), () => {
    // 2,500 clauses with long names and no evidence: report.md is about 2 MB, every clause uncovered
    const root = scratch('check-big-summary')
    const long = 'a member of a large team sees, in one place, every key the team holds and whether it works '.repeat(3)
    const scenarios = Array.from({ length: 2500 }, (_, i) => `  @id:BIG-${i + 1} @unit\n  Scenario: ${long}(${i + 1})\n    Given a team\n    Then it holds keys\n`)
    writeTree(root, { 'features/big.feature': `@owner:core @acceptor:lead\nFeature: Big\n\n${scenarios.join('\n')}` })
    // an earlier command of the same step already wrote 300 kB: GitHub's 1 MiB counts it too
    const summary = path.join(root, 'summary.md')
    const earlier = `${'an earlier command of this step wrote this line\n'.repeat(6250)}`
    fs.writeFileSync(summary, earlier)
    const r = specgate(['check', ...FIXED], root, { GITHUB_STEP_SUMMARY: summary })
    expect(r.code, r.stderr).toBe(1)
    const md = read(root, 'specgate-report/report.md')
    expect(Buffer.byteLength(md)).toBeGreaterThan(1024 * 1024)
    const whole = fs.readFileSync(summary, 'utf8')
    expect(whole.startsWith(earlier)).toBe(true)
    expect(Buffer.byteLength(whole)).toBeLessThanOrEqual(1024 * 1024)
    const text = whole.slice(earlier.length)
    expect(text).toContain('**2500 clauses** (2500 cases): 2500 uncovered')
    expect(text).toContain('| no-uncovered | **FAIL** |')
    expect(text).toContain('## Who owes what')
    expect(text).toContain('## Not accepted')
    const rows = text.split('\n').filter((l) => l.startsWith('| BIG-'))
    const listed = rows.length
    expect(listed).toBeGreaterThan(500)
    expect(listed).toBeLessThan(2500)
    // as many as fit: the rows are the first ones in order, and the next would have gone over 1 MiB
    expect(rows.map((l) => l.split(' ')[1])).toEqual(Array.from({ length: listed }, (_, i) => `BIG-${i + 1}`))
    const next = md.split('\n').find((l) => l.startsWith(`| BIG-${listed + 1} |`))!
    expect(Buffer.byteLength(whole) + Buffer.byteLength(`${next}\n`)).toBeGreaterThan(1024 * 1024)
    expect(text).toMatch(new RegExp(`${listed} of 2500 clauses not accepted are listed here\\. Every feature's table is in report\\.md`))
    // each listed row is the report's own row for that clause
    const row = text.split('\n').find((l) => l.startsWith('| BIG-7 |'))!
    expect(md.split('\n')).toContain(row)
    // a report.md well under 1 MiB is cut too when the step's earlier text leaves less room than it needs
    const small = read(p.root, 'specgate-report/report.md')
    const full = path.join(p.root, 'full-summary.md')
    fs.writeFileSync(full, 'x'.repeat(1024 * 1024 - Buffer.byteLength(small) + 600))
    expect(specgate(['check', '--out', 'full-summary', ...FIXED], p.root, { GITHUB_STEP_SUMMARY: full }).code).toBe(1)
    const added = fs.readFileSync(full, 'utf8').replace(/^x+/, '')
    expect(fs.statSync(full).size).toBeLessThanOrEqual(1024 * 1024)
    expect(added).toContain('# specgate check: failed')
    expect(added).toMatch(/_A step's job summary holds at most 1 MiB \(GitHub's limit\): \d+ of 4 clauses not accepted are listed here\./)
    // and with not even the note's room left, nothing is appended (a summary over 1 MiB is dropped whole)
    fs.writeFileSync(full, 'x'.repeat(1024 * 1024 - 100))
    expect(specgate(['check', '--out', 'full-summary', ...FIXED], p.root, { GITHUB_STEP_SUMMARY: full }).code).toBe(1)
    expect(fs.statSync(full).size).toBe(1024 * 1024 - 100)
  })

  test('REPORT-006 A saved ledger re-rendered equals the live report (nothing superseded)', clause('REPORT-006', '097420f14f08'), () => {
    const again = specgate(['check', 'specgate-report/ledger.json', '--out', 'again', ...FIXED], p.root)
    expect(again.code).toBe(1)
    for (const file of ['report.md', 'report.html', 'junit.xml', 'ledger.json']) {
      expect(read(p.root, `again/${file}`), file).toBe(read(p.root, `specgate-report/${file}`))
    }
  })

  test('matches the golden reports (UPDATE_GOLDEN=1 rewrites them)', () => {
    for (const file of ['report.md', 'junit.xml']) {
      const golden = path.join(REPO, 'test/fixtures/check-basic/golden', file)
      const live = read(p.root, `specgate-report/${file}`)
      if (process.env.UPDATE_GOLDEN) {
        fs.mkdirSync(path.dirname(golden), { recursive: true })
        fs.writeFileSync(golden, live)
      }
      expect(live, file).toBe(fs.readFileSync(golden, 'utf8'))
    }
  })

  test('REPORT-003 GitHub annotations point at the feature-file lines of failing clauses', clause('REPORT-003', '5cfcf8868f7b'), () => {
    const summary = path.join(p.root, 'summary.md')
    fs.writeFileSync(summary, 'earlier step\n')
    const r = specgate(['check', '--format', 'github', '--out', 'gh', ...FIXED], p.root, { GITHUB_STEP_SUMMARY: summary })
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('::error file=features/keys.feature,line=14,col=3,title=KEYS-002 failed (no-failed)::A revoked key is reported as revoked: the test failed: expected "revoked", got "working"')
    expect(r.stdout).toContain('::error file=features/billing.feature,line=10,col=3,title=BILL-002 uncovered (no-uncovered)::')
    expect(fs.readFileSync(summary, 'utf8')).toBe(`earlier step\n${read(p.root, 'gh/report.md')}`)
  })

  test('CHECK-009 Report mode prints the gates but exits 0', clause('CHECK-009', '7abf03f3e600'), () => {
    const r = specgate(['check', '--gate', 'report', '--out', 'report-only', ...FIXED], p.root)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/FAIL {2}no-failed \(1\)/)
    expect(r.stdout).toMatch(/FAIL {2}no-uncovered \(1\)/)
    expect(r.stdout).toContain('check failed')
  })

  test('SPECGATE_TIMINGS names check\'s phases, each report as it is written, and changes nothing else', () => {
    const timed = specgate(['check', '--gate', 'report', '--out', 'timed', ...FIXED], p.root, { SPECGATE_TIMINGS: '1' })
    expect(timedPhases(timed)).toEqual(['start-up and config', 'fragments read', 'SPEC read', 'verdicts and gates', 'report.md', 'report.html', 'junit.xml', 'ledger.json'])
    expect(timed.stderr.split('\n').filter((l) => l && !l.startsWith('specgate timing: '))).toEqual([])
    const plain = specgate(['check', '--gate', 'report', '--out', 'timed', ...FIXED], p.root)
    expect(timed.stdout).toBe(plain.stdout)
    expect(plain.stderr).toBe('')
  })

  test('a gate set to warning in the config no longer fails the run', async () => {
    const q = (await fixtureProject('check-basic', 'check-quiet')).root
    fs.cpSync(path.join(p.root, '.specgate'), path.join(q, '.specgate'), { recursive: true })
    fs.writeFileSync(path.join(q, 'specgate.config.json'), JSON.stringify({ gates: { 'no-failed': 'off', 'no-hollow': 'warning', 'no-uncovered': 'off', 'no-orphans': 'warning' } }))
    const r = specgate(['check', ...FIXED], q)
    expect(r.stdout).toMatch(/warn {2}no-hollow \(1\)/)
    expect(r.stdout).toContain('check passed')
    expect(r.code).toBe(0)
  })
})

describe('merging fragments', () => {
  test('CHECK-002 The latest attempt of a shard wins', clause('CHECK-002', '7ca2a7638637'), async () => {
    const { root, spec } = await fixtureProject('check-basic', 'check-shards')
    const all = ['KEYS-001', 'KEYS-002', 'KEYS-003[1]', 'KEYS-003[2]', 'KEYS-005', 'BILL-001', 'BILL-002']
    writeFragment(root, 'shard1-try1.json', fragment({ runner: 'vitest', id: 's1-a', spec, shard: { index: 1, total: 2 }, createdAt: '2026-01-10T10:00:00.000Z' },
      all.slice(0, 4).map((k) => passed(spec, k, { status: 'failed', failure: { message: 'flaky infra' } }))))
    writeFragment(root, 'shard1-try2.json', fragment({ runner: 'vitest', id: 's1-b', spec, shard: { index: 1, total: 2 }, createdAt: '2026-01-10T11:00:00.000Z' },
      all.slice(0, 4).map((k) => passed(spec, k))))
    writeFragment(root, 'shard2.json', fragment({ runner: 'vitest', id: 's2', spec, shard: { index: 2, total: 2 } }, all.slice(4).map((k) => passed(spec, k))))
    writeFragment(root, 'pw.json', fragment({ runner: 'playwright', id: 'pw', spec }, [passed(spec, 'KEYS-004')]))
    const r = specgate(['check', ...FIXED], root)
    // KEYS-006 is @wip: reported, never gated
    expect(r.stdout).toContain('8 clauses: 7 accepted, 1 uncovered')
    expect(r.code).toBe(0)
    const ledger = JSON.parse(read(root, 'specgate-report/ledger.json')) as { sources: { id: string }[] }
    expect(ledger.sources.map((s) => s.id)).toEqual(['pw', 's1-b', 's2'])
    // the superseded attempt is named, not dropped silently
    expect(r.stdout).toContain('superseded by newer runs (1):\n  fragment s1-a (vitest, shard 1/2, 2026-01-10T10:00:00.000Z) superseded by fragment s1-b (vitest, shard 1/2, 2026-01-10T11:00:00.000Z)\n')
  })

  test('more than 20 superseded attempts: the console names the first 20 and counts the rest; report.md names all', async () => {
    const { root, spec } = await fixtureProject('check-basic', 'check-many-attempts')
    const all = ['KEYS-001', 'KEYS-002', 'KEYS-003[1]', 'KEYS-003[2]', 'KEYS-004', 'KEYS-005', 'BILL-001', 'BILL-002']
    // 23 attempts of the same shard, an hour apart: the last one wins, 22 are superseded
    const at = (i: number) => new Date(Date.UTC(2026, 0, 10, 0, 0) + i * 3_600_000).toISOString()
    for (let i = 0; i < 23; i++) {
      const status = i < 22 ? { status: 'failed' as const, failure: { message: `attempt ${i + 1}` } } : {}
      writeFragment(root, `try-${i + 1}.json`, fragment({ runner: 'vitest', id: `try-${String(i + 1).padStart(2, '0')}`, spec, shard: { index: 1, total: 1 }, createdAt: at(i) },
        all.map((k) => passed(spec, k, status))))
    }
    const r = specgate(['check', ...FIXED], root)
    const lines = r.stdout.split('\n')
    const head = lines.indexOf('superseded by newer runs (22):')
    expect(head).toBeGreaterThan(-1)
    const listed = lines.slice(head + 1, head + 22)
    expect(listed.slice(0, 20).map((l) => l.match(/^ {2}fragment (try-\d+) /)?.[1])).toEqual(Array.from({ length: 20 }, (_, i) => `try-${String(i + 1).padStart(2, '0')}`))
    expect(listed[0]).toBe(`  fragment try-01 (vitest, shard 1/1, ${at(0)}) superseded by fragment try-23 (vitest, shard 1/1, ${at(22)})`)
    expect(listed[20]).toBe('  ... and 2 more')
    // the attempts' failures are gone with them: the last attempt passed everything
    expect(r.stdout).not.toContain('attempt ')
    const md = read(root, 'specgate-report/report.md')
    for (const i of [1, 21, 22]) expect(md).toContain(`- fragment try-${String(i).padStart(2, '0')} (vitest, shard 1/1, ${at(i - 1)}) superseded by fragment try-23`)
    expect(md).not.toContain('fragment try-23 (vitest, shard 1/1, 2026-01-10T22:00:00.000Z) superseded')
  })

  test('fragments given as a glob: only the files it matches are read', async () => {
    const p = await fixtureProject('check-basic', 'check-glob')
    standardFragments(p)
    const ledger = path.join(p.root, '.specgate/ledger')
    // as CI artifacts land: one folder per job, and a file beside them that is no fragment
    fs.mkdirSync(path.join(p.root, 'artifacts/ledger-vitest-1'), { recursive: true })
    fs.mkdirSync(path.join(p.root, 'artifacts/ledger-playwright-1'), { recursive: true })
    fs.renameSync(path.join(ledger, 'vitest.json'), path.join(p.root, 'artifacts/ledger-vitest-1/vitest.json'))
    fs.renameSync(path.join(ledger, 'playwright.json'), path.join(p.root, 'artifacts/ledger-playwright-1/playwright.json'))
    fs.writeFileSync(path.join(p.root, 'artifacts/manifest.json'), '{"not": "a ledger"}')
    const r = specgate(['check', 'artifacts/ledger-*/*.json', ...FIXED], p.root)
    expect(r.stderr).toBe('')
    expect(r.stdout).toContain(', 2 fragment(s)')
    expect(r.stdout).toContain('8 clauses: 4 accepted, 1 pending, 1 uncovered, 1 hollow, 1 failed, 1 orphan')
    expect(JSON.parse(read(p.root, 'specgate-report/ledger.json')).sources.map((s: { id: string }) => s.id)).toEqual(['pw-1', 'vitest-1'])
    // a glob that matches nothing is no evidence, named as given
    const none = specgate(['check', 'artifacts/ledger-cucumber-*/*.json', '--out', 'none', ...FIXED], p.root)
    expect(none.stderr).toBe('specgate: no evidence found in artifacts/ledger-cucumber-*/*.json: run the tests with the specgate reporters first\n')
    expect(none.code).toBe(1)
  })

  test('CHECK-003 Fragments from another commit or SPEC revision are flagged', clause('CHECK-003', 'b2ce1a46e605'), async () => {
    const { root, spec } = await fixtureProject('check-basic', 'check-mixed')
    writeFragment(root, 'old.json', fragment({ runner: 'vitest', id: 'old-run', commit: 'deadbeef0000', spec }, [passed(spec, 'KEYS-001')]))
    const fake = { ...spec, clauses: spec.clauses.slice(1) }
    writeFragment(root, 'other-spec.json', fragment({ runner: 'playwright', id: 'pw-other', commit: 'c0ffee', spec: fake }, [passed(spec, 'KEYS-004')]))
    const r = specgate(['check', ...FIXED], root)
    expect(r.stdout).toMatch(/warn {2}fragments-consistent \(2\)/)
    expect(r.stdout).toContain('fragment old-run (vitest) ran on commit deadbeef0000; the checkout is c0ffee')
    expect(r.stdout).toMatch(/fragment pw-other \(playwright\) ran against SPEC revision [0-9a-f]{12}; the SPEC is now [0-9a-f]{12}/)
  })
})

describe('waivers', () => {
  async function waived(waivers: string): Promise<{ root: string; r: ReturnType<typeof specgate> }> {
    const p = await fixtureProject('check-basic', 'check-waivers')
    standardFragments(p)
    fs.writeFileSync(path.join(p.root, 'specgate.waivers.yaml'), waivers)
    return { root: p.root, r: specgate(['check', ...FIXED], p.root) }
  }

  test('CHECK-004 A valid waiver makes a clause waived, never accepted', clause('CHECK-004', 'b20c3aefe1a3'), async () => {
    const { root, r } = await waived([
      'waivers:',
      '  - clause: BILL-002',
      '    reason: the refusal path is rebuilt in Q2',
      '    owner: billing',
      '    expires: 2026-03-31',
      '    link: https://tracker.example/BILL-9',
    ].join('\n'))
    expect(r.stdout).toMatch(/waived +BILL-002 .*\n.*waived until 2026-03-31 by billing: the refusal path is rebuilt in Q2 \(underlying: uncovered/)
    expect(r.stdout).toMatch(/pass {2}.*no-uncovered/)
    const xml = read(root, 'specgate-report/junit.xml')
    expect(xml).toMatch(/BILL-002[\s\S]*?<property name="specgate.verdict" value="waived"\/><property name="specgate.hash" value="[0-9a-f]+"\/><property name="specgate.waived-verdict" value="uncovered"\/>/)
    expect(read(root, 'specgate-report/report.md')).toContain('| BILL-002 | An empty invoice is refused | unit | waived (uncovered) |')
  })

  test('CHECK-005 An expired waiver stops counting', clause('CHECK-005', 'd77c5d081527'), async () => {
    const { r } = await waived('- clause: BILL-002\n  reason: later\n  owner: billing\n  expires: 2026-01-14\n')
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/uncovered +BILL-002 /)
    expect(r.stdout).toMatch(/FAIL {2}waivers-valid \(1\)/)
    expect(r.stdout).toMatch(/FAIL {2}no-uncovered \(1\)/)
    expect(r.stdout).toContain('specgate.waivers.yaml:1: waiver for BILL-002 expired on 2026-01-14; it no longer counts')
  })

  test('CHECK-006 A waiver of a risk clause needs an acceptor', clause('CHECK-006', 'b6c3d4db5a8a'), async () => {
    const p = await fixtureProject('check-basic', 'check-risk')
    writeFragment(p.root, 'v.json', fragment({ runner: 'vitest', id: 'v', spec: p.spec }, [passed(p.spec, 'KEYS-005', { status: 'failed', failure: { message: 'boom' } })]))
    fs.writeFileSync(path.join(p.root, 'specgate.waivers.yaml'), '- clause: KEYS-005\n  reason: r\n  owner: sec\n  expires: 2027-01-01\n')
    const r = specgate(['check', ...FIXED], p.root)
    expect(r.stdout).toContain('specgate.waivers.yaml:1: waiver for KEYS-005 does not count: a @risk: clause needs an acceptor on its waiver')
    expect(r.stdout).toMatch(/failed +KEYS-005/)
    fs.writeFileSync(path.join(p.root, 'specgate.waivers.yaml'), '- clause: KEYS-005\n  reason: r\n  owner: sec\n  acceptor: ciso\n  expires: 2027-01-01\n')
    expect(specgate(['check', ...FIXED], p.root).stdout).toMatch(/waived +KEYS-005/)
  })
})

describe('bad inputs: one line naming the file, nothing else lost', () => {
  test('CHECK-011 A truncated fragment does not hide the others', clause('CHECK-011', 'e940343e999f'), async () => {
    const p = await fixtureProject('check-basic', 'check-truncated')
    standardFragments(p)
    writeFragment(p.root, 'zz-broken.json', '{"schemaVersion": 1, "kind": "specgate-ledger", "sour')
    const r = specgate(['check', ...FIXED], p.root)
    expect(r.stderr).toMatch(/^specgate: \.specgate\/ledger\/zz-broken\.json:1:\d+: not valid JSON \(truncated or corrupt ledger fragment\): [^\n]+\n$/)
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/FAIL {2}fragments-readable \(1\)/)
    expect(r.stdout).toContain('8 clauses: 4 accepted')
  })

  test('CHECK-012 A fragment of a newer schema version is refused', clause('CHECK-012', '540305291d83'), async () => {
    const p = await fixtureProject('check-basic', 'check-newer')
    standardFragments(p)
    writeFragment(p.root, 'future.json', JSON.stringify({ schemaVersion: 99, kind: 'specgate-ledger', sources: [], evidence: [] }))
    const r = specgate(['check', ...FIXED], p.root)
    expect(r.stderr).toBe('specgate: .specgate/ledger/future.json: ledger schemaVersion 99 is newer than this specgate understands (1); upgrade specgate\n')
    expect(r.code).toBe(1)
    // nothing else lost: the two readable fragments still merge, and the missing evidence fails the gate
    expect(r.stdout).toContain('specgate check: SPEC revision')
    expect(r.stdout).toContain(', 2 fragment(s)')
    expect(r.stdout).toContain('8 clauses: 4 accepted, 1 pending, 1 uncovered, 1 hollow, 1 failed, 1 orphan')
    expect(r.stdout).toMatch(/FAIL {2}fragments-readable \(1\)/)
  })

  test('REPORT-009 A report that cannot be written is one line naming it, and the others are written', clause('REPORT-009', '4dc917763d49'), async () => {
    const p = await fixtureProject('check-basic', 'check-unwritable')
    standardFragments(p)
    // a first run's reports, which the second replaces (all but report.md, now a folder)
    expect(specgate(['check', ...FIXED], p.root).stderr).toBe('')
    fs.rmSync(path.join(p.root, 'specgate-report/report.md'))
    fs.mkdirSync(path.join(p.root, 'specgate-report/report.md'))
    const r = specgate(['check', ...FIXED], p.root)
    expect(r.stderr).toMatch(/^specgate: specgate-report\/report\.md: cannot write the report: EISDIR: [^\n]+\n$/)
    expect(r.code).toBe(2)
    for (const f of ['ledger.json', 'junit.xml', 'report.html']) expect(fs.statSync(path.join(p.root, 'specgate-report', f)).size, f).toBeGreaterThan(1000)
    // no temporary file, and no old report kept aside while it was replaced
    expect(fs.readdirSync(path.join(p.root, 'specgate-report')).sort()).toEqual(['junit.xml', 'ledger.json', 'report.html', 'report.md'])
  })

  test('CHECK-013 An empty report folder is no evidence', clause('CHECK-013', '106d1a598878'), async () => {
    const p = await fixtureProject('check-basic', 'check-empty')
    fs.mkdirSync(path.join(p.root, '.specgate/ledger'), { recursive: true })
    const r = specgate(['check', ...FIXED], p.root)
    expect(r.stderr).toBe('specgate: no evidence found in .specgate/ledger: run the tests with the specgate reporters first\n')
    expect(r.code).toBe(1)
    expect(specgate(['check', '--gate', 'report', ...FIXED], p.root).code).toBe(0)
  })

  test('CHECK-021 An input error removes the previous run\'s reports', clause('CHECK-021', 'c8eee3eac699'), async () => {
    const p = await fixtureProject('check-basic', 'check-stale-reports')
    standardFragments(p)
    const reports = path.join(p.root, 'specgate-report')
    expect(specgate(['check', '--format', 'messages', ...FIXED], p.root).code).toBe(1)
    fs.writeFileSync(path.join(reports, 'notes.txt'), 'kept: not a file check writes\n')
    fs.writeFileSync(path.join(p.root, 'specgate.waivers.yaml'), 'waivers:\n  - clause: KEYS-001\n   reason: [unclosed\n')
    const r = specgate(['check', ...FIXED], p.root)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^specgate: specgate\.waivers\.yaml:3:1: not valid YAML: [^\n]+; removed the previous run's report\.md, report\.html, junit\.xml, ledger\.json, messages\.ndjson from specgate-report, as they no longer match\n$/)
    expect(fs.readdirSync(reports)).toEqual(['notes.txt'])
    // a saved ledger.json given as this run's input is never removed; the other reports are
    fs.rmSync(path.join(p.root, 'specgate.waivers.yaml'))
    expect(specgate(['check', ...FIXED], p.root).code).toBe(1)
    fs.writeFileSync(path.join(p.root, 'specgate.waivers.yaml'), '- clause: KEYS-002\n  owner: o\n  expires: 2026-02-01\n')
    const again = specgate(['check', 'specgate-report/ledger.json', ...FIXED], p.root)
    expect(again.code).toBe(2)
    expect(again.stderr).toMatch(/^specgate: specgate\.waivers\.yaml:1:3: waiver for KEYS-002: reason: [^\n]+; removed the previous run's report\.md, report\.html, junit\.xml from specgate-report, as they no longer match\n$/)
    expect(fs.readdirSync(reports).sort()).toEqual(['ledger.json', 'notes.txt'])
    // nothing to remove: the error alone, as before
    const bare = specgate(['check', '--out', 'elsewhere', ...FIXED], p.root)
    expect(bare.stderr).toMatch(/^specgate: specgate\.waivers\.yaml:1:3: waiver for KEYS-002: reason: [^;\n]+\n$/)
    // a bad --format, --tags or --today is this run's input too; a bad --gate is a usage error, checked before anything is read
    fs.rmSync(path.join(p.root, 'specgate.waivers.yaml'))
    const fresh = () => expect(specgate(['check', ...FIXED], p.root).code).toBe(1)
    for (const bad of [['--format', 'nope'], ['--tags', '@a and'], ['--today', '2026-13-45']]) {
      fresh()
      const r = specgate(['check', ...FIXED, ...bad], p.root)
      expect([r.code, r.stderr], bad.join(' ')).toEqual([2, expect.stringMatching(/; removed the previous run's report\.md, report\.html, junit\.xml, ledger\.json from specgate-report, as they no longer match\n$/)])
      expect(fs.readdirSync(reports)).toEqual(['notes.txt'])
    }
    fresh()
    const gate = specgate(['check', ...FIXED, '--gate', 'nope'], p.root)
    expect(gate.code).toBe(2)
    expect(gate.stderr).not.toContain('removed')
    expect(fs.readdirSync(reports).sort()).toEqual(['junit.xml', 'ledger.json', 'notes.txt', 'report.html', 'report.md'])
  })

  const waiverCases: [string, string, string][] = [
    ['invalid YAML', 'waivers:\n  - clause: KEYS-001\n   reason: [unclosed\n', 'specgate: specgate.waivers.yaml:3:1: not valid YAML: '],
    ['an unknown clause id', 'waivers:\n  - clause: KEYS-001\n    reason: r\n    owner: o\n    expires: 2026-02-01\n  - clause: KEYS-0005\n    reason: r\n    owner: o\n    expires: 2026-02-01\n', 'specgate: specgate.waivers.yaml:6:5: waiver names clause KEYS-0005, which the SPEC does not have; did you mean KEYS-005?\n'],
    ['a missing reason', '- clause: KEYS-002\n  owner: o\n  expires: 2026-02-01\n', 'specgate: specgate.waivers.yaml:1:3: waiver for KEYS-002: reason: '],
    // an expired waiver must not hide a valid one, nor a valid one an expired one: neither shadows the other
    ['two waivers for one clause', 'waivers:\n  - clause: BILL-002\n    reason: r\n    owner: o\n    expires: 2026-03-01\n  - clause: KEYS-001\n    reason: r\n    owner: o\n    expires: 2026-02-01\n  - clause: BILL-002\n    reason: again\n    owner: o\n    expires: 2026-01-01\n', 'specgate: specgate.waivers.yaml:10:5: a second waiver for BILL-002; the first is on line 2: keep one waiver per clause\n'],
    ['an unknown key', '- clause: KEYS-002\n  reason: r\n  owner: o\n  expires: 2026-02-01\n  expiry: 2026-01-01\n', 'specgate: specgate.waivers.yaml:1:3: waiver for KEYS-002: unknown key "expiry"\n'],
    ['a date that is not a date', '- clause: KEYS-002\n  reason: r\n  owner: o\n  expires: next week\n', 'specgate: specgate.waivers.yaml:1:3: waiver for KEYS-002: expires: expires must be a date, YYYY-MM-DD\n'],
  ]
  async function badWaivers([, text, message]: [string, string, string]): Promise<void> {
    const p = await fixtureProject('check-basic', 'check-badwaiver')
    standardFragments(p)
    fs.writeFileSync(path.join(p.root, 'specgate.waivers.yaml'), text)
    const r = specgate(['check', ...FIXED], p.root)
    expect(r.code).toBe(2)
    expect(r.stderr.startsWith(message), r.stderr).toBe(true)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  }
  // the Examples rows of CHECK-007, in order
  test('CHECK-007[1] An invalid waivers file is one line naming the line (invalid YAML)', clause('CHECK-007', 'b9ca75704548', { row: 1 }), () => badWaivers(waiverCases[0]!))
  test('CHECK-007[2] An invalid waivers file is one line naming the line (an unknown clause)', clause('CHECK-007', 'b9ca75704548', { row: 2 }), () => badWaivers(waiverCases[1]!))
  test('CHECK-007[3] An invalid waivers file is one line naming the line (a missing reason)', clause('CHECK-007', 'b9ca75704548', { row: 3 }), () => badWaivers(waiverCases[2]!))
  test('CHECK-007[4] An invalid waivers file is one line naming the line (two waivers for one clause)', clause('CHECK-007', 'b9ca75704548', { row: 4 }), () => badWaivers(waiverCases[3]!))
  test.each(waiverCases.slice(4))('a waivers file with %s is a usage error naming the line', (...c) => badWaivers(c))

  test('an unknown format, a missing fragment path and a bad --today are usage errors', async () => {
    const p = await fixtureProject('check-basic', 'check-usage')
    expect(specgate(['check', '--format', 'pdf'], p.root)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^specgate: unknown report format "pdf"; known: console, markdown, html, junit, json, github(, [\w-]+)*\n$/) })
    expect(specgate(['check', 'nowhere.json'], p.root)).toMatchObject({ code: 2, stderr: 'specgate: nowhere.json: no such ledger file or folder\n' })
    expect(specgate(['check', '--today', 'tomorrow'], p.root)).toMatchObject({ code: 2, stderr: 'specgate: --today must be a date, YYYY-MM-DD; got "tomorrow"\n' })
    expect(specgate(['check', '--baseline', 'missing.json'], p.root)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^specgate: missing\.json: cannot read ledger: ENOENT/) })
  })
})

describe('--baseline', () => {
  test('CHECK-010 A baseline lists regressions first, then newly accepted clauses', clause('CHECK-010', '6b4edf5632de'), async () => {
    const p = await fixtureProject('check-basic', 'check-baseline')
    const { root, spec } = p
    writeFragment(root, 'v.json', fragment({ runner: 'vitest', id: 'before', spec }, [passed(spec, 'KEYS-001'), passed(spec, 'KEYS-002', { status: 'failed' })]))
    expect(specgate(['check', '--gate', 'report', ...FIXED], root).code).toBe(0)
    fs.renameSync(path.join(root, 'specgate-report/ledger.json'), path.join(root, 'baseline.json'))
    writeFragment(root, 'v.json', fragment({ runner: 'vitest', id: 'after', spec, createdAt: '2026-01-11T00:00:00.000Z' }, [
      passed(spec, 'KEYS-001', { status: 'failed', failure: { message: 'broke' } }), passed(spec, 'KEYS-002'),
    ]))
    const r = specgate(['check', '--baseline', 'baseline.json', ...FIXED], root)
    expect(r.stdout).toContain('against baseline baseline.json: 1 regression(s), 1 newly accepted')
    expect(r.stdout).toContain('regression  KEYS-001  A member sees whether their key works: was accepted, now failed')
    expect(r.stdout).toContain('newly accepted  KEYS-002  A revoked key is reported as revoked (was failed)')
    // first on the console too: before the feature table and the list of clauses not accepted
    const regression = r.stdout.indexOf('regression  KEYS-001')
    expect(regression).toBeGreaterThan(0)
    expect(regression).toBeLessThan(r.stdout.indexOf('newly accepted  KEYS-002'))
    expect(r.stdout.indexOf('newly accepted  KEYS-002')).toBeLessThan(r.stdout.search(/^feature +file/m))
    expect(r.stdout.search(/^feature +file/m)).toBeLessThan(r.stdout.indexOf('not accepted:'))
    const md = read(root, 'specgate-report/report.md')
    expect(md.indexOf('### Regressions (1)')).toBeGreaterThan(0)
    expect(md.indexOf('### Regressions (1)')).toBeLessThan(md.indexOf('## Team keys'))
  })
})
