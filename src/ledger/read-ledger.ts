/**
 * Reading ledger and fragment files: a newer schema version is refused, and any problem is one
 * InputError naming the file (and the line and column of broken JSON). No zod on this path (see
 * check-ledger.ts).
 */
import { isAscii } from 'node:buffer'
import fs from 'node:fs'
import { InputError } from '../diagnostics.js'
import { checkLedger } from './check-ledger.js'
import { LEDGER_SCHEMA_VERSION } from './names.js'
import type { Ledger } from './schema.js'

/** Reads one ledger or fragment file; any problem is an InputError naming the file. */
export function readLedger(file: string, shownAs: string = file): Ledger {
  let text: string
  try {
    text = readText(file)
  } catch (err) {
    throw new InputError(`cannot read ledger: ${(err as Error).message}`, { file: shownAs })
  }
  return parseLedger(text, shownAs)
}

/**
 * The file's text, as readFileSync(file, 'utf8') gives it. A ledger is ASCII unless a test's text
 * is not: its bytes are then copied as they are, not decoded (the benchmark's 16 fragments, 44 MB:
 * 15-22 ms against 45-59 ms).
 */
function readText(file: string): string {
  const bytes = fs.readFileSync(file)
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8')
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
  const checked = checkLedger(raw)
  if (!checked.success) throw new InputError(`not a specgate ledger: ${checked.problem}`, { file: shownAs })
  return checked.data
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n')
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 }
}
