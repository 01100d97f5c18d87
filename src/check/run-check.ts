/**
 * `specgate check` as a function: fragments, SPEC, waivers and baseline in; the report model out.
 * No file system, no process, no clock: the caller reads the inputs and injects `today`.
 */
import type { SpecgateConfig } from '../config/schema.js'
import { VERDICTS, type Verdict } from '../config/names.js'
import { evaluateGates, gatesFailed, type GateFinding } from '../ledger/gates.js'
import { specRevision } from '../ledger/source.js'
import { mergeFragments } from '../ledger/merge.js'
import type { Ledger } from '../ledger/schema.js'
import { computeVerdicts, type Verdicts } from '../ledger/verdict.js'
import type { Spec } from '../spec/model.js'
import type { ReportModel, Totals } from '../report/model.js'
import { applyWaivers } from './apply-waivers.js'
import { diffBaseline } from './baseline.js'
import { debtsOf } from './debts.js'
import { mixedRunFindings } from './mixed-runs.js'
import { selectClauses, type ClauseFilter } from './select-clauses.js'
import type { Waiver } from './waivers-file.js'

export interface CheckInput {
  spec: Spec
  config: SpecgateConfig
  ledgers: readonly Ledger[]
  /** one line per fragment that could not be read */
  broken?: readonly string[]
  /** where the fragments were looked for, for "no evidence found in ..." */
  searched?: string
  waivers?: readonly Waiver[]
  baseline?: { file: string; ledger: Ledger }
  /** YYYY-MM-DD, for waiver expiry */
  today: string
  commit?: string
  title?: string
  /** judge only these clauses (`--tags`); the rest of the SPEC still names valid clause ids */
  select?: ClauseFilter
}

export function runCheck(input: CheckInput): ReportModel {
  const { spec, config } = input
  const { ledger, superseded } = mergeFragments(input.ledgers)
  const revision = specRevision(spec)
  const raw = computeVerdicts(selectClauses(spec, input.select), ledger, config)
  const waived = applyWaivers(raw, input.waivers ?? [], input.today)
  const findings = [
    ...specFindings(spec),
    ...evidenceFindings(input, ledger),
    ...mixedRunFindings(ledger.sources, { commit: input.commit, specRevision: revision }).map((message) => ({ gate: 'fragments-consistent', message })),
    ...waived.problems.map((message) => ({ gate: 'waivers-valid', message })),
  ]
  const gates = evaluateGates({ verdicts: waived.verdicts, ledger, findings }, config)
  return {
    title: input.title ?? 'specgate check',
    generatedAt: ledger.sources.map((s) => s.createdAt).sort().at(-1) ?? '',
    specRevision: revision,
    ledger,
    superseded,
    spec,
    verdicts: waived.verdicts,
    totals: totalsOf(waived.verdicts),
    gates,
    passed: !gatesFailed(gates),
    findings,
    waivers: waived.uses,
    debts: debtsOf(gates),
    baseline: input.baseline && diffBaseline(input.baseline.file, input.baseline.ledger, spec, config, waived.verdicts.clauses),
  }
}

function specFindings(spec: Spec): GateFinding[] {
  const parse = spec.errors.map((d) => ({ gate: 'spec-valid', message: `${d.file}:${d.line ?? 1}:${d.column ?? 1}: ${d.message}` }))
  const noId = spec.clauses.filter((c) => !c.id).map((c) => ({ gate: 'spec-valid', message: `${c.file}:${c.line}:${c.column}: clause "${c.name}" has no @id: tag, so nothing can prove it (run specgate ids --write)` }))
  return [...parse, ...noId]
}

function evidenceFindings(input: CheckInput, ledger: Ledger): GateFinding[] {
  const broken = (input.broken ?? []).map((line) => ({ gate: 'fragments-readable', message: `${line}; its evidence is missing` }))
  if (ledger.sources.length > 0) return broken
  const where = input.searched ? ` in ${input.searched}` : ''
  return [...broken, { gate: 'evidence-found', message: `no evidence found${where}: run the tests with the specgate reporters first` }]
}

export function totalsOf(verdicts: Verdicts): Totals {
  const byVerdict = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>
  for (const cv of verdicts.clauses) byVerdict[cv.verdict]++
  return {
    clauses: verdicts.clauses.length,
    cases: verdicts.clauses.reduce((n, cv) => n + cv.cases.length, 0),
    byVerdict,
    orphans: verdicts.orphans.length,
  }
}
