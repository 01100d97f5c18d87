/**
 * The ledger: evidence of a run, per test and case. A fragment (one runner process or shard) and a
 * merged ledger share one shape. This zod schema is the single source of the types and of the
 * published JSON Schema (specs/ledger.schema.json).
 */
import { z } from 'zod'
import { RUNNERS } from '../config/names.js'
import { LEDGER_SCHEMA_VERSION, STEP_STATUSES, TEST_STATUSES } from './names.js'

export { LEDGER_SCHEMA_VERSION, STEP_STATUSES, TEST_STATUSES } from './names.js'

/**
 * A strict object whose parsed output has its keys in code-unit order, whatever order the shape is
 * written in (zod builds its output in shape order): a record read or checked through these
 * schemas is already in the ledger's text form (sorted-json.ts), and its text needs no sorted copy.
 */
function ledgerObject<T extends z.core.$ZodLooseShape>(shape: T): ReturnType<typeof z.strictObject<T>> {
  const sorted = Object.fromEntries(Object.keys(shape).sort().map((k) => [k, shape[k]])) as T
  return z.strictObject(sorted)
}

const stepEvidence = ledgerObject({
  /** the keyword as written (`Given`, `And`), or the kind */
  keyword: z.string(),
  text: z.string(),
  status: z.enum(STEP_STATUSES),
  durationMs: z.number().nonnegative().optional(),
  error: z.string().optional(),
})

const dataEvidence = ledgerObject({
  /** entity counts of the system under test, read before the test by the configured probe */
  probe: z.record(z.string(), z.number()).optional(),
  /** what the test itself recorded: `evidence.data('orders', 12)` */
  observed: z.array(ledgerObject({ entity: z.string(), count: z.number(), source: z.string().optional() })).default([]),
  /** API responses the page received that matched the configured patterns */
  responses: ledgerObject({ withData: z.number().int().nonnegative(), empty: z.number().int().nonnegative() }).optional(),
  /** empty-state markers seen visible, and when */
  emptyMarkers: z.array(ledgerObject({ marker: z.string(), at: z.enum(['then', 'end']), step: z.string().optional() })).default([]),
})

export const evidenceSchema = ledgerObject({
  runner: z.enum(RUNNERS),
  /** the source (fragment) this record came from */
  source: z.string(),
  clauseId: z.string(),
  /** `AUTH-012`, or `AUTH-012[2]` for one Examples row; the bare id covers every case of the clause */
  caseKey: z.string(),
  /** the clause hash the test was written for */
  clauseHash: z.string().optional(),
  test: ledgerObject({
    file: z.string(),
    line: z.number().int().optional(),
    column: z.number().int().optional(),
    title: z.string(),
    project: z.string().optional(),
  }),
  status: z.enum(TEST_STATUSES),
  /** what the runner said beyond the status: `fails`, `skip`, `fixme`, `crash`, `undefined`, `ambiguous`, ... */
  detail: z.string().optional(),
  /** the body is still a generated skeleton */
  skeleton: z.boolean().default(false),
  durationMs: z.number().nonnegative(),
  /** retries the runner made before this final result */
  retries: z.number().int().nonnegative().default(0),
  /** failed at least once, then passed */
  flaky: z.boolean().default(false),
  failure: ledgerObject({ message: z.string(), step: z.string().optional() }).optional(),
  /** assertions that ran; null when the runner cannot tell */
  assertions: z.number().int().nonnegative().nullable(),
  /** the steps the test executed, in order; null when the test does not use step helpers */
  steps: z.array(stepEvidence).nullable(),
  data: dataEvidence.optional(),
  attachments: z.array(ledgerObject({ name: z.string(), contentType: z.string(), path: z.string().optional() })).default([]),
})

export const sourceSchema = ledgerObject({
  /** unique per fragment */
  id: z.string(),
  runner: z.enum(RUNNERS),
  /** distinguishes several fragments of one runner in one run (a Vitest project, a Playwright config) */
  label: z.string().default(''),
  createdAt: z.string(),
  commit: z.string().optional(),
  /** hash over every clause id and hash of the SPEC the run saw */
  specRevision: z.string().optional(),
  shard: ledgerObject({ index: z.number().int().positive(), total: z.number().int().positive() }).optional(),
  /** the run's tests were partial (a shard, a filter): missing evidence is not "uncovered" in its own summary */
  partial: z.boolean().default(false),
  /** a run rejected as a whole (E2E against an empty state), with the headline */
  rejected: z.string().optional(),
})

export const ledgerSchema = ledgerObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(LEDGER_SCHEMA_VERSION),
  kind: z.literal('specgate-ledger'),
  sources: z.array(sourceSchema),
  evidence: z.array(evidenceSchema),
  /** errors inside specgate or a runner that left evidence incomplete; any error fails the gate */
  errors: z.array(ledgerObject({ source: z.string(), message: z.string() })).default([]),
})

export type StepEvidence = z.output<typeof stepEvidence>
export type DataEvidence = z.output<typeof dataEvidence>
export type Evidence = z.output<typeof evidenceSchema>
export type EvidenceInput = z.input<typeof evidenceSchema>
export type LedgerSource = z.output<typeof sourceSchema>
export type Ledger = z.output<typeof ledgerSchema>
export type TestStatus = (typeof TEST_STATUSES)[number]
export type StepStatus = (typeof STEP_STATUSES)[number]
