/**
 * The Playwright adapter end to end: the fixture app (node:http + PGlite, started by Playwright's
 * webServer) run by the real Playwright and Chromium, once with 2 orders seeded and once with an
 * empty store; verdicts read from the summary the reporter prints and the fragment it writes.
 */
import fs from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { beforeAll, describe, expect, test } from 'vitest'
import type { Evidence, Ledger } from '../src/ledger/schema.js'
import { REPO, type RunResult } from './helpers/cli.js'
import { copyApp, fragments, freePort, playwright } from './helpers/playwright-app.js'

interface Run {
  dir: string
  result: RunResult
  ledger: Ledger
}

async function runApp(name: string, env: Record<string, string>): Promise<Run> {
  const dir = await copyApp(name)
  const result = await playwright(['test'], dir, { PW_PORT: String(await freePort()), ...env })
  const files = fragments(dir)
  expect(files, `${result.stdout}\n${result.stderr}`).toHaveLength(1)
  return { dir, result, ledger: JSON.parse(fs.readFileSync(files[0]!, 'utf8')) as Ledger }
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
    runApp('pw-seeded', { PW_ORDERS: '2' }),
    runApp('pw-empty', { PW_ORDERS: '0', PW_SUITE: 'empty' }),
  ])
}, 300_000)

describe('a seeded store', () => {
  test('tests asserting on real rows are accepted, with the data they saw in the evidence', () => {
    const out = seeded.result.stdout
    expect(verdictLine(out, 'ORD-001')).toEqual({ verdict: 'accepted', reason: '' })
    expect(verdictLine(out, 'ORD-002')).toEqual({ verdict: 'accepted', reason: '' })
    const e = evidenceOf(seeded, 'ORD-001')
    expect(e.data?.probe).toEqual({ orders: 2 })
    expect(e.data?.responses).toEqual({ withData: 1, empty: 0 })
    expect(e.data?.observed).toEqual([{ entity: 'orders', count: 2, source: 'GET /api/orders' }])
    expect(e.steps?.map((s) => `${s.keyword} ${s.text} ${s.status}`)).toEqual([
      'Given the shop has orders passed',
      'When the clerk opens the orders page passed',
      'Then every order is listed with its customer passed',
    ])
    expect(e.assertions).toBe(2)
  })

  test('@requires-data:orders>=3 with 2 orders seeded is empty-state, naming 2 < 3', () => {
    expect(verdictLine(seeded.result.stdout, 'ORD-004')).toEqual({
      verdict: 'empty-state',
      reason: 'orders: 2 < 3 (@requires-data:orders>=3) (e2e/verdicts.spec.ts:4)',
    })
  })

  test('an empty-state marker visible after a Then step is empty-state, though the page saw data', () => {
    expect(verdictLine(seeded.result.stdout, 'ORD-005').verdict).toBe('empty-state')
    expect(verdictLine(seeded.result.stdout, 'ORD-005').reason).toContain(
      'empty-state marker [data-testid*="empty-state"] visible after Then step "Then the cancelled orders are listed"',
    )
    expect(evidenceOf(seeded, 'ORD-005').data?.responses?.withData).toBe(1)
  })

  test('a test with no expect is hollow', () => {
    expect(verdictLine(seeded.result.stdout, 'ORD-006')).toEqual({
      verdict: 'hollow',
      reason: 'passed without running a single assertion (e2e/verdicts.spec.ts:22)',
    })
  })

  test('a failing test is failed, at the step that failed', () => {
    const line = verdictLine(seeded.result.stdout, 'ORD-007')
    expect(line.verdict).toBe('failed')
    expect(line.reason).toContain('the test failed at step "Then the count equals the number of listed orders"')
    expect(evidenceOf(seeded, 'ORD-007').retries).toBe(1)
  })

  test('a test passing only on retry is flaky', () => {
    expect(verdictLine(seeded.result.stdout, 'ORD-008')).toEqual({ verdict: 'flaky', reason: 'passed only on retry 1 (e2e/verdicts.spec.ts:42)' })
    expect(evidenceOf(seeded, 'ORD-008')).toMatchObject({ status: 'passed', flaky: true, retries: 1 })
  })

  test('a test written for another clause hash is stale', () => {
    expect(verdictLine(seeded.result.stdout, 'ORD-009').reason).toMatch(/^written for clause hash 0123456789ab; the clause is now [0-9a-f]{12}/)
  })

  test('a generated skeleton is skipped by Playwright and pending, never passed', () => {
    expect(verdictLine(seeded.result.stdout, 'ORD-010').verdict).toBe('pending')
    expect(evidenceOf(seeded, 'ORD-010')).toMatchObject({ status: 'pending', skeleton: true, steps: null })
  })

  test('a test naming a clause the SPEC does not have is an orphan', () => {
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
  test('each data clause is empty-state, with the probe figures', () => {
    for (const id of ['ORD-001', 'ORD-002']) {
      expect(verdictLine(empty.result.stdout, id).verdict).toBe('empty-state')
      expect(verdictLine(empty.result.stdout, id).reason).toContain('the probe showed no data (orders: 0)')
    }
  })

  test('an @empty-state-ok clause is accepted', () => {
    expect(verdictLine(empty.result.stdout, 'ORD-003')).toEqual({ verdict: 'accepted', reason: '' })
  })

  test('the run is rejected with one headline and a non-zero exit, in report mode too', () => {
    expect(empty.result.stdout).toContain('E2E ran against an empty state: 0 of 2 E2E cases saw real data')
    expect(empty.ledger.sources[0]?.rejected).toBe('E2E ran against an empty state: 0 of 2 E2E cases saw real data')
    // every test passed and CI is unset (gate: report): only the rejection fails the run
    expect(empty.ledger.evidence.map((e) => e.status)).toEqual(['passed', 'passed', 'passed'])
    expect(empty.result.code).toBe(1)
  })
})
