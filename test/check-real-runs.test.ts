/**
 * `specgate check` on evidence from real runs: the real Vitest (sharded 2 ways) and the real
 * Playwright (Chromium against a tiny node:http shop) run one fixture project with one SPEC
 * (test/fixtures/check-real-shop), each writing its fragments into the same ledger folder; then the
 * built CLI merges them. Checked: the verdict per clause, the gates and exit code, every report
 * format, `explain --json`, a truncated fragment beside the real ones, and a second variant where
 * the tests are repaired and the rest is waived (exit 0).
 */
import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { clause } from 'specgate/vitest'
import { specgate, type RunResult } from './helpers/cli.js'
import { VITEST4, assertValidLedger, copyFixture, prepareVitest4, readFragments, runVitest, type VitestRun } from './helpers/vitest-fixtures.js'
import { freePort, playwright } from './helpers/playwright-app.js'

const TODAY = ['--today', '2026-01-15']

/** What the fixture's tests are built to prove: one clause per verdict, BILL-003 has two cases. */
const VERDICTS: Record<string, string> = {
  'BILL-001': 'accepted',
  'BILL-002': 'failed',
  'BILL-003': 'accepted',
  'BILL-004': 'hollow',
  'BILL-005': 'stale',
  'BILL-006': 'pending',
  'BILL-007': 'waived (uncovered)',
  'ORD-001': 'accepted',
  'ORD-002': 'empty-state',
}

/** The failing clauses: the gate each fails, its feature file and its scenario name. */
const FAILING: [id: string, verdict: string, gate: string, file: string, name: string][] = [
  ['BILL-002', 'failed', 'no-failed', 'features/billing.feature', 'A negative line is refused'],
  ['BILL-004', 'hollow', 'no-hollow', 'features/billing.feature', 'A credit note reverses an invoice'],
  ['BILL-005', 'stale', 'no-stale', 'features/billing.feature', 'A discount lowers the total'],
  ['BILL-006', 'pending', 'no-pending', 'features/billing.feature', 'Totals are rounded to cents'],
  ['ORD-002', 'empty-state', 'no-empty-state', 'features/orders.feature', 'The cancelled orders page lists cancelled orders'],
]

const made: string[] = []
let root: string
let shards: VitestRun[]
let pw: RunResult
let check: RunResult
let browser: Browser

beforeAll(async () => {
  prepareVitest4()
  root = await copyFixture('check-real-shop', VITEST4)
  made.push(root)
  const port = String(await freePort())
  // the two Vitest shards one after the other, beside the Playwright run: 2 cores
  const vitest = (async () => [
    await runVitest(VITEST4, root, ['run', '--shard=1/2']),
    await runVitest(VITEST4, root, ['run', '--shard=2/2']),
  ])()
  ;[shards, pw, browser] = await Promise.all([
    vitest,
    playwright(['test'], root, { SHOP_PORT: port }),
    chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] }),
  ])
  check = specgate(['check', '--format', 'github', ...TODAY], root)
})

afterAll(async () => {
  await browser?.close()
  if (!process.env.SPECGATE_KEEP) for (const dir of made) fs.rmSync(dir, { recursive: true, force: true })
})

function read(rel: string, from = root): string {
  return fs.readFileSync(path.join(from, rel), 'utf8')
}

/** 1-based line of the first line containing `text` in a fixture-copy file. */
function lineOf(rel: string, text: string): number {
  const i = read(rel).split('\n').findIndex((l) => l.includes(text))
  if (i < 0) throw new Error(`${rel} has no line containing ${text}`)
  return i + 1
}

/** clause id -> verdict cell of the per-feature tables of report.md */
function mdVerdicts(md: string): Record<string, string> {
  const rows = md.split('\n').filter((l) => /^\| [A-Z]+-\d+ \|/.test(l)).map((l) => l.split(' | '))
  return Object.fromEntries(rows.map((cells) => [cells[0]!.slice(2), cells[3]!]))
}

