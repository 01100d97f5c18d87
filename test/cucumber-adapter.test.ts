/**
 * The Cucumber adapter, end to end: the real cucumber-js 12.9 runs a fixture project with every
 * scenario outcome, `--format specgate/cucumber` writes the fragment, and the verdicts come from
 * computeVerdicts and from the built `specgate check`.
 */
import fs from 'node:fs'
import path from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { beforeAll, describe, expect, test } from 'vitest'
import { clause } from 'specgate/vitest'
import { loadConfig } from '../src/config/load-config.js'
import { validateConfig } from '../src/config/validate-config.js'
import { readLedger } from '../src/ledger/fragment-io.js'
import { mergeFragments } from '../src/ledger/merge.js'
import type { Ledger } from '../src/ledger/schema.js'
import { computeVerdicts } from '../src/ledger/verdict.js'
import { loadSpec } from '../src/spec/load-spec.js'
import { REPO, specgate } from './helpers/cli.js'
import { copyFixture, cucumber, fragmentFiles, linkSpecgate } from './fixtures/cucumber-harness/run.js'

const FIXTURE = 'cucumber-statuses'
const RUN = ['--retry', '1', '--tags', 'not @manual', '--format', 'specgate/cucumber']

const EXPECTED: Record<string, string> = {
  'FX-001': 'accepted', // passing
  'FX-002': 'failed', // failing assertion
  'FX-003': 'pending', // undefined step
  'FX-004': 'pending', // pending step
  'FX-005': 'failed', // ambiguous step
  'FX-006': 'skipped', // a step returned 'skipped'
  'FX-007': 'hollow', // no steps of its own: Cucumber runs none
  'FX-008': 'accepted', // Outline, both rows pass
  'FX-009': 'flaky', // fails once, passes on retry
  'FX-010': 'accepted', // attachments
  'FX-011': 'uncovered', // left out by the tag filter
  'FX-012': 'hollow', // truly empty
}

async function verdictsOf(dir: string, ledger: Ledger, configOverride?: unknown) {
  const spec = await loadSpec({ root: dir })
  const config = configOverride === undefined ? (await loadConfig(dir)).config : validateConfig(configOverride, 'test')
  return computeVerdicts(spec, ledger, config)
}

function byId(verdicts: Awaited<ReturnType<typeof verdictsOf>>): Record<string, string> {
  return Object.fromEntries(verdicts.clauses.map((c) => [c.clause.id!, c.verdict]))
}

