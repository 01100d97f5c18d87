/** What the keys-page tests share: open it and read what the API told it, compare rows to the API. */
import type { Page } from '@playwright/test'
import { expect } from 'specgate/playwright'

export interface ApiKey {
  id: string
  member: string
  label: string
  status: { works: boolean; reason: 'revoked' | 'expired' | 'quota-exhausted' | null; message: string }
}

/** Opens the keys page and returns the keys the page received from the API. */
export async function openKeysPage(page: Page): Promise<ApiKey[]> {
  const response = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/keys')
  await page.goto('/')
  const keys = (await (await response).json()) as ApiKey[]
  await expect(page.locator('#loading')).toBeHidden()
  return keys
}

export async function expectEveryKeyListed(page: Page, keys: readonly ApiKey[]): Promise<void> {
  const rows = page.locator('#keys tbody tr')
  await expect(rows).toHaveCount(keys.length)
  const shown = await rows.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.key))
  expect(shown).toEqual(keys.map((k) => k.id))
}
