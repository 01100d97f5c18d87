/**
 * report.html opened in Chromium by Playwright, through specgate's own Playwright adapter: the
 * totals, a filter, a clause's detail, and hostile text from the SPEC and a test's error rendered
 * as text with no request leaving the file. The page's data is the run's (the SPEC's clauses and
 * the fragments' evidence); the test records the clauses it saw as its data evidence.
 * test/report-html.test.ts checks the page's filters and rebuilt data in more detail.
 */
import { test, expect, clause, evidence, Given, When, Then } from 'specgate/playwright'
import { checkedReport, HOSTILE, HOSTILE_FAILURE as FAILURE, shownClauses } from '../helpers/report-fixture.js'

test('REPORT-007 The HTML report shows totals, filters and a clause\'s detail', clause('REPORT-007', '764ce402fa1c'), async ({ page }) => {
  let url = ''
  await Given('report.html of a run opened in Chromium', async () => {
    url = await checkedReport('pw-report-html')
    await page.goto(url)
    await expect(page.getByTestId('total-clauses')).toHaveText('8 clauses')
    evidence.data('clauses', await page.getByTestId('clause-row').count(), 'report.html')
  })
  await When('the user filters by verdict and opens a clause', async () => {
    await page.getByTestId('filter-verdict').selectOption('failed')
    await page.locator('a.clause[data-clause="KEYS-002"]').click()
  })
  await Then('the totals, the filtered clauses and the clause\'s Gherkin text, steps and failure show', async () => {
    await expect(page.getByTestId('total-accepted')).toHaveText('5 accepted')
    await expect(page.getByTestId('total-failed')).toHaveText('1 failed')
    await expect(page.getByTestId('total-waived')).toHaveText('1 waived')
    await expect(page.getByTestId('result')).toHaveText('failed')
    await expect(page.locator('tr[data-gate="no-failed"] .state')).toHaveText('FAIL')
    expect(await shownClauses(page)).toEqual(['KEYS-002'])
    await expect(page.getByTestId('detail-title')).toHaveText('KEYS-002 A revoked key is reported as revoked')
    await expect(page.getByTestId('gherkin')).toContainText('When the member checks the revoked key "old"')
    await expect(page.getByTestId('gherkin')).toContainText('Given a team "acme" with 3 keys   # Background')
    await expect(page.getByTestId('detail').locator('ol.steps li')).toHaveCount(3)
    await expect(page.getByTestId('failure')).toHaveText(`at step "Then the key is reported as revoked"\n${FAILURE}`)
    // back to every clause
    await page.getByTestId('filter-verdict').selectOption('')
    await expect(page.getByTestId('clause-row')).toHaveCount(8)
  })
})

test('REPORT-008 Hostile text in the HTML report renders as text', clause('REPORT-008', 'dcc24993a73e'), async ({ page }) => {
  const dialogs: string[] = []
  const requests: string[] = []
  let url = ''
  await Given('a clause named "<img src=x onerror=alert(1)>" and a failure message with a script tag', async () => {
    url = await checkedReport('pw-report-hostile')
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss() })
    page.on('request', (req) => { requests.push(req.url()) })
  })
  await When('report.html is opened in Chromium', async () => {
    await page.goto(url)
    await expect(page.getByTestId('total-clauses')).toHaveText('8 clauses')
    evidence.data('clauses', await page.getByTestId('clause-row').count(), 'report.html')
    await page.locator('a.clause[data-clause="KEYS-005"]').click()
  })
  await Then('the name shows as text, no script runs and no request leaves the file', async () => {
    await expect(page.locator('a.clause[data-clause="KEYS-005"] .name')).toHaveText(HOSTILE)
    await expect(page.getByTestId('gherkin')).toContainText('When a key named "<script>alert(2)</script>" is created')
    await page.locator('a.clause[data-clause="KEYS-002"]').click()
    await expect(page.getByTestId('failure')).toContainText(FAILURE)
    await expect(page.locator('img')).toHaveCount(0)
    // the page's own two scripts: its data and its code
    await expect(page.locator('script')).toHaveCount(2)
    expect(dialogs).toEqual([])
    expect(requests).toEqual([url])
  })
})
