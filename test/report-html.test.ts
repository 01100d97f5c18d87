/**
 * report.html opened in real Chromium, driven from Vitest: every filter, and the data the page
 * rebuilds from its compact form. The Playwright test test/e2e/report-html.spec.ts opens the same
 * report for the totals, a filter, a clause's detail and hostile text (REPORT-007, REPORT-008).
 */
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { clause } from 'specgate/vitest'
import { runCheck } from '../src/check/run-check.js'
import { configSchema } from '../src/config/schema.js'
import type { Ledger } from '../src/ledger/schema.js'
import { renderHtml } from '../src/report/render-html.js'
import type { Spec } from '../src/spec/model.js'
import { buildSpec, loadSpec } from '../src/spec/load-spec.js'
import { specgate, writeTree } from './helpers/cli.js'
import { fixtureProject, fragment, passed, writeFragment } from './helpers/check-fixture.js'
import { checkedReport, shownClauses } from './helpers/report-fixture.js'

describe('report.html in Chromium', () => {
  let browser: Browser
  let page: Page
  let reportUrl: string

  beforeAll(async () => {
    reportUrl = await checkedReport('report-html')
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
    page = await browser.newPage()
    await page.goto(reportUrl)
  })

  afterAll(async () => {
    await browser?.close()
  })

  test('REPORT-012 the HTML report (filters by verdict, owner and tag)', clause('REPORT-012', 'c055acc4465c'), async () => {
    expect(await page.getByTestId('clause-row').count()).toBe(8)
    await page.getByTestId('filter-verdict').selectOption('failed')
    expect(await shownClauses(page)).toEqual(['KEYS-002'])
    await page.getByTestId('filter-verdict').selectOption('')
    await page.getByTestId('filter-owner').selectOption('billing')
    expect(await shownClauses(page)).toEqual(['BILL-001', 'BILL-002'])
    await page.getByTestId('filter-owner').selectOption('')
    await page.getByTestId('filter-tag').selectOption('@risk:security')
    expect(await shownClauses(page)).toEqual(['KEYS-005'])
    await page.getByTestId('filter-tag').selectOption('')
    expect(await page.getByTestId('clause-row').count()).toBe(8)
  })

  test('REPORT-012 the HTML report (filters by acceptor and a text search)', clause('REPORT-012', 'c055acc4465c'), async () => {
    await page.getByTestId('filter-acceptor').selectOption('finance')
    expect(await shownClauses(page)).toEqual(['BILL-001', 'BILL-002'])
    await page.getByTestId('filter-acceptor').selectOption('lead')
    expect(await shownClauses(page)).toEqual(['KEYS-001', 'KEYS-002', 'KEYS-003', 'KEYS-004', 'KEYS-005', 'KEYS-006'])
    // the search matches a clause's name or id, letter case aside, within the other filters
    await page.getByTestId('filter-q').fill('REVOKED')
    expect(await shownClauses(page)).toEqual(['KEYS-002'])
    await page.getByTestId('filter-acceptor').selectOption('finance')
    expect(await shownClauses(page)).toEqual([])
    await page.getByTestId('filter-acceptor').selectOption('')
    await page.getByTestId('filter-q').fill('bill-00')
    expect(await shownClauses(page)).toEqual(['BILL-001', 'BILL-002'])
    await page.getByTestId('filter-q').fill('')
    expect(await page.getByTestId('clause-row').count()).toBe(8)
  })
})

/**
 * The page rebuilds each clause's inherited tags, levels, owner and acceptor, its rule, and each
 * test's case and title from the compact data (html-derive.ts): here the cases a wrong rebuild
 * would get wrong, each checked in the detail view and through the tag filter.
 */
const EDGES = `@owner:edge @acceptor:qa @shared
Feature: Inherited tags

  @unit @shared @id:EDGE-001
  Scenario: Own tags repeat a feature tag
    When it runs
    Then it passes

  @rule-tag @shared @owner:rules
  Rule: tagged rule

    @e2e @unit @unit @rule-tag @id:EDGE-002
    Scenario: Own tags repeat rule tags and a level twice
      When it runs
      Then it passes

    @integration @owner:mine @id:EDGE-003
    Scenario Outline: An outline in the rule
      When it runs with <n>
      Then it passes

      @examples-tag
      Examples:
        | n |
        | 1 |
        | 2 |

  Rule: untagged rule

    @unit @id:EDGE-004
    Scenario: A test with its own title
      When it runs
      Then it passes

  @id:EDGE-005
  Rule: a rule that names its one clause

    Scenario: No own tags at all
      When it runs
      Then it passes
`

