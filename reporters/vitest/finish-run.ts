/**
 * The end of a Vitest run, in the evidence thread (evidence-thread.ts): the fragment, the verdicts of the
 * clauses Vitest is responsible for, the summary text and whether the gate fails. Pure apart from
 * writing the fragment.
 */
import path from 'node:path'
import type { SpecgateConfig } from '../../src/config/schema.js'
import { fragmentOf, writeLedger } from '../../src/ledger/fragment-io.js'
import { evaluateGates, gatesFailed } from '../../src/ledger/gates.js'
import { compareEvidence } from '../../src/ledger/merge.js'
import type { Evidence, LedgerSource } from '../../src/ledger/schema.js'
import { specRevision } from '../../src/ledger/source.js'
import { computeVerdicts } from '../../src/ledger/verdict.js'
import { renderSummary } from '../../src/report/render-summary.js'
import type { Spec } from '../../src/spec/model.js'

export interface RunEnd {
  summary: string
  /** the gate says the run fails (whatever the mode; the reporter applies the mode) */
  gateFailed: boolean
}

export async function finishRun(state: { root: string; config: SpecgateConfig }, spec: Spec, started: LedgerSource, made: { evidence: Evidence[]; texts: ReadonlyMap<Evidence, string> }, errors: string[], color: boolean): Promise<RunEnd> {
  const source = { ...started, specRevision: specRevision(spec) }
  // sorted like a merged ledger, so a run gives the same bytes whatever order its files ran in
  const fragment = fragmentOf(source, [...made.evidence].sort(compareEvidence), [...new Set(errors)].sort())
  const file = path.join(state.config.ledgerDir, `${source.id}.json`).split(path.sep).join('/')
  // the file is written while the verdicts are worked out
  const written = writeLedger(path.resolve(state.root, file), fragment, { evidenceChecked: true, texts: made.texts, shownAs: file })
  written.catch(() => undefined) // awaited below; this only keeps an early throw from going unhandled
  const verdicts = computeVerdicts(spec, fragment, state.config, { runners: ['vitest'], partial: source.partial })
  const gates = evaluateGates({ verdicts, ledger: fragment }, state.config)
  const summary = renderSummary(verdicts, gates, { title: 'specgate (vitest)', color, note: noteOf(source, file) })
  await written
  return { summary, gateFailed: gatesFailed(gates) }
}

function noteOf(source: LedgerSource, file: string): string {
  const scope = source.shard
    ? `shard ${source.shard.index}/${source.shard.total}: only the clauses this shard ran are shown`
    : source.partial ? 'a filtered run: only the clauses it ran are shown' : 'every clause Vitest is responsible for (@unit, @integration)'
  return `${scope}; evidence in ${file}`
}
