/**
 * The Playwright adapter end to end: the fixture app (node:http + PGlite, started by Playwright's
 * webServer) run by the real Playwright and Chromium, once with 2 orders seeded and once with an
 * empty store; verdicts read from the summary the reporter prints and the fragment it writes.
 */
import fs from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { beforeAll, describe, expect, test } from 'vitest'
import { clause } from 'specgate/vitest'
import type { Evidence, Ledger } from '../src/ledger/schema.js'
import { loadSpec } from '../src/spec/load-spec.js'
import { REPO, type RunResult } from './helpers/cli.js'
import { copyApp, fragments, freePort, playwright } from './helpers/playwright-app.js'

interface Run {
  dir: string
  result: RunResult
  ledger: Ledger
}

async function runApp(name: string, env: Record<string, string>, args: string[] = ['test']): Promise<Run> {
  const dir = await copyApp(name)
  const result = await playwright(args, dir, { PW_PORT: String(await freePort()), ...env })
  const files = fragments(dir)
  expect(files, `${result.stdout}\n${result.stderr}`).toHaveLength(1)
  return { dir, result, ledger: JSON.parse(fs.readFileSync(files[0]!, 'utf8')) as Ledger }
}

/** The parts of Playwright's own JSON report these tests read: what Playwright itself saw. */
interface JsonSpec {
  title: string
  tags: string[]
  tests: {
    annotations: { type: string; description?: string }[]
    status: string
    results: { status: string; steps?: { title: string }[] }[]
  }[]
}
interface JsonSuite {
  specs: JsonSpec[]
  suites?: JsonSuite[]
}

/** The test whose title starts with `id`, from Playwright's JSON reporter output. */
function playwrightSaw(run: Run, id: string): JsonSpec {
  const report = JSON.parse(fs.readFileSync(`${run.dir}/pw-report.json`, 'utf8')) as { suites: JsonSuite[] }
  const all = (suites: JsonSuite[]): JsonSpec[] => suites.flatMap((s) => [...s.specs, ...all(s.suites ?? [])])
  const found = all(report.suites).find((s) => s.title.startsWith(`${id} `))
  if (!found) throw new Error(`Playwright's report has no test ${id}`)
  return found
}

/** A test's annotations as Playwright reports them, without the source location it adds to each. */
function annotationsOf(spec: JsonSpec): { type: string; description?: string }[] {
  return (spec.tests[0]?.annotations ?? []).map(({ type, description }) => ({ type, description }))
}

/** `  empty-state ORD-004  The revenue ...` and the reason line under it. */
function verdictLine(out: string, id: string): { verdict: string; reason: string } {
  const lines = out.split('\n')
  const at = lines.findIndex((l) => new RegExp(`^  \\S+\\s+${id}  `).test(l))
  if (at < 0) throw new Error(`no summary line for ${id} in:\n${out}`)
  const verdict = lines[at]!.trim().split(/\s+/)[0]!
  const next = lines[at + 1] ?? ''
  return { verdict, reason: next.startsWith('      ') ? next.trim() : '' }
}

function evidenceOf(run: Run, id: string): Evidence {
  const e = run.ledger.evidence.find((x) => x.clauseId === id)
  if (!e) throw new Error(`no evidence for ${id}`)
  return e
}

let seeded: Run
let empty: Run

beforeAll(async () => {
  // two orders: enough for most clauses, one short of ORD-004's @requires-data:orders>=3
  ;[seeded, empty] = await Promise.all([
    // Playwright's own JSON reporter beside specgate's: what Playwright saw, to compare the evidence with
    runApp('pw-seeded', { PW_ORDERS: '2', PLAYWRIGHT_JSON_OUTPUT_FILE: 'pw-report.json' }, ['test', '--reporter=specgate/playwright,json']),
    runApp('pw-empty', { PW_ORDERS: '0', PW_SUITE: 'empty' }),
  ])
}, 300_000)

