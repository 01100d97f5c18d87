/**
 * Reading and writing ledger files. Writes are atomic (temp file + rename) and validated against
 * the published schema first; reads refuse newer schema versions and name the file on any problem.
 */
import fs from 'node:fs'
import path from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { z } from 'zod'
import { InputError } from '../diagnostics.js'
import { checkLedger } from './check-ledger.js'
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

/** Reads one ledger or fragment file; any problem is an InputError naming the file. */
export function readLedger(file: string, shownAs: string = file): Ledger {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (err) {
    throw new InputError(`cannot read ledger: ${(err as Error).message}`, { file: shownAs })
  }
  return parseLedger(text, shownAs)
}

export function parseLedger(text: string, shownAs: string): Ledger {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (err) {
    const m = /position (\d+)/.exec((err as Error).message)
    // a truncated file ends mid-document: the place to look is its end
    const offset = m ? Number(m[1]) : /end of JSON input/.test((err as Error).message) ? text.length : undefined
    const where = offset === undefined ? {} : lineColumn(text, offset)
    throw new InputError(`not valid JSON (truncated or corrupt ledger fragment): ${(err as Error).message}`, { file: shownAs, ...where })
  }
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion
  if (typeof version === 'number' && version > LEDGER_SCHEMA_VERSION) {
    throw new InputError(
      `ledger schemaVersion ${version} is newer than this specgate understands (${LEDGER_SCHEMA_VERSION}); upgrade specgate`,
      { file: shownAs },
    )
  }
  const parsed = checkLedger(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new InputError(`not a specgate ledger: ${issue.path.join('.') || '(top level)'}: ${issue.message}`, { file: shownAs })
  }
  return parsed.data
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n')
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 }
}