describe('real Vitest and Playwright runs, one ledger folder', () => {
  test('each runner wrote its fragments: one per Vitest shard and one from Playwright, all valid against the schema', () => {
    const fragments = readFragments(root)
    const sources = fragments.map((f) => f.sources[0]!)
    expect(sources.map((s) => `${s.runner} ${s.shard ? `${s.shard.index}/${s.shard.total}` : '-'}`).sort()).toEqual(['playwright -', 'vitest 1/2', 'vitest 2/2'])
    expect(sources.filter((s) => s.runner === 'vitest').every((s) => s.partial)).toBe(true)
    // the shards split the test files: each brought evidence, none for the same case
    const perShard = fragments.filter((f) => f.sources[0]!.shard).map((f) => f.evidence.map((e) => e.caseKey))
    expect(perShard.every((keys) => keys.length > 0)).toBe(true)
    expect(perShard.flat().sort()).toEqual(['BILL-001', 'BILL-002', 'BILL-003[1]', 'BILL-003[2]', 'BILL-004', 'BILL-005', 'BILL-006', 'BILL-099'])
    // the adapters fail a run whose own clauses fail a gate
    for (const s of shards) expect(s.code, s.output).toBe(s.output.includes('gate failed:') ? 1 : 0)
    expect(shards.some((s) => s.code === 1)).toBe(true)
    expect(pw.code, pw.stdout + pw.stderr).toBe(1)
  })

  test('CHECK-001 Fragments of several runners merge into one verdict per clause', clause('CHECK-001', '1842120a1382'), () => {
    expect(check.stderr).toBe('')
    expect(check.stdout).toContain('specgate check: SPEC revision')
    expect(check.stdout).toContain(', 3 fragment(s)')
    expect(mdVerdicts(read('specgate-report/report.md'))).toEqual(VERDICTS)
    expect(check.stdout).toContain('9 clauses: 3 accepted, 1 waived, 1 pending, 1 stale, 1 hollow, 1 empty-state, 1 failed, 1 orphan')
    const out = check.stdout
    // the failure is the real assertion message from the real Vitest run, at the failing step
    expect(out).toMatch(new RegExp(`failed +BILL-002 .*\\n +the test failed at step "Then the line is refused": a negative line must be refused: expected true to be false .*\\(test/unit/invoice\\.test\\.ts:${lineOf('test/unit/invoice.test.ts', "test('BILL-002")}\\)`))
    expect(out).toMatch(/hollow +BILL-004 .*\n +passed without running a single assertion \(test\/unit\/invoice\.test\.ts:\d+\)/)
    expect(out).toMatch(/stale +BILL-005 .*\n +written for clause hash 0123456789ab; the clause is now [0-9a-f]{12}/)
    expect(out).toMatch(/pending +BILL-006 .*\n +not implemented yet: the generated skeleton is unfilled/)
    expect(out).toMatch(/waived +BILL-007 .*\n +waived until 2099-12-31 by billing: currency conversion ships with the payments provider in Q3 \(underlying: uncovered: no test names BILL-007/)
    expect(out).toMatch(/empty-state ORD-002 .*\n +empty-state marker \[data-testid\*="empty-state"\] visible after Then step "Then the cancelled orders are listed" \(test\/e2e\/orders\.spec\.ts:\d+\)/)
    expect(out).toContain('test/unit/discount.test.ts: "Billing > BILL-099 Invoices are archived" names BILL-099, which the SPEC does not have')
  })

  test('the gates fail on the failing clauses and the orphan, say who owes what, and the exit code is 1', () => {
    expect(check.code).toBe(1)
    for (const [, , gate] of FAILING) expect(check.stdout, gate).toMatch(new RegExp(`FAIL {2}${gate} \\(1\\)`))
    expect(check.stdout).toMatch(/FAIL {2}no-orphans \(1\)/)
    // the waiver keeps BILL-007 from failing no-uncovered; ORD-001 saw real orders
    const passing = /^pass {2}(.*)$/m.exec(check.stdout)?.[1]?.split(', ') ?? []
    expect(passing).toEqual(expect.arrayContaining(['no-uncovered', 'e2e-saw-data', 'waivers-valid', 'fragments-readable', 'evidence-found']))
    expect(check.stdout).toContain('owner billing: BILL-002, BILL-004, BILL-005, BILL-006')
    expect(check.stdout).toContain('owner shop: ORD-002')
    expect(check.stdout).toContain('acceptor pm: ORD-002')
    expect(check.stdout).toContain('check failed: see the failing gates above')
  })

  test('report.md: totals, gates, and a row per clause in the table of its feature', () => {
    const md = read('specgate-report/report.md')
    expect(md).toContain('# specgate check: failed')
    expect(md).toContain('**9 clauses** (10 cases): 3 accepted, 1 waived, 1 pending, 1 stale, 1 hollow, 1 empty-state, 1 failed, 1 orphan test(s)')
    expect(md).toContain('| no-failed | **FAIL** | no clause has a failing test | BILL-002 |')
    expect(md).toContain('| no-empty-state | **FAIL** | no E2E test passed against an empty state | ORD-002 |')
    expect(md).toContain('| owner | billing | BILL-002 (failed), BILL-004 (hollow), BILL-005 (stale), BILL-006 (pending) |')
    const billing = md.indexOf('## Billing')
    const orders = md.indexOf('## Orders')
    expect(billing).toBeGreaterThan(0)
    expect(orders).toBeGreaterThan(billing)
    const bill1 = lineOf('test/unit/invoice.test.ts', "test('BILL-001")
    const ord1 = lineOf('test/e2e/orders.spec.ts', "test('ORD-001")
    const row1 = `| BILL-001 | An invoice sums its lines | unit | accepted |  | billing | finance | [test/unit/invoice.test.ts:${bill1}](../test/unit/invoice.test.ts#L${bill1}) |`
    const rowOrd = `| ORD-001 | The orders page lists every order | e2e | accepted |  | shop | pm | [test/e2e/orders.spec.ts:${ord1}](../test/e2e/orders.spec.ts#L${ord1}) |`
    expect(md.indexOf(row1)).toBeGreaterThan(billing)
    expect(md.indexOf(row1)).toBeLessThan(orders)
    expect(md.indexOf(rowOrd)).toBeGreaterThan(orders)
    expect(md).toContain('| BILL-007 | Foreign currencies are converted | unit | waived (uncovered) | waived until 2099-12-31 by billing')
    expect(md).toMatch(/## Orphan tests\n\n- `test\/unit\/discount\.test\.ts:\d+` "Billing &gt; BILL-099 Invoices are archived": names BILL-099/)
  })

  test('junit.xml parses as XML and has one testcase per clause case, with verdict and clause id in its properties', async () => {
    const page = await browser.newPage()
    const parsed = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml')
      const error = doc.querySelector('parsererror')?.textContent ?? null
      const cases = Array.from(doc.querySelectorAll('testcase')).map((tc) => {
        const props = Object.fromEntries(Array.from(tc.querySelectorAll('property')).map((p) => [p.getAttribute('name'), p.getAttribute('value')]))
        return {
          name: tc.getAttribute('name'),
          file: tc.getAttribute('file'),
          clause: props['specgate.clause'],
          case: props['specgate.case'],
          verdict: props['specgate.verdict'],
          failure: tc.querySelector('failure')?.getAttribute('type') ?? null,
          skipped: tc.querySelector('skipped') !== null,
        }
      })
      const top = doc.documentElement
      return { error, root: top.nodeName, tests: top.getAttribute('tests'), failures: top.getAttribute('failures'), skipped: top.getAttribute('skipped'), cases }
    }, read('specgate-report/junit.xml'))
    await page.close()
    expect(parsed.error).toBeNull()
    expect(parsed).toMatchObject({ root: 'testsuites', tests: '10', failures: '4', skipped: '2' })
    expect(parsed.cases.map((c) => c.case)).toEqual(['BILL-001', 'BILL-002', 'BILL-003[1]', 'BILL-003[2]', 'BILL-004', 'BILL-005', 'BILL-006', 'BILL-007', 'ORD-001', 'ORD-002'])
    for (const c of parsed.cases) {
      const expected = VERDICTS[c.clause!]!.replace(/ \(.*\)$/, '')
      expect(c.verdict, c.case!).toBe(expected)
      expect(c.name!.startsWith(`${c.case} `), c.case!).toBe(true)
      expect(c.file).toBe(c.clause!.startsWith('ORD') ? 'features/orders.feature' : 'features/billing.feature')
      // not accepted and not excused: a failure of that verdict; pending and waived: skipped
      expect({ failure: c.failure, skipped: c.skipped }, c.case!).toEqual(
        ['accepted'].includes(expected) ? { failure: null, skipped: false }
          : ['pending', 'waived'].includes(expected) ? { failure: null, skipped: true }
            : { failure: expected, skipped: false })
    }
  })

  test('ledger.json is the merged ledger of the real fragments, valid against specs/ledger.schema.json', () => {
    const raw: unknown = JSON.parse(read('specgate-report/ledger.json'))
    assertValidLedger(raw, 'specgate-report/ledger.json')
    const ledger = raw as { sources: { id: string }[]; evidence: { clauseId: string; runner: string }[] }
    const fragments = readFragments(root)
    expect(ledger.sources.map((s) => s.id).sort()).toEqual(fragments.map((f) => f.sources[0]!.id).sort())
    expect(ledger.evidence).toHaveLength(fragments.reduce((n, f) => n + f.evidence.length, 0))
    expect(new Set(ledger.evidence.map((e) => `${e.runner} ${e.clauseId}`))).toEqual(new Set([
      'vitest BILL-001', 'vitest BILL-002', 'vitest BILL-003', 'vitest BILL-004', 'vitest BILL-005', 'vitest BILL-006', 'vitest BILL-099',
      'playwright ORD-001', 'playwright ORD-002',
    ]))
  })

  test('report.html is one self-contained file: opened in Chromium it loads nothing from the network and shows the run', async () => {
    const html = read('specgate-report/report.html')
    expect(html).not.toMatch(/<(script|img|iframe)[^>]+src=|<link[^>]+href=|@import|url\(\s*['"]?https?:/i)
    const page = await browser.newPage()
    const requested: string[] = []
    page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requested.push(r.url()) })
    await page.goto(`file://${path.join(root, 'specgate-report/report.html')}`, { waitUntil: 'networkidle' })
    const text = await page.locator('body').innerText()
    await page.close()
    expect(requested).toEqual([])
    for (const id of Object.keys(VERDICTS)) expect(text, id).toContain(id)
  })

  test('--format github annotates the feature-file line of each failing clause, and nothing else', () => {
    const annotations = check.stdout.split('\n').filter((l) => l.startsWith('::'))
    for (const [id, verdict, gate, file, name] of FAILING) {
      const line = lineOf(file, `Scenario: ${name}`)
      expect(annotations, id).toContainEqual(expect.stringMatching(new RegExp(`^::error file=${file.replace('.', '\\.')},line=${line},col=3,title=${id} ${verdict} \\(${gate}\\)::${name}: `)))
    }
    expect(annotations).toContain('::error title=specgate no-orphans::test/unit/discount.test.ts: "Billing > BILL-099 Invoices are archived" names BILL-099, which the SPEC does not have')
    expect(annotations).toHaveLength(FAILING.length + 1)
  })

  test('explain --json names the test and the reason, for the failing unit clause and the empty-state E2E clause', () => {
    const unit = specgate(['explain', 'BILL-002', '--json'], root)
    expect(unit.stderr).toBe('')
    expect(unit.code).toBe(0)
    const x = JSON.parse(unit.stdout) as { verdict: string; reason: string; location: string; failingGates: string[]; tests: { runner: string; title: string; place: string; failure?: string; steps: string[] }[] }
    expect(x).toMatchObject({ verdict: 'failed', location: `features/billing.feature:${lineOf('features/billing.feature', 'Scenario: A negative line is refused')}:3`, failingGates: ['no-failed'] })
    expect(x.reason).toContain('a negative line must be refused: expected true to be false')
    expect(x.tests).toEqual([expect.objectContaining({
      runner: 'vitest', title: 'Billing > BILL-002 A negative line is refused',
      place: `test/unit/invoice.test.ts:${lineOf('test/unit/invoice.test.ts', "test('BILL-002")}`,
      steps: ['passed Given an invoice', 'passed When a line of -1 is added', 'failed Then the line is refused'],
    })])
    const e2e = JSON.parse(specgate(['explain', 'ORD-002', '--json'], root).stdout) as typeof x
    expect(e2e).toMatchObject({ verdict: 'empty-state', failingGates: ['no-empty-state'] })
    expect(e2e.reason).toContain('empty-state marker [data-testid*="empty-state"] visible after Then step')
    expect(e2e.tests).toEqual([expect.objectContaining({ runner: 'playwright', title: 'Orders > ORD-002 The cancelled orders page lists cancelled orders' })])
  })

  test('a truncated fragment beside the real ones: one line naming it, the others still merge, and the gate fails', () => {
    fs.cpSync(path.join(root, '.specgate/ledger'), path.join(root, 'with-broken'), { recursive: true })
    const real = fs.readdirSync(path.join(root, 'with-broken')).find((f) => f.startsWith('playwright-'))!
    const text = read(`with-broken/${real}`)
    fs.writeFileSync(path.join(root, 'with-broken/zz-truncated.json'), text.slice(0, Math.floor(text.length / 2)))
    const r = specgate(['check', 'with-broken', '--out', 'broken-report', ...TODAY], root)
    expect(r.stderr).toMatch(/^specgate: with-broken\/zz-truncated\.json:\d+:\d+: not valid JSON \(truncated or corrupt ledger fragment\): [^\n]+\n$/)
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/FAIL {2}fragments-readable \(1\)/)
    // nothing else lost: the three real fragments give the same verdicts as before
    expect(r.stdout).toContain('9 clauses: 3 accepted, 1 waived, 1 pending, 1 stale, 1 hollow, 1 empty-state, 1 failed, 1 orphan')
    expect(mdVerdicts(read('broken-report/report.md'))).toEqual(VERDICTS)
  })
})

