import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { clause, evidence, Given, Then, When, And } from 'specgate/vitest'
import { startTeamApi, type TeamApi } from './support/team-api.js'

let api: TeamApi
beforeAll(async () => { api = await startTeamApi() })
afterAll(async () => { await api?.close() })

// What the seeded team spent this month, worked out by hand from scripts/seed.js and the prices
const EXPECTED: Record<string, Record<string, string>> = {
  member: { ana: '$7.70', ben: '$0.60', chen: '$0.45', dana: '$6.00' },
  project: { api: '$8.80', data: '$0.55', web: '$5.40' },
  model: { 'orion-large': '$11.25', 'orion-small': '$3.40', 'vega-embed': '$0.10' },
}
const usd = (cents: number) => `$${(cents / 100).toFixed(2)}`

describe('Usage cost attributed by member, project and model', () => {
  const dimensions = ['member', 'project', 'model'] as const
  dimensions.forEach((dimension, i) => {
    test(`COST-004[${i + 1}] The cost API attributes this month's usage by ${dimension}`,
      clause('COST-004', 'cdf9a94f7bb4', { row: i + 1 }), async () => {
        let answer: { status: number; body: any } | undefined
        await Given('the seeded team', async () => {
          // @requires-data:usage>=3: the evidence says how much usage the store held
          const probe = await api.get('/api/_probe')
          evidence.data('usage', probe.body.usage, 'GET /api/_probe')
        })
        await When(`finance asks GET /api/cost?by=${dimension}`, async () => { answer = await api.get(`/api/cost?by=${dimension}`) })
        await Then(`each ${dimension} with usage has a line with its cost`, () => {
          expect(answer!.status).toBe(200)
          const lines = Object.fromEntries(answer!.body.lines.map((l: any) => [l.key, usd(l.cents)]))
          expect(lines).toEqual(EXPECTED[dimension])
        })
        await And('the lines add up to the team total', () => {
          const sum = answer!.body.lines.reduce((s: number, l: any) => s + l.cents, 0)
          expect(usd(answer!.body.totalCents)).toBe('$14.75')
          expect(sum).toBe(answer!.body.totalCents)
        })
      })
  })

  test('COST-005 Cost for an unknown project is a 404 that names the project', clause('COST-005', '731258f8a3a5'), async () => {
    let answer: { status: number; body: any } | undefined
    await Given('the seeded team', async () => {
      expect((await api.get('/api/_probe')).body.projects).toBeGreaterThan(0)
    })
    await When('finance asks GET /api/cost?by=model&project=zeta', async () => { answer = await api.get('/api/cost?by=model&project=zeta') })
    await Then('the answer is 404 with error "unknown project: zeta"', () => {
      expect(answer).toEqual({ status: 404, body: { error: 'unknown project: zeta' } })
    })
  })
})
