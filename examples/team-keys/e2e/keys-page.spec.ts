import { test, expect, clause, Given, Then, And } from 'specgate/playwright'
import { expectEveryKeyListed, openKeysPage, type ApiKey } from './support/keys-page.js'

// The tests compare the page with what the API answered, for whatever data the store holds.
// Whether there is any data at all is not theirs to check: specgate reads the probe before each
// test and rejects the run when the store was empty (see `npm run demo -- --empty`).
const REASON_LABELS = { revoked: 'revoked', expired: 'expired', 'quota-exhausted': 'quota exhausted' } as const

test.describe('The keys page and the cost page', () => {
  test('PAGE-001 The keys page shows every key of the team and whether it works', clause('PAGE-001', '40049e4f7211'), async ({ page }) => {
    let keys: ApiKey[] = []
    await Given('the keys page is open', async () => { keys = await openKeysPage(page) })
    await Then('every key the API lists is on the page', async () => { await expectEveryKeyListed(page, keys) })
    await And('each key says whether it works', async () => {
      for (const key of keys) {
        await expect(page.locator(`tr[data-key="${key.id}"] .status`)).toHaveText(key.status.works ? 'works' : /^fails: /)
      }
    })
  })

  test('PAGE-002 A key that fails says why on the keys page', clause('PAGE-002', '4d079eb3f617'), async ({ page }) => {
    let failing: ApiKey[] = []
    await Given('the keys page is open', async () => {
      failing = (await openKeysPage(page)).filter((k) => !k.status.works)
    })
    await Then('each failing key shows its reason: revoked, expired or quota exhausted', async () => {
      for (const key of failing) {
        expect(Object.keys(REASON_LABELS)).toContain(key.status.reason)
        await expect(page.locator(`tr[data-key="${key.id}"] .status`)).toHaveText(`fails: ${REASON_LABELS[key.status.reason!]}`)
      }
    })
    await And('its details say what happened', async () => {
      for (const key of failing) {
        await expect(page.locator(`tr[data-key="${key.id}"] .details`)).toHaveText(key.status.message)
      }
      await expect(page.locator('tr.failing')).toHaveCount(failing.length)
    })
  })
})
