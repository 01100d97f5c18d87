import { test, expect, clause, Given, When, Then, And } from 'specgate/playwright'
import type { Page } from '@playwright/test'
import { formatCents } from '../src/domain/money.js'

interface CostReport {
  totalCents: number
  lines: { key: string; cents: number }[]
}

const costResponse = (page: Page, by: string) =>
  page.waitForResponse((r) => new URL(r.url()).pathname === '/api/cost' && new URL(r.url()).searchParams.get('by') === by)

test.describe('The keys page and the cost page', () => {
  test("PAGE-003 The cost page shows this month's cost by member, project and model", clause('PAGE-003', '03bc61ff296f'), async ({ page }) => {
    let report: CostReport | undefined
    await Given('the cost page is open', async () => {
      const first = costResponse(page, 'member')
      await page.goto('/cost')
      await first
    })
    await When('finance views the cost by project', async () => {
      const byProject = costResponse(page, 'project')
      await page.locator('#by').selectOption('project')
      report = (await (await byProject).json()) as CostReport
      await expect(page.locator('#dimension')).toHaveText('Project')
    })
    await Then('every project the API reports is on the page with its cost', async () => {
      await expect(page.locator('#cost tbody tr')).toHaveCount(report!.lines.length)
      for (const line of report!.lines) {
        await expect(page.locator(`#cost tr[data-key="${line.key}"] .cost`)).toHaveText(formatCents(line.cents))
      }
    })
    await And("the page total is the team total the API reports", async () => {
      await expect(page.locator('#total')).toHaveText(formatCents(report!.totalCents))
    })
  })
})
