/**
 * Gates: small rule objects over verdicts, in one typed registry. Together the per-verdict gates
 * say "every clause accepted or waived"; each can be set to error, warning or off in the config.
 * `@wip` clauses are reported, never gated.
 */
import type { SpecgateConfig, Verdict } from '../config/schema.js'
import type { Ledger } from './schema.js'
import type { ClauseVerdict, Verdicts } from './verdict.js'

export type GateSeverity = 'error' | 'warning' | 'off'

export interface GateContext {
  verdicts: Verdicts
  ledger: Ledger
  /** problems `specgate check` found around the evidence (unreadable fragments, expired waivers), by gate name */
  findings?: readonly GateFinding[]
}

/** A problem that is not about one clause's verdict, filed under the gate it fails. */
export interface GateFinding {
  gate: string
  message: string
}

export interface GateFailure {
  /** the clause that fails the gate, when it is about one */
  clause?: ClauseVerdict
  message: string
}

export interface Gate {
  name: string
  describe: string
  severity: GateSeverity
  evaluate(ctx: GateContext): GateFailure[]
}

function noVerdict(verdict: Verdict, describe: string): Gate {
  return {
    name: `no-${verdict}`,
    describe,
    severity: 'error',
    evaluate: ({ verdicts }) => (byVerdict(verdicts).get(verdict) ?? []).map((c) => ({ clause: c, message: c.reason })),
  }
}

/** A gate over the findings `specgate check` files under its name. */
function findingGate(name: string, describe: string, severity: GateSeverity): Gate {
  return {
    name,
    describe,
    severity,
    evaluate: ({ findings }) => (findings ?? []).filter((f) => f.gate === name).map((f) => ({ message: f.message })),
  }
}

/**
 * The gated clauses (all but `@wip`) by verdict, made once for the eight per-verdict gates instead
 * of each walking every clause (50,000 clauses: 8 passes and 8 lists of all of them before).
 */
const gatedByVerdict = new WeakMap<Verdicts, Map<Verdict, ClauseVerdict[]>>()

function byVerdict(verdicts: Verdicts): Map<Verdict, ClauseVerdict[]> {
  let map = gatedByVerdict.get(verdicts)
  if (map) return map
  map = new Map()
  for (const c of verdicts.clauses) {
    if (c.clause.wip) continue
    const list = map.get(c.verdict)
    if (list) list.push(c)
    else map.set(c.verdict, [c])
  }
  gatedByVerdict.set(verdicts, map)
  return map
}

export const GATES = [
  noVerdict('failed', 'no clause has a failing test'),
  noVerdict('uncovered', 'every clause has a test from the runner its level names'),
  noVerdict('pending', 'no clause rests on an unfilled skeleton or a todo'),
  noVerdict('stale', 'no test was written for an older version of its clause'),
  noVerdict('hollow', 'no test passed without asserting or without executing its steps'),
  noVerdict('empty-state', 'no E2E test passed against an empty state'),
  noVerdict('skipped', 'no clause rests on skipped tests'),
  noVerdict('flaky', 'no clause passed only on retry'),
  {
    name: 'no-orphans',
    describe: 'every test names a clause the SPEC has',
    severity: 'error',
    evaluate: ({ verdicts }) =>
      verdicts.orphans.map((o) => ({ message: `${o.evidence.test.file}: "${o.evidence.test.title}" ${o.reason}` })),
  },
  {
    name: 'risk-not-pending',
    describe: '@risk: clauses are never pending, uncovered or waived without an acceptor',
    severity: 'error',
    evaluate: ({ verdicts }) =>
      verdicts.clauses
        .filter((c) => c.clause.risks.length > 0 && (c.verdict === 'pending' || c.verdict === 'uncovered'))
        .map((c) => ({ clause: c, message: `@risk:${c.clause.risks.join(',')} clause is ${c.verdict}: ${c.reason}` })),
  },
  {
    name: 'evidence-complete',
    describe: 'no runner or specgate error left evidence incomplete',
    severity: 'error',
    evaluate: ({ ledger }) => ledger.errors.map((e) => ({ message: `${e.source}: ${e.message}` })),
  },
  {
    name: 'e2e-saw-data',
    describe: 'the E2E run as a whole saw real data',
    severity: 'error',
    evaluate: ({ verdicts }) => (verdicts.rejection ? [{ message: verdicts.rejection }] : []),
  },
  findingGate('spec-valid', 'every feature file parses and every clause has an @id: tag', 'error'),
  findingGate('evidence-found', 'specgate check found at least one ledger fragment', 'error'),
  findingGate('fragments-readable', 'every ledger fragment could be read', 'error'),
  findingGate('fragments-consistent', 'every fragment ran on the current commit and SPEC revision', 'warning'),
  findingGate('waivers-valid', 'no waiver has expired, and every waiver of a @risk: clause names an acceptor', 'error'),
] as const satisfies readonly Gate[]

export type GateName = (typeof GATES)[number]['name']
export const GATE_NAMES: readonly string[] = GATES.map((g) => g.name)

export interface GateResult {
  name: string
  describe: string
  severity: GateSeverity
  passed: boolean
  failures: GateFailure[]
}

export function evaluateGates(ctx: GateContext, config: SpecgateConfig): GateResult[] {
  return GATES.map((gate) => {
    const severity = (config.gates[gate.name] as GateSeverity | undefined) ?? gate.severity
    const failures = severity === 'off' ? [] : gate.evaluate(ctx)
    return { name: gate.name, describe: gate.describe, severity, passed: failures.length === 0, failures }
  })
}

/** Gates decide the exit code: any failing gate at severity error fails. */
export function gatesFailed(results: readonly GateResult[]): boolean {
  return results.some((r) => !r.passed && r.severity === 'error')
}
