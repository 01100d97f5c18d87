import { describe, expect, test } from 'vitest'
import { clause, Given, Then, When, And } from 'specgate/vitest'
import { keyStatus, type Key, type KeyStatus } from '../src/domain/key-status.js'
import { parseUsd } from '../src/domain/money.js'

const key = (over: Partial<Key> = {}): Key => ({
  id: 'key-1', member: 'ana', label: 'ci', expiresAt: null, revokedAt: null, revokedBy: null, monthlyQuotaCents: 5000, ...over,
})
const on = (day: string) => new Date(`${day}T12:00:00Z`)

describe("Whether a member's key works", () => {
  describe('A key works when it is neither revoked nor expired and its monthly quota is not spent', () => {
    test('KEYS-001 A key that is active, unexpired and within its quota works', clause('KEYS-001', 'ca687c12e256'), async () => {
      let k = key()
      let spent = 0
      let status: KeyStatus | undefined
      await Given('a key that expires on 2026-06-30 with a monthly quota of $50.00', () => {
        k = key({ expiresAt: on('2026-06-30'), monthlyQuotaCents: parseUsd('$50.00') })
      })
      await And('$12.30 spent on it this month', () => { spent = parseUsd('$12.30') })
      await When('its status is checked on 2026-03-15', () => { status = keyStatus(k, spent, on('2026-03-15')) })
      await Then('the key works', () => {
        expect(status).toMatchObject({ works: true, reason: null })
      })
      await And('the member sees "works: $12.30 of $50.00 spent this month"', () => {
        expect(status?.message).toBe('works: $12.30 of $50.00 spent this month')
      })
    })

    test('KEYS-002 An expired key fails and says since when', clause('KEYS-002', '90bad45fb54d'), async () => {
      let k = key()
      let status: KeyStatus | undefined
      await Given('a key that expired on 2026-03-01', () => { k = key({ expiresAt: new Date('2026-03-01T00:00:00Z') }) })
      await When('its status is checked on 2026-03-15', () => { status = keyStatus(k, 0, on('2026-03-15')) })
      await Then('the key fails with reason "expired"', () => {
        expect(status).toMatchObject({ works: false, reason: 'expired' })
      })
      await And('the member sees "expired on 2026-03-01: ask an admin for a new key"', () => {
        expect(status?.message).toBe('expired on 2026-03-01: ask an admin for a new key')
      })
    })

    test('KEYS-003 A revoked key fails and says who revoked it', clause('KEYS-003', '595c95728b8d'), async () => {
      let k = key()
      let status: KeyStatus | undefined
      await Given('a key that dana revoked on 2026-03-10', () => {
        k = key({ expiresAt: on('2026-12-31'), revokedAt: on('2026-03-10'), revokedBy: 'dana' })
      })
      await When('its status is checked on 2026-03-15', () => { status = keyStatus(k, 0, on('2026-03-15')) })
      await Then('the key fails with reason "revoked"', () => {
        expect(status).toMatchObject({ works: false, reason: 'revoked' })
      })
      await And('the member sees "revoked by dana on 2026-03-10"', () => {
        expect(status?.message).toBe('revoked by dana on 2026-03-10')
      })
    })

    // one test per Examples row, named by its row; the row's values drive the steps
    const quotaRows = [
      { quota: '$50.00', spent: '$49.99', status: 'works' },
      { quota: '$50.00', spent: '$50.00', status: 'quota-exhausted' },
      { quota: '$50.00', spent: '$63.10', status: 'quota-exhausted' },
    ]
    quotaRows.forEach((row, i) => {
      test(`KEYS-004[${i + 1}] A key whose monthly quota is spent fails until the month ends (spent: ${row.spent})`,
        clause('KEYS-004', '61a39b5971c4', { row: i + 1 }), async () => {
          let k = key()
          let spent = 0
          let status: KeyStatus | undefined
          await Given(`a key that expires on 2026-06-30 with a monthly quota of ${row.quota}`, () => {
            k = key({ expiresAt: on('2026-06-30'), monthlyQuotaCents: parseUsd(row.quota) })
          })
          await And(`${row.spent} spent on it this month`, () => { spent = parseUsd(row.spent) })
          await When('its status is checked on 2026-03-15', () => { status = keyStatus(k, spent, on('2026-03-15')) })
          await Then(`the key's status is "${row.status}"`, () => {
            expect(status?.works ? 'works' : status?.reason).toBe(row.status)
          })
        })
    })

    test('KEYS-005 When several reasons hold, the member sees the one they can least fix', clause('KEYS-005', '56c8357ff723'), async () => {
      let k = key()
      let spent = 0
      let status: KeyStatus | undefined
      await Given('a key that expired on 2026-03-01', () => { k = key({ expiresAt: new Date('2026-03-01T00:00:00Z') }) })
      await And('dana revoked it on 2026-03-10', () => { k = { ...k, revokedAt: on('2026-03-10'), revokedBy: 'dana' } })
      await And('its monthly quota of $5.00 is spent', () => {
        k = { ...k, monthlyQuotaCents: 500 }
        spent = 500
      })
      await When('its status is checked on 2026-03-15', () => { status = keyStatus(k, spent, on('2026-03-15')) })
      await Then('the key fails with reason "revoked"', () => {
        expect(status).toMatchObject({ works: false, reason: 'revoked' })
      })
    })
  })
})
