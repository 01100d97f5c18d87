// @ts-check
/**
 * The store: a real PostgreSQL engine (PGlite) embedded in the process, in memory or persisted in
 * a data folder. Opening it applies the schema, so a new data folder is a new, empty team.
 */
import fs from 'node:fs'
import { PGlite } from '@electric-sql/pglite'

const SCHEMA = fs.readFileSync(new URL('./schema.sql', import.meta.url), 'utf8')

/**
 * @param {{ dataDir?: string }} [options] no dataDir: in memory, gone when the process ends
 * @returns {Promise<PGlite>}
 */
export async function openStore(options = {}) {
  const db = options.dataDir ? await PGlite.create(options.dataDir) : await PGlite.create()
  await db.exec(SCHEMA)
  return db
}