describe('a seeded store', () => {
  test('PW-001 Clause id and hash travel as test annotations and tags', clause('PW-001', '228287249c60'), async () => {
    const hash = (await loadSpec({ root: seeded.dir })).byId.get('ORD-001')?.hash
    expect(hash).toMatch(/^[0-9a-f]{12}$/)
    expect(evidenceOf(seeded, 'ORD-001')).toMatchObject({ clauseId: 'ORD-001', caseKey: 'ORD-001', clauseHash: hash })
    const saw = playwrightSaw(seeded, 'ORD-001')
    expect(saw.tags).toContain('id:ORD-001')
    expect(annotationsOf(saw)).toEqual(expect.arrayContaining([
      { type: 'specgate:clause', description: 'ORD-001' },
      { type: 'specgate:hash', description: hash },
    ]))
  })

  test('PW-002 Gherkin steps map to test.step and are recorded in order', clause('PW-002', '056655dd3ea9'), () => {
    const steps = ['Given the shop has orders', 'When the clerk opens the orders page', 'Then every order is listed with its customer']
    expect(playwrightSaw(seeded, 'ORD-001').tests[0]?.results[0]?.steps?.map((s) => s.title)).toEqual(steps)
    expect(evidenceOf(seeded, 'ORD-001').steps?.map((s) => `${s.keyword} ${s.text} ${s.status}`)).toEqual(steps.map((s) => `${s} passed`))
    // a failing step is recorded as failed, and the steps after it not at all
    expect(evidenceOf(seeded, 'ORD-007').steps?.map((s) => `${s.keyword} ${s.text} ${s.status}`)).toEqual([
      'When the clerk opens the orders page passed',
      'Then the count equals the number of listed orders failed',
    ])
  })

  test('PW-010[1] tests asserting on real rows are accepted, with the data they saw in the evidence', clause('PW-010', 'dc76f9804d60', { row: 1 }), () => {
    const out = seeded.result.stdout
    expect(verdictLine(out, 'ORD-001')).toEqual({ verdict: 'accepted', reason: '' })
    expect(verdictLine(out, 'ORD-002')).toEqual({ verdict: 'accepted', reason: '' })
    const e = evidenceOf(seeded, 'ORD-001')
    expect(e.data?.observed).toEqual([{ entity: 'orders', count: 2, source: 'GET /api/orders' }])
    expect(e.assertions).toBe(2)
  })

  test('PW-004 API responses are counted as carrying data or empty', clause('PW-004', '25e2e78ea091'), () => {
    // /orders fetches one list; /orders/cancelled fetches a list with rows and an empty one
    expect(evidenceOf(seeded, 'ORD-001').data?.responses).toEqual({ withData: 1, empty: 0 })
    expect(evidenceOf(seeded, 'ORD-005').data?.responses).toEqual({ withData: 1, empty: 1 })
    expect(evidenceOf(empty, 'ORD-001').data?.responses).toEqual({ withData: 0, empty: 1 })
  })

  test('PW-005 The probe is read before each test', clause('PW-005', '002dd25cbe75'), () => {
    const ran = (run: Run) => run.ledger.evidence.filter((e) => e.status !== 'pending')
    expect(ran(seeded).length).toBeGreaterThan(5)
    for (const e of ran(seeded)) expect(e.data?.probe, e.clauseId).toEqual({ orders: 2 })
    for (const e of ran(empty)) expect(e.data?.probe, e.clauseId).toEqual({ orders: 0 })
  })

  test('PW-006 @requires-data:orders>=3 with 2 orders seeded is empty-state, naming 2 < 3', clause('PW-006', 'c47686029661'), () => {
    expect(evidenceOf(seeded, 'ORD-004').status).toBe('passed')
    expect(verdictLine(seeded.result.stdout, 'ORD-004')).toEqual({
      verdict: 'empty-state',
      reason: 'orders: 2 < 3 (@requires-data:orders>=3) (e2e/verdicts.spec.ts:4)',
    })
  })

  test('PW-007 an empty-state marker visible after a Then step is empty-state, though the page saw data', clause('PW-007', 'eeb6a8b6b2e9'), () => {
    expect(verdictLine(seeded.result.stdout, 'ORD-005').verdict).toBe('empty-state')
    expect(verdictLine(seeded.result.stdout, 'ORD-005').reason).toContain(
      'empty-state marker [data-testid*="empty-state"] visible after Then step "Then the cancelled orders are listed"',
    )
    expect(evidenceOf(seeded, 'ORD-005').status).toBe('passed')
    expect(evidenceOf(seeded, 'ORD-005').data?.responses?.withData).toBe(1)
  })

  test('PW-010[2] a test with no expect is hollow', clause('PW-010', 'dc76f9804d60', { row: 2 }), () => {
    expect(verdictLine(seeded.result.stdout, 'ORD-006')).toEqual({
      verdict: 'hollow',
      reason: 'passed without running a single assertion (e2e/verdicts.spec.ts:22)',
    })
  })

  test('PW-010[3] a failing test is failed, at the step that failed', clause('PW-010', 'dc76f9804d60', { row: 3 }), () => {
    const line = verdictLine(seeded.result.stdout, 'ORD-007')
    expect(line.verdict).toBe('failed')
    expect(line.reason).toContain('the test failed at step "Then the count equals the number of listed orders"')
    expect(evidenceOf(seeded, 'ORD-007').retries).toBe(1)
  })

  test('PW-010[4] a test passing only on retry is flaky', clause('PW-010', 'dc76f9804d60', { row: 4 }), () => {
    expect(verdictLine(seeded.result.stdout, 'ORD-008')).toEqual({ verdict: 'flaky', reason: 'passed only on retry 1 (e2e/verdicts.spec.ts:42)' })
    expect(evidenceOf(seeded, 'ORD-008')).toMatchObject({ status: 'passed', flaky: true, retries: 1 })
  })

  test('PW-010[5] a test written for another clause hash is stale', clause('PW-010', 'dc76f9804d60', { row: 5 }), () => {
    expect(verdictLine(seeded.result.stdout, 'ORD-009').verdict).toBe('stale')
    expect(verdictLine(seeded.result.stdout, 'ORD-009').reason).toMatch(/^written for clause hash 0123456789ab; the clause is now [0-9a-f]{12}/)
  })

  test('PW-003 a generated skeleton is skipped by Playwright and pending, never passed', clause('PW-003', '94aff1e476b9'), () => {
    expect(verdictLine(seeded.result.stdout, 'ORD-010').verdict).toBe('pending')
    expect(evidenceOf(seeded, 'ORD-010')).toMatchObject({ status: 'pending', skeleton: true, steps: null })
    const saw = playwrightSaw(seeded, 'ORD-010')
    expect(saw.tests[0]?.status).toBe('skipped')
    expect(saw.tests[0]?.results.map((r) => r.status)).toEqual(['skipped'])
    expect(annotationsOf(saw)).toContainEqual({ type: 'fixme', description: 'specgate skeleton: not implemented: ORD-010' })
  })

  test('PW-011 a test naming a clause the SPEC does not have is an orphan', clause('PW-011', 'bf91709fe18a'), () => {
    expect(seeded.result.stdout).toContain('orphan: e2e/verdicts.spec.ts "ORD-099 A clause the SPEC does not have" names ORD-099, which the SPEC does not have')
  })

  test('the run fails, and the fragment validates against the published ledger schema', () => {
    expect(seeded.result.code).toBe(1)
    const ajv = new Ajv2020({ strict: false })
    const validate = ajv.compile(JSON.parse(fs.readFileSync(`${REPO}/specs/ledger.schema.json`, 'utf8')) as object)
    expect(validate(seeded.ledger), JSON.stringify(validate.errors)).toBe(true)
    expect(seeded.ledger.sources[0]).toMatchObject({ runner: 'playwright', partial: false })
  })
})