describe('the same project once its tests are repaired and the rest is waived', () => {
  test('check passes with exit 0: repaired clauses accepted, waived ones shown as waived, never accepted', async () => {
    const fixed = fs.mkdtempSync(path.join(VITEST4.base, 'check-real-shop-fixed-'))
    made.push(fixed)
    fs.cpSync(root, fixed, { recursive: true })
    // keep the Playwright fragment; the repaired Vitest tests run again, unsharded
    for (const f of fs.readdirSync(path.join(fixed, '.specgate/ledger'))) {
      if (f.startsWith('vitest-')) fs.rmSync(path.join(fixed, '.specgate/ledger', f))
    }
    fs.cpSync(path.join(fixed, 'test/fixed'), path.join(fixed, 'test/unit'), { recursive: true })
    fs.appendFileSync(path.join(fixed, 'specgate.waivers.yaml'), [
      '  - clause: BILL-006',
      '    reason: rounding rules wait for the finance team',
      '    owner: billing',
      '    expires: 2026-02-28',
      '  - clause: ORD-002',
      '    reason: the staging shop has no cancelled orders yet',
      '    owner: shop',
      '    expires: 2026-02-28',
      '',
    ].join('\n'))
    const run = await runVitest(VITEST4, fixed, ['run'])
    expect(run.output).toContain('Tests  6 passed | 1 todo (7)')
    const r = specgate(['check', ...TODAY], fixed)
    expect(r.stderr).toBe('')
    expect(mdVerdicts(read('specgate-report/report.md', fixed))).toEqual({
      ...VERDICTS, 'BILL-002': 'accepted', 'BILL-004': 'accepted', 'BILL-005': 'accepted', 'BILL-006': 'waived (pending)', 'ORD-002': 'waived (empty-state)',
    })
    expect(r.stdout).toMatch(/^9 clauses: 6 accepted, 3 waived$/m)
    expect(r.stdout).not.toContain('BILL-099')
    expect(r.stdout).toContain('check passed: every gate passes')
    expect(r.code).toBe(0)
  })
})
