/** What a re-run replaced, in words: report.md names every fragment superseded, the console the first few (LIST_LIMIT in render-console.ts). */
import type { LedgerSource } from '../ledger/schema.js'
import type { Superseded } from '../ledger/supersede.js'

export function supersededText(x: Superseded): string {
  return x.records === undefined
    ? `${fragmentText(x.source)} superseded by ${fragmentText(x.by)}`
    : `${x.records} test result(s) of ${fragmentText(x.source)} superseded by the newer ${fragmentText(x.by)}`
}

function fragmentText(s: LedgerSource): string {
  const kind = s.shard ? `shard ${s.shard.index}/${s.shard.total}` : s.partial ? 'filtered run' : 'complete run'
  return `fragment ${s.id} (${s.runner}${s.label ? ` "${s.label}"` : ''}, ${kind}, ${s.createdAt})`
}
