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

/**
 * One record per source and identity (the newest), in compareSlot order: sorted, the records of
 * one slot stand next to each other, so no key text and no map is made per record (which were
 * most of merging 60,000 records).
 */
function latestEvidence(all: Evidence[], sources: Map<string, LedgerSource>): Evidence[] {
  const sorted = all.sort(compareSlot) // a list made for this call
  const textOf = memo(sortedItem)
  const out: Evidence[] = []
  for (const e of sorted) {
    const held = out.at(-1)
    if (held === undefined || compareSlot(held, e) !== 0) out.push(e)
    else if (newer(e, held, sources, textOf)) out[out.length - 1] = e
  }
  return out
}

/** A record's place in the merged ledger: its identity (compareIdentity), then its source. */
function compareSlot(a: Evidence, b: Evidence): number {
  return compareIdentity(a, b) || compareStrings(a.source, b.source)
}

/**
 * The identity of one test result for one case, in the merged ledger's order: clause, case,
 * runner, project, file, title. Fields are compared one by one, so no key text is made per record.
 */
function compareIdentity(a: Evidence, b: Evidence): number {
  return (
    compareStrings(a.clauseId, b.clauseId) ||
    compareStrings(a.caseKey, b.caseKey) ||
    compareStrings(a.runner, b.runner) ||
    compareStrings(a.test.project ?? '', b.test.project ?? '') ||
    compareStrings(a.test.file, b.test.file) ||
    compareStrings(a.test.title, b.test.title)
  )
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

/** The merged ledger's order of one source's records: identity, then the record's text. */
export function compareEvidence(a: Evidence, b: Evidence): number {
  return compareIdentity(a, b) || compareStrings(sortedItem(a), sortedItem(b))
}

function uniqueBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  return [...new Map(items.map((i) => [key(i), i])).values()]
}
