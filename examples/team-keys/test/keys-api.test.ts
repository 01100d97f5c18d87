import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { clause, evidence, Given, Then, When, And } from 'specgate/vitest'
import { startTeamApi, type TeamApi } from './support/team-api.js'

let api: TeamApi
beforeAll(async () => { api = await startTeamApi() })
afterAll(async () => { await api?.close() })

describe("Whether a member's key works", () => {
  describe("The API answers from the team's real store", () => {
    test('KEYS-006 A member asks whether their keys work', clause('KEYS-006', '9236757af391'), async () => {
      let answer: { status: number; body: any } | undefined
      await Given('the seeded team', async () => {
        const probe = await api.get('/api/_probe')
        evidence.data('keys', probe.body.keys, 'GET /api/_probe')
        expect(probe.body.keys).toBeGreaterThan(0)
      })
      await When('ben asks GET /api/members/ben/key-status', async () => { answer = await api.get('/api/members/ben/key-status') })
      await Then(`the answer lists ben's "laptop" key`, () => {
        expect(answer!.status).toBe(200)
        expect(answer!.body.keys.map((k: any) => `${k.member}/${k.label}`)).toEqual(['ben/laptop'])
      })
      await And('the key fails with reason "revoked" and says "revoked by dana"', () => {
        expect(answer!.body.keys[0].status).toEqual({ works: false, reason: 'revoked', message: 'revoked by dana on 2026-03-10' })
      })
    })

    test('KEYS-007 Asking about an unknown member is a 404 that names the member', clause('KEYS-007', 'dbb5a387f49b'), async () => {
      let answer: { status: number; body: any } | undefined
      await Given('the seeded team', async () => {
        expect((await api.get('/api/_probe')).body.members).toBeGreaterThan(0)
      })
      await When('someone asks GET /api/members/zoe/key-status', async () => { answer = await api.get('/api/members/zoe/key-status') })
      await Then('the answer is 404 with error "unknown member: zoe"', () => {
        expect(answer).toEqual({ status: 404, body: { error: 'unknown member: zoe' } })
      })
    })
  })
})
