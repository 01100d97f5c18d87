// @ts-check
/**
 * Starts the team-keys server.
 *
 *   node src/main.js [--port 4173] [--data <folder>] [--seed]
 *
 * Without --data the store lives in memory. --seed fills it with the seeded team (scripts/seed.js),
 * unless TEAM_KEYS_EMPTY=1: then the store stays empty, as a new team's would be.
 */
import { seed } from '../scripts/seed.js'
import { createApp } from './api/app.js'
import { openStore } from './store/open-store.js'
import { entityCounts } from './store/queries.js'

const args = process.argv.slice(2)
const option = (/** @type {string} */ name) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}

const port = Number(option('--port') ?? process.env.PORT ?? 4173)
const db = await openStore({ dataDir: option('--data') })
if (args.includes('--seed') && process.env.TEAM_KEYS_EMPTY !== '1') await seed(db, new Date())
const counts = await entityCounts(db)
const server = createApp({ db })
server.listen(port, '127.0.0.1', () => {
  const what = Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', ')
  console.log(`team-keys on http://127.0.0.1:${port} (store: ${what})`)
})
const stop = () => server.close(() => db.close().then(() => process.exit(0)))
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