describe('report.html rebuilds what its data leaves out', () => {
  let browser: Browser
  let page: Page
  let spec: Spec
  let ledgers: Ledger[]

  beforeAll(async () => {
    const { root } = await fixtureProject('check-basic', 'report-html-edges')
    fs.rmSync(path.join(root, 'features'), { recursive: true })
    writeTree(root, { 'features/edges.feature': EDGES })
    spec = await loadSpec({ root })
    ledgers = [
      fragment({ runner: 'vitest', id: 'v', spec }, [
        passed(spec, 'EDGE-001'),
        passed(spec, 'EDGE-003[1]'),
        passed(spec, 'EDGE-003[2]', { status: 'failed', failure: { message: 'row 2 broke' } }),
        passed(spec, 'EDGE-004', { test: { file: 'test/spec/edges.test.ts', line: 40, title: 'a title of its own' } }),
      ]),
      fragment({ runner: 'playwright', id: 'pw', spec }, [passed(spec, 'EDGE-002')]),
    ]
    writeFragment(root, 'v.json', ledgers[0]!)
    writeFragment(root, 'pw.json', ledgers[1]!)
    expect(specgate(['check', '--today', '2026-01-15'], root).code).toBe(1)
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
    page = await browser.newPage()
    await page.goto(pathToFileURL(path.join(root, 'specgate-report/report.html')).href)
  })

  afterAll(async () => {
    await browser?.close()
  })

  const tags = () => page.locator('#detail .tags .tag').allTextContents()
  const meta = () => page.locator('#detail p.meta').textContent()
  const open = async (id: string) => {
    await page.locator(`a.clause[data-clause="${id}"]`).click()
    await expect.poll(() => page.locator('#detail h2 .id').textContent()).toBe(id) // the detail follows the hash, a moment later
  }

  test('REPORT-012 the HTML report (inherited tags, levels and owner)', clause('REPORT-012', 'c055acc4465c'), async () => {
    await expect.poll(() => page.getByTestId('total-clauses').textContent()).toBe('5 clauses')
    await open('EDGE-001')
    expect(await tags()).toEqual(['@owner:edge', '@acceptor:qa', '@shared', '@unit', '@id:EDGE-001'])
    expect(await meta()).toBe('Inherited tags · features/edges.feature:5 · level unit · owner edge · acceptor qa')
    await open('EDGE-002')
    expect(await tags()).toEqual(['@owner:edge', '@acceptor:qa', '@shared', '@rule-tag', '@owner:rules', '@e2e', '@unit', '@id:EDGE-002'])
    expect(await meta()).toBe('Inherited tags · features/edges.feature:13 · level e2e, unit · owner rules · acceptor qa')
    expect((await page.getByTestId('gherkin').textContent())!.split('\n')[0]).toBe('@e2e @unit @unit @rule-tag @id:EDGE-002')
    await open('EDGE-003')
    expect(await tags()).toEqual(['@owner:edge', '@acceptor:qa', '@shared', '@rule-tag', '@owner:rules', '@integration', '@owner:mine', '@id:EDGE-003'])
    expect(await meta()).toBe('Inherited tags · features/edges.feature:18 · level integration · owner mine · acceptor qa')
    expect(await page.getByTestId('gherkin').textContent()).toContain('  @examples-tag\n  Examples:')
    await open('EDGE-004')
    expect(await tags()).toEqual(['@owner:edge', '@acceptor:qa', '@shared', '@unit', '@id:EDGE-004'])
    await open('EDGE-005')
    expect(await tags()).toEqual(['@owner:edge', '@acceptor:qa', '@shared', '@id:EDGE-005'])
    expect(await meta()).toBe('Inherited tags · features/edges.feature:38 · level - · owner edge · acceptor qa')
    expect((await page.getByTestId('gherkin').textContent())!.split('\n')[0]).toBe('Scenario: No own tags at all')
    expect(await page.locator('#tree li.rule').allTextContents()).toEqual(['Rule: tagged rule', 'Rule: untagged rule', 'Rule: a rule that names its one clause'])
  })

  test('REPORT-012 the HTML report (the tag and owner filters on rebuilt tags)', clause('REPORT-012', 'c055acc4465c'), async () => {
    const options = await page.getByTestId('filter-tag').locator('option').evaluateAll((list) => list.map((o) => o.getAttribute('value')))
    expect(options).toEqual(['', '@acceptor:qa', '@e2e', '@id:EDGE-001', '@id:EDGE-002', '@id:EDGE-003', '@id:EDGE-004', '@id:EDGE-005', '@integration', '@owner:edge', '@owner:mine', '@owner:rules', '@rule-tag', '@shared', '@unit'])
    await page.getByTestId('filter-tag').selectOption('@shared')
    expect(await shownClauses(page)).toEqual(['EDGE-001', 'EDGE-002', 'EDGE-003', 'EDGE-004', 'EDGE-005'])
    await page.getByTestId('filter-tag').selectOption('@rule-tag')
    expect(await shownClauses(page)).toEqual(['EDGE-002', 'EDGE-003'])
    await page.getByTestId('filter-tag').selectOption('@unit')
    expect(await shownClauses(page)).toEqual(['EDGE-001', 'EDGE-002', 'EDGE-004'])
    await page.getByTestId('filter-tag').selectOption('@id:EDGE-005')
    expect(await shownClauses(page)).toEqual(['EDGE-005'])
    await page.getByTestId('filter-tag').selectOption('')
    await page.getByTestId('filter-owner').selectOption('rules')
    expect(await shownClauses(page)).toEqual(['EDGE-002'])
    await page.getByTestId('filter-owner').selectOption('')
    await page.getByTestId('filter-level').selectOption('e2e')
    expect(await shownClauses(page)).toEqual(['EDGE-002'])
    await page.getByTestId('filter-level').selectOption('')
  })

  test('REPORT-012 the HTML report (test titles and Outline cases)', clause('REPORT-012', 'c055acc4465c'), async () => {
    const heads = () => page.locator('#detail .ev-head').allTextContents()
    await open('EDGE-001')
    expect(await heads()).toEqual(['passed vitest test/spec/keys.test.ts:10 EDGE-001 Own tags repeat a feature tag (EDGE-001, 5 ms, 2 assertions)'])
    await open('EDGE-004')
    expect(await heads()).toEqual(['passed vitest test/spec/edges.test.ts:40 a title of its own (EDGE-004, 5 ms, 2 assertions)'])
    await open('EDGE-003')
    expect(await heads()).toEqual([
      'passed vitest test/spec/keys.test.ts:10 EDGE-003[1] An outline in the rule (EDGE-003[1], 5 ms, 2 assertions)',
      'failed vitest test/spec/keys.test.ts:10 EDGE-003[2] An outline in the rule (EDGE-003[2], 5 ms, 2 assertions)',
    ])
    expect(await page.locator('#detail section:has(h3:text("Cases")) li').allTextContents()).toEqual(['accepted EDGE-003[1] ', 'failed EDGE-003[2] the test failed: row 2 broke (test/spec/keys.test.ts:10)'])
  })

  test('REPORT-012 the HTML report (values the page would rebuild differently are written out)', clause('REPORT-012', 'c055acc4465c'), async () => {
    // Without the SPEC's feature models the data has no Feature or Rule tags to rebuild from, and an
    // owner and level that do not come from the tags (as a config default would) cannot be read off them.
    const model = runCheck({ spec, config: configSchema.parse({}), ledgers, today: '2026-01-15' })
    const clauses = model.verdicts.clauses.map((cv) => cv.clause.id === 'EDGE-004' ? { ...cv, clause: { ...cv.clause, owner: 'by-config', levels: ['e2e' as const] } } : cv)
    const html = [...renderHtml({ ...model, spec: undefined, verdicts: { ...model.verdicts, clauses } }, { color: false, reportDir: 'specgate-report' })].join('')
    const data = JSON.parse(/id="specgate-data">(.*?)<\/script>/s.exec(html)![1]!) as { clauses: { id: string; tags?: string[]; acceptance?: object }[] }
    expect(data.clauses.map((c) => c.tags)).toEqual(model.verdicts.clauses.map((cv) => cv.clause.tags))
    expect(data.clauses.filter((c) => c.acceptance).map((c) => c.id)).toEqual(['EDGE-004'])
    await page.setContent(html)
    await open('EDGE-002')
    expect(await tags()).toEqual(['@owner:edge', '@acceptor:qa', '@shared', '@rule-tag', '@owner:rules', '@e2e', '@unit', '@id:EDGE-002'])
    expect(await meta()).toBe('Inherited tags · features/edges.feature:13 · level e2e, unit · owner rules · acceptor qa')
    await open('EDGE-004')
    expect(await tags()).toEqual(['@owner:edge', '@acceptor:qa', '@shared', '@unit', '@id:EDGE-004'])
    expect(await meta()).toBe('Inherited tags · features/edges.feature:31 · level e2e · owner by-config · acceptor qa')
    await page.getByTestId('filter-owner').selectOption('by-config')
    expect(await shownClauses(page)).toEqual(['EDGE-004'])
    await page.getByTestId('filter-tag').selectOption('@rule-tag')
    expect(await shownClauses(page)).toEqual([])
  })

  test('REPORT-012 the HTML report (steps that ran as written are listed from the Gherkin text)', clause('REPORT-012', 'c055acc4465c'), async () => {
    const steps = buildSpec('/p', [{ absPath: '/p/features/steps.feature', source: STEPS }])
    const ran = fragment({ runner: 'vitest', id: 'v', spec: steps }, [
      passed(steps, 'STEP-001'), passed(steps, 'STEP-002'), passed(steps, 'STEP-003'),
      passed(steps, 'STEP-004', {
        status: 'failed', failure: { message: 'boom', step: 'When it runs' },
        steps: [{ keyword: 'Given', text: 'a team', status: 'passed' }, { keyword: 'When', text: 'it runs', status: 'failed', error: 'boom' }, { keyword: 'Then', text: 'it passes', status: 'skipped' }],
      }),
    ])
    const model = runCheck({ spec: steps, config: configSchema.parse({}), ledgers: [ran], today: '2026-01-15' })
    const html = [...renderHtml(model, { color: false, reportDir: 'specgate-report' })].join('')
    const data = JSON.parse(/id="specgate-data">(.*?)<\/script>/s.exec(html)![1]!) as { clauses: { id: string; evidence: { steps: unknown }[] }[] }
    // only where the page can find the steps in the Gherkin lines, and the test ran them as written, all passed
    expect(data.clauses.map((c) => [c.id, c.evidence[0]!.steps === true])).toEqual([['STEP-001', true], ['STEP-002', true], ['STEP-003', false], ['STEP-004', false]])
    await page.setContent(html)
    const listed = () => page.locator('#detail ol.steps li').allTextContents()
    await open('STEP-001')
    expect(await listed()).toEqual(['passed Given a team', 'passed When it runs', 'passed Then it passes'])
    await open('STEP-002')
    expect(await listed()).toEqual(['passed Given a team', 'passed When it runs with:', 'passed And a note', 'passed Then it passes'])
    await open('STEP-003')
    expect(await listed()).toEqual(['passed Given a team', 'passed When it runs   # Background', 'passed Then it passes'])
    await open('STEP-004')
    expect(await listed()).toEqual(['passed Given a team', 'failed When it runsboom', 'skipped Then it passes'])
  })
})

/** Steps a test can run as written (STEP-001, STEP-002, with a DataTable and a DocString), and a clause whose Gherkin lines would mislead (STEP-003). */
const STEPS = `@owner:core
Feature: Steps as written

  Background:
    Given a team

  @unit @id:STEP-001
  Scenario: Plain steps
    When it runs
    Then it passes

  @unit @id:STEP-002
  Scenario: Steps with a table and a DocString
    When it runs with:
      | a |
    And a note
      """
        Then indented, as a step line would be
      """
    Then it passes

  @unit @id:STEP-003
  Scenario: A step that ends like the mark of a Background step
    When it runs   # Background
    Then it passes

  @unit @id:STEP-004
  Scenario: Steps that did not all pass
    When it runs
    Then it passes
`