describe('cucumber-js --format specgate/cucumber', () => {
  let serial: string
  let serialRun: ReturnType<typeof cucumber>
  let ledger: Ledger

  beforeAll(() => {
    linkSpecgate()
    serial = copyFixture(FIXTURE)
    serialRun = cucumber(RUN, serial)
    const files = fragmentFiles(serial)
    expect(files, serialRun.stderr).toHaveLength(1)
    ledger = readLedger(files[0]!)
  })

  test('CUKE-001 cucumber-js writes a ledger fragment for the scenarios it ran', clause('CUKE-001', '67e3f934cdef'), async () => {
    expect(fragmentFiles(serial)).toHaveLength(1)
    expect(path.relative(serial, fragmentFiles(serial)[0]!)).toMatch(/^\.specgate\/ledger\/cucumber-[^/]+\.json$/)
    const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'specs/ledger.schema.json'), 'utf8'))
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema)
    const raw = JSON.parse(fs.readFileSync(fragmentFiles(serial)[0]!, 'utf8'))
    expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([])
    expect(validate(raw)).toBe(true)
    expect(raw.sources[0]).toMatchObject({ runner: 'cucumber', partial: true })
    // one record per scenario (per Examples row) that ran, FX-011 was filtered out; each with the hash of the text Cucumber ran
    const spec = await loadSpec({ root: serial })
    expect(ledger.evidence.map((e) => e.caseKey).sort()).toEqual([
      'FX-001', 'FX-002', 'FX-003', 'FX-004', 'FX-005', 'FX-006', 'FX-007', 'FX-008[1]', 'FX-008[2]', 'FX-009', 'FX-010', 'FX-012',
    ])
    for (const e of ledger.evidence) expect(e.clauseHash, e.caseKey).toBe(spec.byId.get(e.clauseId)!.hash)
  })

  test('every scenario outcome gets its verdict through computeVerdicts', async () => {
    expect(serialRun.code).toBe(1) // Cucumber itself fails the run: failing, undefined, pending, ambiguous
    expect(byId(await verdictsOf(serial, ledger))).toEqual(EXPECTED)
  })

  test('the same verdicts through the built `specgate check`, exit 1', () => {
    const r = specgate(['check', '--format', 'json'], serial)
    expect(r.code, r.stderr).toBe(1)
    for (const [id, verdict] of Object.entries(EXPECTED)) {
      if (verdict !== 'accepted') expect(r.stdout).toMatch(new RegExp(`${verdict}\\s+${id}\\b`))
    }
    expect(r.stdout).toContain('3 accepted, 1 flaky, 1 skipped, 2 pending, 1 uncovered, 2 hollow, 2 failed')
  })

  test('CUKE-002 undefined, pending and ambiguous steps are never accepted', clause('CUKE-002', '2dea3a4c5ca9'), async () => {
    const status = (id: string) => ledger.evidence.find((e) => e.clauseId === id)!
    expect(status('FX-003')).toMatchObject({ status: 'pending', detail: 'undefined' })
    expect(status('FX-003').steps!.map((s) => s.status)).toEqual(['passed', 'undefined', 'skipped'])
    expect(status('FX-004')).toMatchObject({ status: 'pending', detail: 'pending step' })
    expect(status('FX-004').steps!.map((s) => s.status)).toEqual(['passed', 'pending', 'skipped'])
    expect(status('FX-005')).toMatchObject({ status: 'failed', detail: 'ambiguous' })
    expect(status('FX-005').steps!.map((s) => s.status)).toEqual(['passed', 'ambiguous', 'skipped'])
    expect(status('FX-002').steps!.map((s) => s.status)).toEqual(['passed', 'passed', 'failed'])
    expect(status('FX-006').steps!.map((s) => s.status)).toEqual(['passed', 'skipped', 'skipped'])
    expect(status('FX-009')).toMatchObject({ status: 'passed', retries: 1, flaky: true })
    const verdicts = await verdictsOf(serial, ledger)
    expect(byId(verdicts)).toMatchObject({ 'FX-003': 'pending', 'FX-004': 'pending', 'FX-005': 'failed' })
    const reasons = Object.fromEntries(verdicts.clauses.map((c) => [c.clause.id!, c.reason]))
    expect(reasons['FX-003']).toContain('pending (undefined) at step "When the member does something nobody wrote a step for"')
    expect(reasons['FX-004']).toContain('pending (pending step) at step "When the member exports the store"')
    expect(reasons['FX-005']).toContain('at step "When the member saves twice"')
    expect(reasons['FX-005']).toContain('is ambiguous')
  })

  test('CUKE-003 a scenario that runs no step is hollow', clause('CUKE-003', '988c4c8123ff'), async () => {
    const verdicts = (await verdictsOf(serial, ledger)).clauses
    for (const id of ['FX-007', 'FX-012']) {
      const v = verdicts.find((c) => c.clause.id === id)!
      expect(v.verdict, id).toBe('hollow')
      expect(v.reason, id).toContain('passed without executing a single step')
      expect(ledger.evidence.find((e) => e.clauseId === id)).toMatchObject({ status: 'passed', steps: [] })
    }
  })

  test('an Outline gives one record per Examples row, steps interpolated', () => {
    const rows = ledger.evidence.filter((e) => e.clauseId === 'FX-008')
    expect(rows.map((e) => e.caseKey)).toEqual(['FX-008[1]', 'FX-008[2]'])
    expect(rows[1]!.steps!.map((s) => s.text)).toEqual(['a fresh store', 'the member saves 3 notes', 'the store holds 3 notes'])
  })

  test('attachments are recorded and their bodies written next to the ledger folder', () => {
    const e = ledger.evidence.find((x) => x.clauseId === 'FX-010')!
    expect(e.attachments.map((a) => [a.name, a.contentType])).toEqual([['receipt.json', 'application/json'], ['log', 'text/x.cucumber.log+plain']])
    expect(JSON.parse(fs.readFileSync(path.join(serial, e.attachments[0]!.path!), 'utf8'))).toEqual({ receipt: 42 })
    expect(e.attachments[0]!.path!.startsWith('.specgate/attachments/cucumber/')).toBe(true)
  })

  test('prints the summary of the clauses Cucumber is responsible for (this run only: FX-011 is left out)', () => {
    expect(serialRun.stdout).toContain('specgate (cucumber)')
    expect(serialRun.stdout).toContain('a filtered run: only the clauses it ran are shown')
    expect(serialRun.stdout).toMatch(/hollow\s+FX-007/)
    expect(serialRun.stdout).not.toContain('FX-011')
  })

  test('CUKE-004 retries, Outlines and parallel workers', clause('CUKE-004', 'c0357506dae4'), async () => {
    const dir = copyFixture(FIXTURE)
    const r = cucumber([...RUN, '--parallel', '2'], dir)
    const files = fragmentFiles(dir)
    expect(files, r.stderr).toHaveLength(1)
    const parallel = readLedger(files[0]!)
    expect(byId(await verdictsOf(dir, parallel))).toEqual(EXPECTED)
    const shape = (l: Ledger) => l.evidence.map((e) => `${e.caseKey} ${e.status} ${e.retries} ${e.steps?.map((s) => s.status).join(',')}`).sort()
    expect(shape(parallel)).toEqual(shape(ledger))
    // under --retry 1 in both runs: each Examples row is its own case, the retried scenario is flaky
    for (const l of [ledger, parallel]) {
      expect(l.evidence.filter((e) => e.clauseId === 'FX-008').map((e) => `${e.caseKey} ${e.status}`).sort()).toEqual(['FX-008[1] passed', 'FX-008[2] passed'])
      expect(l.evidence.find((e) => e.clauseId === 'FX-009')).toMatchObject({ status: 'passed', retries: 1, flaky: true })
    }
  })

  test('CUKE-005 a scenario edited after the run is stale', clause('CUKE-005', '3ca242686d34'), async () => {
    const dir = copyFixture(FIXTURE)
    fs.cpSync(path.join(serial, '.specgate'), path.join(dir, '.specgate'), { recursive: true })
    const file = path.join(dir, 'features/statuses.feature')
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Then the store holds 1 note\n\n  @id:FX-002', 'And the store holds 1 note\n\n  @id:FX-002'))
    const verdicts = await verdictsOf(dir, ledger)
    const fx1 = verdicts.clauses.find((c) => c.clause.id === 'FX-001')!
    expect(fx1.verdict).toBe('stale')
    expect(fx1.reason).toContain('review the test against the new text')
  })

  test('config `runners` decides which runner proves a level: by default @integration wants Vitest', async () => {
    const verdicts = await verdictsOf(serial, ledger, {})
    const fx1 = verdicts.clauses.find((c) => c.clause.id === 'FX-001')!
    expect(fx1.verdict).toBe('uncovered')
    expect(fx1.reason).toContain('only cucumber evidence, and @integration clauses are proven with vitest')
    const withCucumber = await verdictsOf(serial, ledger, { runners: { integration: ['vitest', 'cucumber'] } })
    expect(withCucumber.clauses.find((c) => c.clause.id === 'FX-001')!.verdict).toBe('accepted')
  })
})

