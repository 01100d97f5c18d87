/**
 * The report model: built once by `specgate check` from the SPEC, the merged ledger, the waivers
 * and the gates; every output format is a pure function of it.
 */
import type { Verdict } from '../config/schema.js'
import type { BaselineDiff } from '../check/baseline.js'
import type { WaiverUse } from '../check/apply-waivers.js'
import type { GateFinding, GateResult } from '../ledger/gates.js'
import type { Ledger } from '../ledger/schema.js'
import type { Superseded } from '../ledger/supersede.js'
import type { Verdicts } from '../ledger/verdict.js'
import type { Spec } from '../spec/model.js'

export interface Totals {
  clauses: number
  cases: number
  /** clauses per verdict, every verdict present (0 when none) */
  byVerdict: Record<Verdict, number>
  orphans: number
}

/** Who owes what: the clauses failing a gate, for one owner or acceptor. */
export interface Debt {
  role: 'owner' | 'acceptor'
  who: string
  items: { id: string; name: string; verdict: Verdict; gates: string[] }[]
}

export interface ReportModel {
  title: string
  /** the newest fragment's time: the report of a saved ledger equals the live one */
  generatedAt: string
  specRevision: string
  ledger: Ledger
  /** fragments (or some of their test results) that newer runs replaced in the merge */
  superseded?: Superseded[]
  /** the SPEC the verdicts were decided on (the messages formats replay its source text) */
  spec?: Spec
  verdicts: Verdicts
  totals: Totals
  gates: GateResult[]
  /** no gate at severity error fails */
  passed: boolean
  findings: GateFinding[]
  waivers: WaiverUse[]
  debts: Debt[]
  baseline?: BaselineDiff
}

/** What renderers may need beyond the model. */
export interface RenderContext {
  color: boolean
  /** root-relative POSIX folder the report files go to, for links back to sources */
  reportDir: string
}
