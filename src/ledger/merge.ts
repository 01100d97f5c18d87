/**
 * Merging ledgers: deterministic, commutative and idempotent, so sharded runs merge into the same
 * ledger as one unsharded run. A newer fragment of the same runner, label and shard supersedes an
 * older one (the latest attempt wins). Records are deduplicated per source only: a test reported
 * by two live sources counts twice (the verdict takes the worse), so superseding a source can never
 * take another source's record with it, whatever order fragments are merged in.
 */
import type { Evidence, Ledger, LedgerSource } from './schema.js'
import { LEDGER_SCHEMA_VERSION } from './names.js'
import { compareStrings, sortedItem } from './sorted-json.js'

export function emptyLedger(): Ledger {
  return { schemaVersion: LEDGER_SCHEMA_VERSION, kind: 'specgate-ledger', sources: [], evidence: [], errors: [] }
}

export function mergeLedgers(ledgers: readonly Ledger[]): Ledger {
  const sources = latestSources(ledgers.flatMap((l) => l.sources))
  const live = new Map(sources.map((s) => [s.id, s]))
  const evidence = latestEvidence(ledgers.flatMap((l) => l.evidence).filter((e) => live.has(e.source)), live)
  const errors = uniqueBy(ledgers.flatMap((l) => l.errors).filter((e) => live.has(e.source)), (e) => `${e.source}\u0000${e.message}`)
  return {
    schemaVersion: LEDGER_SCHEMA_VERSION,
    kind: 'specgate-ledger',
    sources: sources.sort((a, b) => compareStrings(a.id, b.id)),
    evidence,
    errors: errors.sort((a, b) => compareStrings(a.source, b.source) || compareStrings(a.message, b.message)),
  }
}

/** Which run slot a source fills: a re-run of the same slot replaces it. */
export function sourceSlot(s: LedgerSource): string {
  return [s.runner, s.label, s.shard ? `${s.shard.index}/${s.shard.total}` : '*'].join('\u0000')
}

function latestSources(all: readonly LedgerSource[]): LedgerSource[] {
  const bySlot = new Map<string, LedgerSource>()
  for (const s of all) {
    const held = bySlot.get(sourceSlot(s))
    if (!held || compareSources(s, held) > 0) bySlot.set(sourceSlot(s), s)
  }
  return [...bySlot.values()]
}

function compareSources(a: LedgerSource, b: LedgerSource): number {
  return compareStrings(a.createdAt, b.createdAt) || compareStrings(sortedItem(a), sortedItem(b))
}

/** The identity of one test result for one case (one template: it is made for every record merged). */
export function evidenceKey(e: Evidence): string {
  return `${e.runner}\u0000${e.test.project ?? ''}\u0000${e.test.file}\u0000${e.test.title}\u0000${e.caseKey}`
}

/** One record per source and identity (the newest), in compareEvidence order. */
function latestEvidence(all: readonly Evidence[], sources: Map<string, LedgerSource>): Evidence[] {
  const byKey = new Map<string, Evidence>()
  const textOf = memo(sortedItem)
  for (const e of all) {
    const key = `${evidenceKey(e)}\u0000${e.source}`
    const held = byKey.get(key)
    if (!held || newer(e, held, sources, textOf)) byKey.set(key, e)
  }
  // Keys are unique here, so compareEvidence never reaches its text tie-break: sorting by
  // the precomputed key gives its order without building a key per comparison (60,000 records).
  const keyed = [...byKey].map(([key, e]) => ({ key, e }))
  keyed.sort((a, b) => compareStrings(a.e.clauseId, b.e.clauseId) || compareStrings(a.e.caseKey, b.e.caseKey) || compareStrings(a.key, b.key))
  return keyed.map((k) => k.e)
}

function newer(a: Evidence, b: Evidence, sources: Map<string, LedgerSource>, textOf: (e: Evidence) => string): boolean {
  const at = (e: Evidence) => sources.get(e.source)?.createdAt ?? ''
  return (compareStrings(at(a), at(b)) || compareStrings(textOf(a), textOf(b))) > 0
}

function memo<K extends object, V>(f: (k: K) => V): (k: K) => V {
  const cache = new WeakMap<K, V>()
  return (k) => {
    if (!cache.has(k)) cache.set(k, f(k))
    return cache.get(k)!
  }
}

export function compareEvidence(a: Evidence, b: Evidence): number {
  return (
    compareStrings(a.clauseId, b.clauseId) ||
    compareStrings(a.caseKey, b.caseKey) ||
    compareStrings(evidenceKey(a), evidenceKey(b)) ||
    compareStrings(sortedItem(a), sortedItem(b))
  )
}

function uniqueBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  return [...new Map(items.map((i) => [key(i), i])).values()]
}
