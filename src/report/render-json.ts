/** ledger.json: the merged ledger, with sorted keys, valid against specs/ledger.schema.json. */
import type { RenderContext, ReportModel } from './model.js'
import { sortedJsonChunks } from '../ledger/sorted-json.js'

export function renderJson(model: ReportModel, _ctx: RenderContext): Iterable<string> {
  return sortedJsonChunks(model.ledger)
}
