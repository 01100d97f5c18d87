/**
 * The id prefix of a feature file: the configured one (`ids.prefixes`, first matching glob), else
 * the one its clauses already use, else its folder's name, else its file name.
 */
import path from 'node:path'
import type { SpecgateConfig } from '../config/schema.js'
import type { Clause } from '../spec/model.js'
import { matchesGlob } from '../util/glob.js'

/** Folder names that say nothing about the area of a feature. */
const GENERIC_FOLDERS = new Set(['', '.', 'features', 'feature', 'specs', 'spec', 'specification', 'specifications'])

export function choosePrefix(file: string, clauses: readonly Clause[], config: SpecgateConfig): string {
  for (const [glob, prefix] of Object.entries(config.ids.prefixes)) if (matchesGlob(file, glob)) return prefix
  return prefixInUse(clauses) ?? prefixFromPath(file)
}

/** The prefix most of the file's ids already have (the first one seen wins a tie). */
function prefixInUse(clauses: readonly Clause[]): string | undefined {
  const counts = new Map<string, number>()
  for (const c of clauses) {
    const m = c.id ? /^(.+)-\d+$/.exec(c.id) : null
    if (m) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1)
  }
  let best: string | undefined
  for (const [p, n] of counts) if (!best || n > counts.get(best)!) best = p
  return best
}

export function prefixFromPath(file: string): string {
  const folder = path.posix.basename(path.posix.dirname(file))
  const name = GENERIC_FOLDERS.has(folder.toLowerCase()) ? path.posix.basename(file).replace(/\.feature(\.md)?$/, '') : folder
  const word = name.toUpperCase().replace(/[^A-Z0-9]/g, '')
  if (!word) return 'SPEC'
  return /^[A-Z]/.test(word) ? word : `F${word}`
}
