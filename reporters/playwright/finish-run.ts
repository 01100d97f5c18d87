/**
 * The node-side end of a Playwright run: SPEC x evidence -> fragment on disk, verdicts, gates and
 * the summary text. Loaded lazily by the reporter so `specgate/playwright` stays light in workers.
 */
import path from 'node:path'
import { loadConfig } from '../../src/config/load-config.js'
import type { SpecgateConfig } from '../../src/config/schema.js'
import { fragmentOf, writeLedger } from '../../src/ledger/fragment-io.js'
import { newSource } from '../../src/ledger/source.js'
import { evaluateGates, gatesFailed, type GateResult } from '../../src/ledger/gates.js'
import type { Evidence, LedgerSource } from '../../src/ledger/schema.js'
import { computeVerdicts, type Verdicts } from '../../src/ledger/verdict.js'
import { renderSummary } from '../../src/report/render-summary.js'
import { loadSpec } from '../../src/spec/load-spec.js'

export interface RunFacts {
  root: string
  /** the specgate config file, when not found by name in root */
  configFile?: string
  label?: string
  shard?: { index: number; total: number }
  partial?: boolean
  /** from the reporter option; overrides config `gate` */
  gate?: 'enforce' | 'report'
  ci: boolean
  color: boolean
  commit?: string
  /** builds the evidence once the source id is known */
  evidence: (source: string) => Evidence[]
  /** errors of the run that left evidence incomplete */
  errors: string[]
}

export interface RunOutcome {
  summary: string
  /** the fragment file, root-relative */
  fragment: string
  /** why the run must fail, or undefined */
  failure?: string
}

export async function finishRun(facts: RunFacts): Promise<RunOutcome> {
  const { config } = await loadConfig(facts.root, facts.configFile)
  const spec = await loadSpec({ root: facts.root, paths: config.features })
  const source = newSource({ runner: 'playwright', label: facts.label, shard: facts.shard, partial: facts.partial, commit: facts.commit, spec })
  const evidence = facts.evidence(source.id)
  const specErrors = spec.errors.map((d) => `${d.file}:${d.line ?? 0}:${d.column ?? 0}: ${d.message}`)
  const fragment = fragmentOf(source, evidence, [...facts.errors, ...specErrors])
  const verdicts = computeVerdicts(spec, fragment, config, { runners: ['playwright'], partial: source.partial })
  if (verdicts.rejection) fragment.sources[0]!.rejected = verdicts.rejection
  const file = path.join(facts.root, config.ledgerDir, `${source.id}.json`)
  const fragmentPath = path.relative(facts.root, file).split(path.sep).join('/')
  await writeLedger(file, fragment, { shownAs: fragmentPath })
  const gates = evaluateGates({ verdicts, ledger: fragment }, config)
  const summary = renderSummary(verdicts, gates, { title: titleOf(source), color: facts.color, note: noteOf(source, evidence.length) })
  return { summary: `${summary}ledger fragment: ${fragmentPath}\n`, fragment: fragmentPath, failure: failureOf(verdicts, gates, gateMode(facts, config)) }
}

function gateMode(facts: RunFacts, config: SpecgateConfig): 'enforce' | 'report' {
  return facts.gate ?? config.gate ?? (facts.ci ? 'enforce' : 'report')
}

/** A run rejected as a whole fails in report mode too; other gates fail only when enforced. */
function failureOf(verdicts: Verdicts, gates: readonly GateResult[], mode: 'enforce' | 'report'): string | undefined {
  if (verdicts.rejection) return verdicts.rejection
  if (mode !== 'enforce' || !gatesFailed(gates)) return undefined
  const failed = gates.filter((g) => !g.passed && g.severity === 'error').map((g) => g.name)
  return `specgate gate failed: ${failed.join(', ')}`
}

function titleOf(source: LedgerSource): string {
  return source.shard ? `specgate (playwright, shard ${source.shard.index}/${source.shard.total})` : 'specgate (playwright)'
}

function noteOf(source: LedgerSource, evidenceCount: number): string | undefined {
  if (source.shard && evidenceCount === 0) {
    return 'this shard ran no clause-linked tests; the other shards and the merged report (playwright merge-reports) cover the rest'
  }
  if (source.shard) return 'a shard: clauses this shard did not run are left to the other shards and the merged report'
  if (source.partial) return 'a partial run: clauses it did not run are not reported as uncovered'
  return undefined
}
