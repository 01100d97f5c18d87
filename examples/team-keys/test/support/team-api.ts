/**
 * The real app over a real store for integration tests: an in-memory PGlite seeded with the
 * seeded team, served on a free port, with the clock fixed so dates in answers are known.
 */
import type { AddressInfo } from 'node:net'
import { seed } from '../../scripts/seed.js'
import { createApp } from '../../src/api/app.js'
import { openStore } from '../../src/store/open-store.js'

export const NOW = new Date('2026-03-15T12:00:00Z')

export interface TeamApi {
  url: string
  get(path: string): Promise<{ status: number; body: any }>
  close(): Promise<void>
}

export async function startTeamApi(): Promise<TeamApi> {
  const db = await openStore()
  await seed(db, NOW)
  const server = createApp({ db, now: () => NOW })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    async get(path) {
      const res = await fetch(url + path)
      return { status: res.status, body: await res.json() }
    },
    async close() {
      await new Promise((resolve) => server.close(resolve))
      await db.close()
    },
  }
}
