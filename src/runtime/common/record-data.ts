/** `evidence.data(entity, count, source?)`: what real data the test saw (`rows in orders: 12`). */
import type { TestRecord } from './test-record.js'

export function recordData(record: TestRecord | undefined, entity: unknown, count: unknown, source?: unknown): void {
  if (typeof entity !== 'string' || entity.trim() === '') {
    throw new TypeError(`specgate: evidence.data(entity, count) needs the entity name as a non-empty string, got ${typeof entity}`)
  }
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
    throw new TypeError(`specgate: evidence.data('${entity}', count) needs a whole number >= 0, got ${String(count)}`)
  }
  if (source !== undefined && typeof source !== 'string') {
    throw new TypeError(`specgate: evidence.data('${entity}', ${count}, source): source must be a string`)
  }
  // keys in the ledger's (code-unit) order, as run-step.ts makes its steps
  record?.observed.push(source === undefined ? { count, entity } : { count, entity, source })
}
