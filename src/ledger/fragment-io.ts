/**
 * Writing ledger files: atomically (temp file + rename), validated against the published schema
 * first. Reading them is read-ledger.ts, which does without zod.
 */
import fs from 'node:fs'
import path from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { z } from 'zod'
import { sortedItem, sortedJson } from './sorted-json.js'
import { LEDGER_SCHEMA_VERSION, evidenceSchema, ledgerSchema, type Evidence, type Ledger, type LedgerSource } from './schema.js'

export function fragmentOf(source: LedgerSource, evidence: Evidence[], errors: string[] = []): Ledger {
  return {
    schemaVersion: LEDGER_SCHEMA_VERSION,
    kind: 'specgate-ledger',
    sources: [source],
    evidence,
    errors: errors.map((message) => ({ source: source.id, message })),
  }
}

export interface WriteLedgerOptions {
  /** evidence already checked record by record as it was made (`checkEvidence`) is not checked twice */
  evidenceChecked?: boolean
  /** records already turned into their text (`evidenceText`) while the tests ran */
  texts?: ReadonlyMap<Evidence, string>
}

/** Validates, then writes atomically; returns the path written. */
export async function writeLedger(file: string, ledger: Ledger, o: WriteLedgerOptions = {}): Promise<string> {
  const checked = o.evidenceChecked
    ? { ...bugIfInvalid(ledgerWithoutEvidence.safeParse({ ...ledger, evidence: [] })), evidence: ledger.evidence }
    : bugIfInvalid(ledgerSchema.safeParse(ledger))
  const text = ledgerText(checked, o.texts)
  await fs.promises.mkdir(path.dirname(file), { recursive: true })
  // no fsync: the rename keeps a reader from half a file; a fragment is remade by running the tests again
  await writeFileAtomic(file, text, { fsync: false })
  return file
}

/**
 * The ledger as written (see sorted-json.ts), the same text form as check's ledger.json. Evidence
 * records made ahead (`evidenceText`) are spliced in as they are.
 */
export function ledgerText(ledger: Ledger, texts?: ReadonlyMap<Evidence, string>): string {
  return sortedJson(ledger, texts && ((item) => texts.get(item as Evidence)))
}

/** One evidence record as it stands on its line in a written ledger. */
export function evidenceText(e: Evidence): string {
  return sortedItem(e)
}

/** The published schema's check of evidence records, one batch at a time (a test file's). */
export function checkEvidence(records: readonly Evidence[]): Evidence[] {
  return records.map((r) => bugIfInvalid(evidenceSchema.safeParse(r)))
}

const ledgerWithoutEvidence = ledgerSchema.extend({ evidence: z.array(z.never()) })

function bugIfInvalid<T>(checked: { success: true; data: T } | { success: false; error: z.ZodError }): T {
  if (checked.success) return checked.data
  const issue = checked.error.issues[0]!
  throw new Error(`specgate built an invalid ledger (${issue.path.join('.')}: ${issue.message}); this is a bug in specgate`)
}

export { readLedger, parseLedger } from './read-ledger.js'
