/**
 * Which fragments a re-run replaces as a whole. Within one runner and label, a complete run (not
 * partial, no shard) supersedes every older source, and a shard supersedes older attempts of the
 * same shard: the latest attempt wins. A filtered run supersedes no source as a whole; its tests'
 * records win one by one (merge.ts). Sources of another runner or label never supersede each
 * other: both count, and the verdict takes the worse.
 */
import type { LedgerSource } from './schema.js'
import { compareStrings, sortedItem } from './sorted-json.js'
import { groupBy } from '../util/group-by.js'

/** A fragment whose evidence no longer counts, all of it or some of its test results. */
export interface Superseded {
  source: LedgerSource
  /** the newest source that replaced it */
  by: LedgerSource
  /** how many of its test results a newer filtered run replaced; undefined: the whole fragment */
  records?: number
}

interface LiveSources {
  live: LedgerSource[]
  superseded: Superseded[]
}

function isComplete(s: LedgerSource): boolean {
  return !s.partial && !s.shard
}

/** A run limited by a file, name or tag filter, unsharded: its records replace older ones test by test. */
export function isFiltered(s: LedgerSource): boolean {
  return s.partial && !s.shard
}

/** Older first: creation time, then the source's text, so equal times still order the same everywhere. */
export function compareSources(a: LedgerSource, b: LedgerSource): number {
  return compareStrings(a.createdAt, b.createdAt) || compareStrings(sortedItem(a), sortedItem(b))
}

export function liveSources(all: readonly LedgerSource[]): LiveSources {
  const out: LiveSources = { live: [], superseded: [] }
  for (const group of groupBy(uniqueById(all), (s) => `${s.runner}\u0000${s.label}`).values()) supersede(group, out)
  return out
}

/**
 * Newest first, remembering the newest complete run and the newest attempt of each shard: the
 * newer of the two that applies is the source's newest superseder, which is itself live.
 */
function supersede(group: LedgerSource[], out: LiveSources): void {
  let complete: LedgerSource | undefined
  const shards = new Map<string, LedgerSource>()
  for (const s of group.sort((a, b) => compareSources(b, a))) {
    const shard = s.shard && `${s.shard.index}/${s.shard.total}`
    const sameShard = shard ? shards.get(shard) : undefined
    const by = complete && sameShard ? (compareSources(complete, sameShard) > 0 ? complete : sameShard) : complete ?? sameShard
    if (by) out.superseded.push({ source: s, by })
    else out.live.push(s)
    if (isComplete(s)) complete ??= s
    if (shard && !sameShard) shards.set(shard, s)
  }
}

/** One source per id: the same fragment given twice is one. */
function uniqueById(all: readonly LedgerSource[]): LedgerSource[] {
  const byId = new Map<string, LedgerSource>()
  for (const s of all) {
    const held = byId.get(s.id)
    if (!held || compareSources(s, held) > 0) byId.set(s.id, s)
  }
  return [...byId.values()]
}
