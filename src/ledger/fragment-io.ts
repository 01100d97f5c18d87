/**
 * Writing ledger files: atomically (temp file + rename), checked against the published schema
 * first. Reading them is read-ledger.ts. Neither loads zod (see check-ledger.ts).
 */
import fs from 'node:fs'
import path from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { InputError } from '../diagnostics.js'
import { headProblem, ledgerProblem, recordProblem } from './check-ledger.js'
import { sortedItem, sortedJson } from './sorted-json.js'
import { LEDGER_SCHEMA_VERSION } from './names.js'
import type { Evidence, Ledger, LedgerSource } from './schema.js'

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
  /** the file as an error names it (root-relative); the path written by default */
  shownAs?: string
}

/**
 * Checks against the published schema (the generated check, defaults filled in place), then writes
 * atomically; returns the path written. A ledger specgate built that fails the check is a bug; a
 * folder that cannot be made or written (a file in the way, no permission, a full disk) is an
 * InputError naming the file, not a crash.
 */
export async function writeLedger(file: string, ledger: Ledger, o: WriteLedgerOptions = {}): Promise<string> {
  // defaults go into a copy of the top level (a missing `errors`), and into the sources and records
  const checked = { ...ledger }
  bugIf(o.evidenceChecked ? headProblem(checked) : ledgerProblem(checked))
  const text = ledgerText(checked, o.texts)
  try {
    await fs.promises.mkdir(path.dirname(file), { recursive: true })
    // no fsync: the rename keeps a reader from half a file; a fragment is remade by running the tests again
    await writeFileAtomic(file, text, { fsync: false })
  } catch (err) {
    if (typeof (err as NodeJS.ErrnoException).code !== 'string') throw err
    throw new InputError(`cannot write this ledger file: ${(err as Error).message}`, { file: o.shownAs ?? file })
  }
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

/**
 * The published schema's check of evidence records, one batch at a time (a test file's), defaults
 * filled in place. The generated check, not zod: the Vitest evidence thread runs it beside the test
 * processes (the 5,000 records of the Vitest benchmark, checked and made into text, import
 * included: 237-322 ms of CPU with zod, 100-101 ms without).
 */
export function checkEvidence(records: readonly Evidence[]): Evidence[] {
  for (const r of records) bugIf(recordProblem(r))
  return records as Evidence[]
}

function bugIf(problem: string | undefined): void {
  if (problem !== undefined) throw new Error(`specgate built an invalid ledger (${problem}); this is a bug in specgate`)
}

export { readLedger, parseLedger } from './read-ledger.js'
