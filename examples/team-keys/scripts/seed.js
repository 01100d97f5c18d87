// @ts-check
/**
 * The seeded team: five keys that between them show every status (works, revoked, expired, quota
 * exhausted), usage on three projects and three priced models, and one row on a model finance has
 * not priced yet. Dates are relative to `now`, so the story holds on any day.
 *
 *   node scripts/seed.js --data .data/dev     seed a persisted store (then: npm start)
 *
 * The E2E set-up seeds an in-memory store instead (src/main.js --seed).
 */
import { pathToFileURL } from 'node:url'
import { monthStart } from '../src/domain/key-status.js'
import { openStore } from '../src/store/open-store.js'

const DAY = 86_400_000

/** @param {import('@electric-sql/pglite').PGlite} db @param {Date} now */
export async function seed(db, now) {
  const at = (/** @type {number} */ days) => new Date(now.getTime() + days * DAY)
  // usage rows must fall in the current month whatever day it is
  const thisMonth = (/** @type {number} */ minutes) =>
    new Date(Math.max(monthStart(now).getTime(), now.getTime() - minutes * 60_000))
  await db.transaction(async (tx) => {
    for (const [id, name, role] of [['ana', 'Ana', 'member'], ['ben', 'Ben', 'member'], ['chen', 'Chen', 'member'], ['dana', 'Dana', 'admin']]) {
      await tx.query('insert into members (id, name, role) values ($1, $2, $3)', [id, name, role])
    }
    for (const [id, name] of [['web', 'Web app'], ['api', 'Public API'], ['data', 'Data pipeline']]) {
      await tx.query('insert into projects (id, name) values ($1, $2)', [id, name])
    }
    for (const [id, input, output] of [['orion-large', 300, 1500], ['orion-small', 80, 400], ['vega-embed', 2, 0]]) {
      await tx.query('insert into models (id, input_cents_per_mtok, output_cents_per_mtok) values ($1, $2, $3)', [id, input, output])
    }
    /** @type {[string, string, string, Date | null, Date | null, string | null, number][]} */
    const keys = [
      ['key-ana-ci', 'ana', 'ci', at(90), null, null, 5000],
      ['key-ana-laptop', 'ana', 'laptop', at(90), null, null, 2000],
      ['key-ben-laptop', 'ben', 'laptop', at(60), at(-5), 'dana', 5000],
      ['key-chen-notebook', 'chen', 'notebook', at(-14), null, null, 5000],
      ['key-dana-admin', 'dana', 'admin', at(180), null, null, 500],
    ]
    for (const [id, member, label, expires, revoked, revokedBy, quota] of keys) {
      await tx.query(
        `insert into keys (id, member_id, label, created_at, expires_at, revoked_at, revoked_by, monthly_quota_cents)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, member, label, at(-120), expires, revoked, revokedBy, quota],
      )
    }
    /** @type {[string, string, string, number, number][]} */
    const usage = [
      ['key-ana-ci', 'web', 'orion-large', 1_200_000, 80_000],
      ['key-ana-ci', 'api', 'orion-small', 2_000_000, 300_000],
      ['key-ana-laptop', 'data', 'vega-embed', 5_000_000, 0],
      ['key-ben-laptop', 'web', 'orion-small', 500_000, 50_000],
      ['key-chen-notebook', 'data', 'orion-large', 100_000, 10_000],
      ['key-dana-admin', 'api', 'orion-large', 1_500_000, 100_000],
      ['key-ana-ci', 'data', 'legacy-x', 40_000, 2_000],
    ]
    let minutes = 0
    for (const [key, project, model, input, output] of usage) {
      await tx.query(
        'insert into usage (key_id, project_id, model_id, input_tokens, output_tokens, at) values ($1, $2, $3, $4, $5, $6)',
        [key, project, model, input, output, thisMonth((minutes += 7))],
      )
    }
  })
}

async function main() {
  const i = process.argv.indexOf('--data')
  const dataDir = i > 0 ? process.argv[i + 1] : undefined
  if (!dataDir) throw new Error('usage: node scripts/seed.js --data <folder>')
  const db = await openStore({ dataDir })
  await seed(db, new Date())
  await db.close()
  console.log(`seeded ${dataDir}`)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