describe('filtered Cucumber runs merge like any re-run', () => {
  beforeAll(() => linkSpecgate())

  test('two filtered runs both count, and running one filter again replaces only its own result', () => {
    const dir = copyFixture(FIXTURE)
    const run = (name: string) => cucumber(['--name', name, '--format', 'specgate/cucumber'], dir)
    run('^a passing scenario$')
    run('^a failing scenario$')
    const [first] = fragmentFiles(dir).map((f) => readLedger(f)).filter((l) => l.evidence.some((e) => e.clauseId === 'FX-001'))
    run('^a passing scenario$')
    const fragments = fragmentFiles(dir).map((f) => readLedger(f))
    expect(fragments).toHaveLength(3)
    const { ledger, superseded } = mergeFragments(fragments)
    expect(ledger.evidence.map((e) => `${e.clauseId} ${e.status}`).sort()).toEqual(['FX-001 passed', 'FX-002 failed'])
    expect(ledger.sources.every((s) => s.partial && s.label === '')).toBe(true)
    expect(superseded.map((s) => s.source.id)).toEqual([first!.sources[0]!.id])
  })
})

describe('the gate and user errors', () => {
  beforeAll(() => linkSpecgate())

  // CUKE-006 is proven by the three tests below: a failing gate in CI, a mistyped format option, an invalid config
  test('CUKE-006 format option mistakes and a failing gate are one line each (a hollow scenario in CI)', clause('CUKE-006', 'efaf7d26b20a'), () => {
    const dir = copyFixture(FIXTURE)
    const hollow = cucumber(['--name', '^a passing scenario$', '--name', '^truly empty$', '--format', 'specgate/cucumber'], dir, { CI: '1' })
    expect(hollow.code).toBe(1)
    expect(hollow.stderr).toContain('specgate: a gate failed (see the summary above); evidence in .specgate/ledger/cucumber-')
    expect(hollow.stderr).not.toMatch(/\n\s+at /)
    const clean = cucumber(['--name', '^a passing scenario$', '--format', 'specgate/cucumber'], dir, { CI: '1' })
    expect(clean.code, clean.stderr).toBe(0)
    expect(clean.stdout).toMatch(/accepted\s+FX-001/)
    expect(clean.stdout).toContain('gates: all pass')
  })

  test('CUKE-006 format option mistakes and a failing gate are one line each (a mistyped format option)', clause('CUKE-006', 'efaf7d26b20a'), () => {
    const dir = copyFixture(FIXTURE)
    const r = cucumber(['--format', 'specgate/cucumber', '--format-options', '{"specgate":{"shrad":"1/2"}}'], dir)
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('specgate: specgate/cucumber format option specgate.shrad: unknown key; known: gate, config, ledgerDir, label, shard, summary')
    expect(r.stderr).not.toMatch(/\n\s+at /)
    const bad = cucumber(['--format', 'specgate/cucumber', '--format-options', '{"specgate":{"shard":"3/2"}}'], dir)
    expect(bad.stderr).toContain('specgate: specgate/cucumber format option specgate.shard: index 3 is greater than total 2')
    expect(bad.stderr).not.toMatch(/\n\s+at /)
  })

  test('CUKE-006 format option mistakes and a failing gate are one line each (a ledger folder that cannot be made)', clause('CUKE-006', 'efaf7d26b20a'), () => {
    const dir = copyFixture(FIXTURE)
    fs.writeFileSync(path.join(dir, 'features/ledger.txt'), '')
    const r = cucumber(['--name', '^a passing scenario$', '--format', 'specgate/cucumber', '--format-options', '{"specgate":{"ledgerDir":"features/ledger.txt/ledger"}}'], dir)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/specgate: features\/ledger\.txt\/ledger\/cucumber-[\w-]+\.json: cannot write this ledger file: ENOTDIR: not a directory, mkdir '[^']+'/)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  test('CUKE-006 format option mistakes and a failing gate are one line each (an invalid specgate config)', clause('CUKE-006', 'efaf7d26b20a'), () => {
    const dir = copyFixture(FIXTURE)
    fs.writeFileSync(path.join(dir, 'specgate.config.json'), '{ "runners": { "integration": ["cucumbre"] } }')
    const r = cucumber(['--name', '^a passing scenario$', '--format', 'specgate/cucumber'], dir)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/specgate: specgate\.config\.json: runners\.integration\.0: .*cucumber/)
    expect(r.stderr).not.toMatch(/\n\s+at /)
    expect(fragmentFiles(dir)).toEqual([])
  })

  test('a shard names its slot, so shards merge instead of replacing each other', () => {
    const dir = copyFixture(FIXTURE)
    cucumber(['--shard', '1/2', '--format', 'specgate/cucumber', '--format-options', '{"specgate":{"shard":"1/2"}}'], dir)
    cucumber(['--shard', '2/2', '--format', 'specgate/cucumber', '--format-options', '{"specgate":{"shard":"2/2"}}'], dir)
    const ledgers = fragmentFiles(dir).map((f) => readLedger(f))
    expect(ledgers.map((l) => l.sources[0]!.shard)).toEqual(expect.arrayContaining([{ index: 1, total: 2 }, { index: 2, total: 2 }]))
    const r = specgate(['check', '--format', 'json'], dir)
    // no --retry here, so FX-009 fails; FX-011 runs (no tag filter); nothing is uncovered: both shards count
    expect(r.stdout).toContain('12 clauses: 4 accepted, 1 skipped, 2 pending, 2 hollow, 3 failed')
  })
})
