/**
 * Checking a ledger read from a file against the ledger schema. The check is ajv's code compiled
 * from the published JSON Schema (ledger-validators.generated.ts), which checks the parsed JSON in
 * place and fills in the schema's defaults, as zod's parse does, without copying every record, and
 * names a refused ledger's first problem from ajv's error. zod, the schema's source, is not loaded:
 * test/ledger-check.test.ts holds the two to the same verdicts and the same records.
 *
 * Why not zod: a check of 60,000 records read 0.3 s faster without zod's copies (one-off, 5
 * alternating runs each: 2.89-2.96 s against 3.19-3.53 s), and zod itself takes 50-70 ms to
 * import.
 */
import { validateEvidenceRecord, validateLedgerWithoutRecords } from './ledger-validators.generated.js'
import type { Ledger } from './schema.js'

export type LedgerCheck = { success: true; data: Ledger } | { success: false; problem: string }

/** ajv's error objects, as the generated code leaves them on the function. */
interface SchemaError {
  instancePath: string
  keyword: string
  params: Record<string, unknown>
  message?: string
}

interface GeneratedCheck {
  (data: unknown): boolean
  errors?: SchemaError[] | null
}

/**
 * `raw` (parsed JSON) may be changed: defaults are filled in where the schema has them. A refused
 * ledger's `problem` is its key path and what is wrong there (`evidence.0.durationMs: must be >= 0`).
 */
export function checkLedger(raw: unknown): LedgerCheck {
  const problem = ledgerProblem(raw)
  return problem === undefined ? { success: true, data: raw as Ledger } : { success: false, problem }
}

/** checkLedger's problem, or undefined for a ledger the schema accepts (defaults filled in). */
export function ledgerProblem(raw: unknown): string | undefined {
  const head = headProblem(raw)
  if (head !== undefined) return head
  const records = (raw as { evidence: unknown[] }).evidence
  for (let i = 0; i < records.length; i++) {
    const problem = recordProblem(records[i], `/evidence/${i}`)
    if (problem !== undefined) return problem
  }
  return undefined
}

/** A ledger's sources, errors and version, its records not looked at (an `evidence` list must be there). */
export function headProblem(raw: unknown): string | undefined {
  const ledger = validateLedgerWithoutRecords as GeneratedCheck
  return ledger(raw) ? undefined : problemOf(ledger.errors, '')
}

/** One evidence record, defaults filled in; `at`: its JSON Pointer in the ledger, for the problem's key path. */
export function recordProblem(raw: unknown, at = ''): string | undefined {
  const record = validateEvidenceRecord as GeneratedCheck
  return record(raw) ? undefined : problemOf(record.errors, at)
}

/** The first error, in words, at its key path (`evidence.0.status`); `(top level)` for the ledger itself. */
function problemOf(errors: SchemaError[] | null | undefined, prefix: string): string {
  const first = errors?.[0]
  if (!first) return '(top level): does not match the ledger schema'
  // a value that matches no branch of an anyOf (`steps`: a list or null) gets one error per
  // branch at its own path: say what it may be, not only the first branch's type
  const anyOf = errors.find((e) => e.keyword === 'anyOf')
  // a key a record of counts may not have comes after the error of the key's own check
  const at = errors.find((e) => e.keyword === 'propertyNames') ?? (anyOf && first.instancePath === anyOf.instancePath ? anyOf : first)
  const where = keyPath(prefix + at.instancePath)
  return `${where}: ${wording(at, errors)}`
}

function wording(e: SchemaError, all: readonly SchemaError[]): string {
  const p = e.params
  switch (e.keyword) {
    case 'anyOf': {
      const types = all.filter((o) => o.instancePath === e.instancePath && o.keyword === 'type').map((o) => String(o.params.type))
      return types.length ? `must be ${types.join(' or ')}` : 'matches none of the forms the schema allows'
    }
    case 'required':
      return `missing "${String(p.missingProperty)}"`
    case 'additionalProperties':
      return `unknown key "${String(p.additionalProperty)}"`
    case 'propertyNames':
      return `key "${String(p.propertyName)}" is not allowed`
    case 'enum':
      return `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`
    case 'const':
      return `must be ${JSON.stringify(p.allowedValue)}`
    default:
      return e.message ?? `breaks the schema's "${e.keyword}"`
  }
}

/**
 * `/evidence/0/durationMs` -> `evidence.0.durationMs` (JSON Pointer's `~1` and `~0` undone), with a
 * key that is not plain (entity names are the user's: `:`, `a.b`, a space, nothing) written as
 * `["a.b"]`, so the path can be read back however the key is spelt.
 */
function keyPath(pointer: string): string {
  if (pointer === '') return '(top level)'
  const keys = pointer.slice(1).split('/').map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
  return keys.map((k, i) => (/^[\w$-]+$/.test(k) ? `${i ? '.' : ''}${k}` : `[${JSON.stringify(k)}]`)).join('')
}
