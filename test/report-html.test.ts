/**
 * report.html opened in real Chromium: totals, a filter, a clause's detail view, and that hostile
 * text from the SPEC and from a test's error renders as text, with no network request at all.
 */
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { clause } from 'specgate/vitest'
import { specgate } from './helpers/cli.js'
import { fixtureProject, fragment, passed, writeFragment } from './helpers/check-fixture.js'

const HOSTILE = '<img src=x onerror=alert(1)>'

describe('report.html in Chromium', () => {
  let browser: Browser
  let page: Page
  const dialogs: string[] = []
  const requests: string[] = []
  let reportUrl: string

  beforeAll(async () => {
    const { root, spec } = await fixtureProject('check-basic', 'report-html')
    writeFragment(root, 'v.json', fragment({ runner: 'vitest', id: 'v', spec }, [
      passed(spec, 'KEYS-001'),
      passed(spec, 'KEYS-002', { status: 'failed', failure: { message: `expected ${HOSTILE} to be revoked</script><script>alert(3)</script>`, step: 'Then the key is reported as revoked' } }),
      passed(spec, 'KEYS-003[1]'), passed(spec, 'KEYS-003[2]'),
      passed(spec, 'KEYS-005', { data: { observed: [{ entity: 'keys', count: 3, source: 'db' }], emptyMarkers: [] } }),
      passed(spec, 'BILL-001'),
    ]))
    writeFragment(root, 'pw.json', fragment({ runner: 'playwright', id: 'pw', spec }, [passed(spec, 'KEYS-004')]))
    fs.writeFileSync(path.join(root, 'specgate.waivers.yaml'), '- clause: BILL-002\n  reason: rebuilt in Q2\n  owner: billing\n  expires: 2026-03-31\n')
    const r = specgate(['check', '--today', '2026-01-15'], root)
    expect(r.code).toBe(1)
    reportUrl = pathToFileURL(path.join(root, 'specgate-report/report.html')).href
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
    page = await browser.newPage()
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss() })
    page.on('request', (req) => { requests.push(req.url()) })
    await page.goto(reportUrl)
  })

  afterAll(async () => {
    await browser?.close()
  })

  // REPORT-007 is proven by the three tests below together: totals, the filters, a clause's detail
  test('REPORT-007 The HTML report shows totals, filters and a clause\'s detail (totals and gates)', clause('REPORT-007', '764ce402fa1c'), async () => {
    await expect.poll(() => page.getByTestId('total-clauses').textContent()).toBe('8 clauses')
    expect(await page.getByTestId('total-accepted').textContent()).toBe('5 accepted')
    expect(await page.getByTestId('total-failed').textContent()).toBe('1 failed')
    expect(await page.getByTestId('total-waived').textContent()).toBe('1 waived')
    expect(await page.getByTestId('result').textContent()).toBe('failed')
    expect(await page.locator('tr[data-gate="no-failed"] .state').textContent()).toBe('FAIL')
    expect(await page.locator('tr[data-gate="no-uncovered"] .state').textContent()).toBe('pass')
  })

  test('REPORT-007 The HTML report shows totals, filters and a clause\'s detail (filters by verdict, owner and tag)', clause('REPORT-007', '764ce402fa1c'), async () => {
    expect(await page.getByTestId('clause-row').count()).toBe(8)
    await page.getByTestId('filter-verdict').selectOption('failed')
    expect(await page.getByTestId('clause-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-clause')))).toEqual(['KEYS-002'])
    await page.getByTestId('filter-verdict').selectOption('')
    await page.getByTestId('filter-owner').selectOption('billing')
    expect(await page.getByTestId('clause-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-clause')))).toEqual(['BILL-001', 'BILL-002'])
    await page.getByTestId('filter-owner').selectOption('')
    await page.getByTestId('filter-tag').selectOption('@risk:security')
    expect(await page.getByTestId('clause-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-clause')))).toEqual(['KEYS-005'])
    await page.getByTestId('filter-tag').selectOption('')
    expect(await page.getByTestId('clause-row').count()).toBe(8)
  })

  test('REPORT-007 The HTML report shows totals, filters and a clause\'s detail (Gherkin text, test, steps, failure)', clause('REPORT-007', '764ce402fa1c'), async () => {
    await page.locator('a.clause[data-clause="KEYS-002"]').click()
    const detail = page.getByTestId('detail')
    expect(await page.getByTestId('detail-title').textContent()).toBe('KEYS-002 A revoked key is reported as revoked')
    expect(await page.getByTestId('gherkin').textContent()).toContain('When the member checks the revoked key "old"')
    expect(await page.getByTestId('gherkin').textContent()).toContain('Given a team "acme" with 3 keys   # Background')
    expect(await detail.locator('.evidence code').first().textContent()).toBe('test/spec/keys.test.ts:10')
    expect(await detail.locator('ol.steps li').count()).toBe(3)
    expect(await page.getByTestId('failure').textContent()).toBe(`at step "Then the key is reported as revoked"\nexpected ${HOSTILE} to be revoked</script><script>alert(3)</script>`)
    await page.locator('a.clause[data-clause="BILL-002"]').click()
    expect(await page.getByTestId('waiver').textContent()).toContain('applied: rebuilt in Q2 (owner billing, expires 2026-03-31, specgate.waivers.yaml:1)')
    await page.locator('a.clause[data-clause="KEYS-005"]').click()
    expect(await detail.locator('ul.data').textContent()).toBe('rows in keys: 3 (db)')
  })

  test('REPORT-008 Hostile text in the HTML report renders as text', clause('REPORT-008', 'dcc24993a73e'), async () => {
    expect(await page.locator('a.clause[data-clause="KEYS-005"] .name').textContent()).toBe(HOSTILE)
    await page.locator('a.clause[data-clause="KEYS-005"]').click()
    expect(await page.getByTestId('gherkin').textContent()).toContain('When a key named "<script>alert(2)</script>" is created')
    await page.locator('a.clause[data-clause="KEYS-002"]').click()
    expect(await page.locator('img').count()).toBe(0)
    expect(await page.locator('script').count()).toBe(2)
    expect(dialogs).toEqual([])
    expect(requests).toEqual([reportUrl])
  })
})