describe('the same tests on an empty store', () => {
  test('PW-009 an @empty-state-ok clause is accepted', clause('PW-009', '3ceebd52c4b3'), () => {
    expect(evidenceOf(empty, 'ORD-003').status).toBe('passed')
    expect(verdictLine(empty.result.stdout, 'ORD-003')).toEqual({ verdict: 'accepted', reason: '' })
  })

  test('PW-008 each data clause is empty-state; the run is rejected with one headline and a non-zero exit, in report mode too', clause('PW-008', '92f31dc6d459'), () => {
    for (const id of ['ORD-001', 'ORD-002']) {
      expect(verdictLine(empty.result.stdout, id).verdict).toBe('empty-state')
      expect(verdictLine(empty.result.stdout, id).reason).toContain('the probe showed no data (orders: 0)')
    }
    expect(empty.result.stdout).toContain('E2E ran against an empty state: 0 of 2 E2E cases saw real data')
    expect(empty.ledger.sources[0]?.rejected).toBe('E2E ran against an empty state: 0 of 2 E2E cases saw real data')
    // every test passed and CI is unset (gate: report): only the rejection fails the run
    expect(empty.ledger.evidence.map((e) => e.status)).toEqual(['passed', 'passed', 'passed'])
    expect(empty.result.code).toBe(1)
  })
})
