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
  const live = rankSources(sources)
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

/** A live source and its place among them all, oldest first (compareSources): records' sources compare as integers. */
interface Ranked {
  source: LedgerSource
  rank: number
}

function rankSources(sources: readonly LedgerSource[]): Map<string, Ranked> {
  const oldestFirst = [...sources].sort(compareSources)
  return new Map(oldestFirst.map((source, rank) => [source.id, { source, rank }]))
}

/**
 * The records that count, in compareSlot order: sorted, the records of one test stand next to
 * each other, so no key text and no map is made per record (which were most of merging 60,000
 * records). A test reported more than once goes through the re-run rules only when one of its
 * sources is a filtered run or a source repeats; otherwise all its records count as they are.
 */
function latestEvidence(all: Evidence[], sources: Map<string, Ranked>, replaced: Replaced): Evidence[] {
  const sorted = all.sort(compareSlot) // a list made for this call
  const out: Evidence[] = []
  for (let i = 0; i < sorted.length; ) {
    let end = i + 1
    while (end < sorted.length && compareIdentity(sorted[i]!, sorted[end]!) === 0) end++
    if (!needsRules(sorted, i, end, sources)) for (let j = i; j < end; j++) out.push(sorted[j]!)
    else out.push(...latestOfTest(sorted.slice(i, end), sources, replaced))
    i = end
  }
  return out
}

/** Whether a test's records (sorted[start..end)) hold a filtered run's record or two of one source. */
function needsRules(sorted: readonly Evidence[], start: number, end: number, sources: Map<string, Ranked>): boolean {
  if (end === start + 1) return false
  for (let j = start; j < end; j++) {
    const e = sorted[j]!
    if (isFiltered(sources.get(e.source)!.source) || (j > start && sorted[j - 1]!.source === e.source)) return true
  }
  return false
}

/**
 * One test's records from several sources, or several from one: the newest per source, then, per
 * label, a filtered run's record replaces those of older sources.
 */
function latestOfTest(records: readonly Evidence[], sources: Map<string, Ranked>, replaced: Replaced): Evidence[] {
  const perSource = newestPerSource(records)
  const newestFiltered = new Map<string, Ranked>()
  for (const e of perSource) {
    const s = sources.get(e.source)!
    const held = newestFiltered.get(s.source.label)
    if (isFiltered(s.source) && (!held || s.rank > held.rank)) newestFiltered.set(s.source.label, s)
  }
  if (newestFiltered.size === 0) return perSource
  return perSource.filter((e) => {
    const s = sources.get(e.source)!
    const by = newestFiltered.get(s.source.label)
    if (!by || s.rank >= by.rank) return true
    replaced.add(s.source, by.source)
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

/** How many records of which source a newer filtered run replaced, keyed by the (one per id) live source objects. */
class Replaced {
  private readonly counts = new Map<LedgerSource, Map<LedgerSource, Superseded & { records: number }>>()

  add(source: LedgerSource, by: LedgerSource): void {
    let bySource = this.counts.get(source)
    if (!bySource) this.counts.set(source, (bySource = new Map()))
    const held = bySource.get(by)
    if (held) held.records++
    else bySource.set(by, { source, by, records: 1 })
  }

  list(): Superseded[] {
    return [...this.counts.values()].flatMap((bySource) => [...bySource.values()])
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
