/**
 * Merging ledgers: deterministic, commutative, idempotent and associative, so sharded runs merge
 * into the same ledger as one unsharded run, and merged ledgers merge again like their fragments.
 * Re-runs (supersede.ts): within one runner and label, a complete run supersedes every older
 * source, a shard its older attempts; a filtered run's record of a test replaces the older records
 * of that test, and the older runs' other tests stay. A shard's record replaces nothing outside its
 * shard: a later attempt of that shard could supersede it without its test, and the older record
 * must then still be there, whatever order the fragments were merged in. Sources of another runner
 * or label all count (the verdict takes the worse). What was replaced is returned, never dropped
 * silently.
 */
import type { Evidence, Ledger, LedgerSource } from './schema.js'
import { LEDGER_SCHEMA_VERSION } from './names.js'
import { compareStrings, sortedItem } from './sorted-json.js'
import { compareSources, isFiltered, liveSources, type Superseded } from './supersede.js'

export type { Superseded } from './supersede.js'

export interface MergeResult {
  ledger: Ledger
  /** fragments replaced by newer runs, whole or some of their test results, in source-id order */
  superseded: Superseded[]
}

export function emptyLedger(): Ledger {
  return { schemaVersion: LEDGER_SCHEMA_VERSION, kind: 'specgate-ledger', sources: [], evidence: [], errors: [] }
}

export function mergeLedgers(ledgers: readonly Ledger[]): Ledger {
  return mergeFragments(ledgers).ledger
}

export function mergeFragments(ledgers: readonly Ledger[]): MergeResult {
  const { live: sources, superseded } = liveSources(ledgers.flatMap((l) => l.sources))
  const live = new Map(sources.map((s) => [s.id, s]))
  const replaced = new Replaced()
  const evidence = latestEvidence(ledgers.flatMap((l) => l.evidence).filter((e) => live.has(e.source)), live, replaced)
  const errors = uniqueBy(ledgers.flatMap((l) => l.errors).filter((e) => live.has(e.source)), (e) => `${e.source}\u0000${e.message}`)
  const ledger: Ledger = {
    schemaVersion: LEDGER_SCHEMA_VERSION,
    kind: 'specgate-ledger',
    sources: sources.sort((a, b) => compareStrings(a.id, b.id)),
    evidence,
    errors: errors.sort((a, b) => compareStrings(a.source, b.source) || compareStrings(a.message, b.message)),
  }
  const all = [...superseded, ...replaced.list()]
  return { ledger, superseded: all.sort((a, b) => compareStrings(a.source.id, b.source.id) || compareStrings(a.by.id, b.by.id)) }
}

/**
 * The records that count, in compareSlot order: sorted, the records of one test stand next to
 * each other, so no key text and no map is made per record (which were most of merging 60,000
 * records); only a test reported more than once (a retry, a re-run) looks at its sources.
 */
function latestEvidence(all: Evidence[], sources: Map<string, LedgerSource>, replaced: Replaced): Evidence[] {
  const sorted = all.sort(compareSlot) // a list made for this call
  const out: Evidence[] = []
  for (let i = 0; i < sorted.length; ) {
    let end = i + 1
    while (end < sorted.length && compareIdentity(sorted[i]!, sorted[end]!) === 0) end++
    if (end === i + 1) out.push(sorted[i]!)
    else out.push(...latestOfTest(sorted.slice(i, end), sources, replaced))
    i = end
  }
  return out
}

/**
 * One test's records from several sources, or several from one: the newest per source, then, per
 * label, a filtered run's record replaces those of older sources.
 */
function latestOfTest(records: readonly Evidence[], sources: Map<string, LedgerSource>, replaced: Replaced): Evidence[] {
  const perSource = newestPerSource(records)
  const newestFiltered = new Map<string, LedgerSource>()
  for (const e of perSource) {
    const s = sources.get(e.source)!
    const held = newestFiltered.get(s.label)
    if (isFiltered(s) && (!held || compareSources(s, held) > 0)) newestFiltered.set(s.label, s)
  }
  if (newestFiltered.size === 0) return perSource
  return perSource.filter((e) => {
    const s = sources.get(e.source)!
    const by = newestFiltered.get(s.label)
    if (!by || compareSources(s, by) >= 0) return true
    replaced.add(s, by)
    return false
  })
}

/** Records of one source stand next to each other (compareSlot); the newest by text is kept. */
function newestPerSource(records: readonly Evidence[]): Evidence[] {
  const out: Evidence[] = []
  for (const e of records) {
    const held = out.at(-1)
    if (held === undefined || held.source !== e.source) out.push(e)
    else if (compareStrings(sortedItem(e), sortedItem(held)) > 0) out[out.length - 1] = e
  }
  return out
}

/** How many records of which source a newer filtered run replaced. */
class Replaced {
  private readonly counts = new Map<string, Superseded & { records: number }>()

  add(source: LedgerSource, by: LedgerSource): void {
    const key = `${source.id}\u0000${by.id}`
    const held = this.counts.get(key)
    if (held) held.records++
    else this.counts.set(key, { source, by, records: 1 })
  }

  list(): Superseded[] {
    return [...this.counts.values()]
  }
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

/** The merged ledger's order of one source's records: identity, then the record's text. */
export function compareEvidence(a: Evidence, b: Evidence): number {
  return compareIdentity(a, b) || compareStrings(sortedItem(a), sortedItem(b))
}

function uniqueBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  return [...new Map(items.map((i) => [key(i), i])).values()]
}
