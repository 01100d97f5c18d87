/**
 * The record of the test running in this worker. Playwright runs one test at a time per worker, so
 * one slot is enough; the automatic fixture opens it before the test and closes it after.
 */
import { newTestRecord, type TestRecord } from '../../src/runtime/common/index.js'
import type { DataEvidence } from '../../src/ledger/schema.js'

export type MarkerAt = 'then' | 'end'
export type StepKind = 'Given' | 'When' | 'Then'

export interface PlaywrightRecord extends TestRecord {
  probe?: Record<string, number>
  responses: { withData: number; empty: number }
  emptyMarkers: DataEvidence['emptyMarkers']
  /** the kind And/But continue */
  lastKind: StepKind
  /** checks the page for empty-state markers; set while the test holds a page */
  checkMarkers?: (at: MarkerAt, step?: string) => Promise<void>
}

let current: PlaywrightRecord | undefined

export function openRecord(): PlaywrightRecord {
  current = { ...newTestRecord(), responses: { withData: 0, empty: 0 }, emptyMarkers: [], lastKind: 'Given' }
  return current
}

export function currentRecord(): PlaywrightRecord | undefined {
  return current
}

export function closeRecord(): void {
  current = undefined
}

/** What the reporter reads back from the test's attachment. */
export interface RecordPayload {
  steps: TestRecord['steps'] | null
  data: DataEvidence
}

export const RECORD_ATTACHMENT = 'specgate-evidence'
export const RECORD_CONTENT_TYPE = 'application/vnd.specgate.evidence+json'

export function toPayload(r: PlaywrightRecord): RecordPayload {
  const data: DataEvidence = { observed: r.observed, emptyMarkers: r.emptyMarkers }
  if (r.probe) data.probe = r.probe
  if (r.responses.withData + r.responses.empty > 0) data.responses = r.responses
  return { steps: r.steps.length ? r.steps : null, data }
}
