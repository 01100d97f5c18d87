/**
 * Merging ledgers: deterministic, commutative and idempotent, so sharded runs merge into the same
 * ledger as one unsharded run. A newer fragment of the same runner, label and shard supersedes an
 * older one (the latest attempt wins); duplicate test records keep the newest.
 */
import type { Evidence, Ledger, LedgerSource } from './schema.js'
import { LEDGER_SCHEMA_VERSION } from './schema.js'

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
    evidence: evidence.sort(compareEvidence),
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
  return compareStrings(a.createdAt, b.createdAt) || compareStrings(canonical(a), canonical(b))
}

/** The identity of one test result for one case. */
export function evidenceKey(e: Evidence): string {
  return [e.runner, e.test.project ?? '', e.test.file, e.test.title, e.caseKey].join('\u0000')
}

function latestEvidence(all: readonly Evidence[], sources: Map<string, LedgerSource>): Evidence[] {
  const byKey = new Map<string, Evidence>()
  for (const e of all) {
    const held = byKey.get(evidenceKey(e))
    if (!held || newer(e, held, sources)) byKey.set(evidenceKey(e), e)
  }
  return [...byKey.values()]
}

function newer(a: Evidence, b: Evidence, sources: Map<string, LedgerSource>): boolean {
  const at = (e: Evidence) => sources.get(e.source)?.createdAt ?? ''
  return (compareStrings(at(a), at(b)) || compareStrings(canonical(a), canonical(b))) > 0
}

export function compareEvidence(a: Evidence, b: Evidence): number {
  return (
    compareStrings(a.clauseId, b.clauseId) ||
    compareStrings(a.caseKey, b.caseKey) ||
    compareStrings(evidenceKey(a), evidenceKey(b)) ||
    compareStrings(canonical(a), canonical(b))
  )
}

/** Code-unit order, independent of locale, so every machine sorts alike. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** JSON with sorted keys: equal values give equal text. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => compareStrings(a, b)))
      : v,
  )
}

function uniqueBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  return [...new Map(items.map((i) => [key(i), i])).values()]
}
