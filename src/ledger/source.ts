/**
 * A fragment's source: which runner made it, when, against which SPEC revision. Light to import
 * (no schema), so a reporter can name its run when the run starts.
 */
import { createHash, randomUUID } from 'node:crypto'
import type { Runner } from '../config/schema.js'
import type { Spec } from '../spec/model.js'
import type { LedgerSource } from './schema.js'

export interface NewSourceOptions {
  runner: Runner
  label?: string
  shard?: { index: number; total: number }
  partial?: boolean
  commit?: string
  spec?: Spec
  /** injected for deterministic output */
  now?: Date
  id?: string
}

export function newSource(o: NewSourceOptions): LedgerSource {
  return {
    id: o.id ?? `${o.runner}-${o.label ? `${o.label}-` : ''}${o.shard ? `${o.shard.index}of${o.shard.total}-` : ''}${randomUUID().slice(0, 8)}`,
    runner: o.runner,
    label: o.label ?? '',
    createdAt: (o.now ?? new Date()).toISOString(),
    commit: o.commit,
    specRevision: o.spec ? specRevision(o.spec) : undefined,
    shard: o.shard,
    partial: o.partial ?? Boolean(o.shard),
  }
}

/** One hash over every clause id and clause hash: fragments from another SPEC revision are flagged. */
export function specRevision(spec: Spec): string {
  const pairs = spec.clauses.map((c) => `${c.key}=${c.hash}`).sort()
  return createHash('sha256').update(pairs.join('\n')).digest('hex').slice(0, 12)
}
