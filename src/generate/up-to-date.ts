/**
 * The no-change fast path: a fingerprint of every feature and test file (path, size, mtime) and
 * the config, saved after a complete run. When it matches, nothing can need a skeleton, so the
 * SPEC is not parsed again (the same trust in mtimes that make and tsc --incremental place).
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { glob } from 'tinyglobby'
import type { SpecgateConfig } from '../config/schema.js'

export const CACHE_FILE = '.specgate/cache/generate.json'
const CACHE_VERSION = 1

export interface UpToDate {
  fingerprint: string
  /** the `skipped ...` lines of the run that saved it, printed again on a fast run */
  skipped: string[]
}

export async function fingerprint(root: string, config: SpecgateConfig, testGlobs: readonly string[]): Promise<string> {
  const files = await glob([...config.features, ...testGlobs], { cwd: root, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'] })
  const hash = createHash('sha256').update(`${CACHE_VERSION}\0${JSON.stringify(config)}\0`)
  for (const f of [...new Set(files)].sort()) {
    const st = fs.statSync(path.join(root, f), { bigint: true })
    hash.update(`${f}\0${st.size}\0${st.mtimeNs}\n`)
  }
  return hash.digest('hex')
}

export function readUpToDate(root: string): UpToDate | undefined {
  try {
    const saved = JSON.parse(fs.readFileSync(path.join(root, CACHE_FILE), 'utf8')) as Partial<UpToDate>
    return typeof saved.fingerprint === 'string' && Array.isArray(saved.skipped) ? { fingerprint: saved.fingerprint, skipped: saved.skipped } : undefined
  } catch {
    return undefined // no cache or an unreadable one: the full run decides, as it always may
  }
}

export function writeUpToDate(root: string, state: UpToDate): void {
  const file = path.join(root, CACHE_FILE)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, `${JSON.stringify(state)}\n`)
}
