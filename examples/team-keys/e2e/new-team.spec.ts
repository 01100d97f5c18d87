import { test, expect, clause, Given, When, Then } from 'specgate/playwright'
import { NEW_TEAM_URL } from './support/servers.js'

// A brand-new team's copy of the app (always an empty store; see playwright.config.ts).
// specgate's probe reads this server too, so the evidence shows the empty store the clause is about.
test.use({ baseURL: NEW_TEAM_URL })

test.describe('The keys page and the cost page', () => {
  test('PAGE-004 A new team sees how to add its first key', clause('PAGE-004', '9c77d607e12b'), async ({ page }) => {
    await Given('a team that has no keys yet', async () => {
      const probe = await (await page.request.get('/api/_probe')).json()
      expect(probe.keys).toBe(0)
    })
    await When('a member opens the keys page', async () => { await page.goto('/') })
    await Then('the page says the team has no keys yet and how to get one', async () => {
      const empty = page.locator('[data-empty-state]')
      await expect(empty).toBeVisible()
      await expect(empty).toContainText('Your team has no keys yet')
      await expect(empty).toContainText("Ask an admin to add your team's first AI key")
      await expect(page.locator('#keys')).toBeHidden()
    })
  })
})
