/**
 * The no-change fast path: a fingerprint of every feature and test file (path, size, mtime) and
 * the config, saved after a complete run. When it matches, nothing can need a skeleton, so the
 * SPEC is not parsed again (the same trust in mtimes that make and tsc --incremental place).
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { SpecgateConfig } from '../config/schema.js'
import { stampOf } from '../util/new-file.js'

export const CACHE_FILE = '.specgate/cache/generate.json'
const CACHE_VERSION = 2

export interface UpToDate {
  fingerprint: string
  /** the `skipped ...` lines of the run that saved it, printed again on a fast run */
  skipped: string[]
  /** the number of feature files that run read */
  features: number
}

/** Root-relative file -> `size mtimeNs`, what the fingerprint trusts. */
export type Stamps = Map<string, string>

/** Stat every file; taken before the files are read, so a change made during the run shows next time. */
export function stampFiles(root: string, files: Iterable<string>): Stamps {
  const stamps: Stamps = new Map()
  for (const f of files) {
    const st = fs.statSync(path.join(root, f), { throwIfNoEntry: false })
    if (st) stamps.set(f, stampOf(st))
  }
  return stamps
}

export function fingerprintOf(config: SpecgateConfig, stamps: Stamps): string {
  const hash = createHash('sha256').update(`${CACHE_VERSION}\0${JSON.stringify(config)}\0`)
  for (const f of [...stamps.keys()].sort()) hash.update(`${f}\0${stamps.get(f)}\n`)
  return hash.digest('hex')
}

export function readUpToDate(root: string): UpToDate | undefined {
  try {
    const saved = JSON.parse(fs.readFileSync(path.join(root, CACHE_FILE), 'utf8')) as Partial<UpToDate>
    if (typeof saved.fingerprint !== 'string' || !Array.isArray(saved.skipped) || typeof saved.features !== 'number') return undefined
    return { fingerprint: saved.fingerprint, skipped: saved.skipped, features: saved.features }
  } catch {
    return undefined // no cache or an unreadable one: the full run decides, as it always may
  }
}

/**
 * Saves the state; the cache is only a shortcut, so one that cannot be written (a file named
 * `.specgate`, no permission, a full disk) costs the next run its fast path, never this run: the
 * reason comes back as one warning line naming the file, for the caller to show.
 */
export function writeUpToDate(root: string, state: UpToDate): string | undefined {
  const file = path.join(root, CACHE_FILE)
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, `${JSON.stringify(state)}\n`)
    return undefined
  } catch (err) {
    return `specgate: warning: ${CACHE_FILE}: cannot save the up-to-date cache (${(err as Error).message}); the next run reads the whole SPEC again`
  }
}
