/**
 * SPEC x tests on disk -> drift: uncovered clauses (per level), stale tests with the steps that
 * changed, orphan tests, and tests that claim a clause at another level. Pure.
 */
import type { Runner, SpecgateConfig } from '../config/schema.js'
import type { Diagnostic } from '../diagnostics.js'
import type { Clause, Level, Spec } from '../spec/model.js'
import { nearIdHint } from '../spec/near-id.js'
import type { Claim, TestFileScan, TestRunner } from './scan-source.js'
import { stepDiff, type StepDiff } from './step-diff.js'
import { groupBy } from '../util/group-by.js'

export interface UncoveredCase {
  clause: Clause
  /** `KEYS-001`, or `KEYS-004[3]` when only some rows of an Outline have a test */
  key: string
  level: Level | 'none'
}

export interface StaleTest {
  claim: Claim
  clause: Clause
  diff: StepDiff
}

export interface OrphanTest {
  claim: Claim
  reason: string
}

export interface LevelMismatch {
  clause: Clause
  claims: Claim[]
  /** the runners the clause's levels ask for (config `runners`) */
  expected: Runner[]
  found: TestRunner[]
}

export interface Drift {
  /** parse errors of the SPEC: the clauses of those files are unknown, so their tests look orphaned */
  errors: Diagnostic[]
  uncovered: UncoveredCase[]
  stale: StaleTest[]
  orphans: OrphanTest[]
  mismatches: LevelMismatch[]
  clauses: number
  tests: number
  skeletons: number
}

export function computeDrift(spec: Spec, files: readonly TestFileScan[], config: SpecgateConfig): Drift {
  const claims = files.flatMap((f) => f.claims)
  const runnerOf = new Map(files.map((f) => [f.file, f.runner]))
  const byId = groupBy(claims, (c) => c.id)
  return {
    errors: spec.errors,
    uncovered: spec.clauses.flatMap((c) => uncoveredCases(c, byId.get(c.id ?? '') ?? [])),
    stale: claims.flatMap((c) => staleTest(spec, c)),
    orphans: claims.flatMap((c) => orphan(spec, c)),
    mismatches: [...spec.byId.values()].flatMap((c) => mismatch(c, byId.get(c.id!) ?? [], runnerOf, config)),
    clauses: spec.clauses.length,
    tests: claims.length,
    skeletons: claims.filter((c) => c.skeleton).length,
  }
}

function uncoveredCases(clause: Clause, claims: readonly Claim[]): UncoveredCase[] {
  const level = clause.levels[0] ?? 'none'
  if (claims.some((c) => c.row === undefined)) return []
  const rows = new Set(claims.map((c) => c.row))
  const open = clause.cases.filter((k) => k.row === undefined || !rows.has(k.row))
  if (open.length === clause.cases.length) return [{ clause, key: clause.id ?? clause.key, level }]
  return open.map((k) => ({ clause, key: k.key, level }))
}

function staleTest(spec: Spec, claim: Claim): StaleTest[] {
  const clause = spec.byId.get(claim.id)
  if (!clause || clause.hash === claim.hash || !rowExists(clause, claim.row)) return []
  return [{ claim, clause, diff: stepDiff(clause, claim) }]
}

function orphan(spec: Spec, claim: Claim): OrphanTest[] {
  const clause = spec.byId.get(claim.id)
  if (!clause) {
    return [{ claim, reason: `names ${claim.id}, which the SPEC does not have (deleted or mistyped${nearIdHint(claim.id, spec)})` }]
  }
  if (rowExists(clause, claim.row)) return []
  const rows = clause.cases.filter((k) => k.row !== undefined).length
  return [{ claim, reason: `names ${claim.id} row ${claim.row}, but ${claim.id} has ${rows ? `${rows} Examples rows` : 'no Examples rows'}` }]
}

function rowExists(clause: Clause, row: number | undefined): boolean {
  return row === undefined || clause.cases.some((k) => k.row === row)
}

/** Every test that claims the clause runs on a runner its levels do not ask for. */
function mismatch(clause: Clause, claims: readonly Claim[], runnerOf: Map<string, TestRunner | undefined>, config: SpecgateConfig): LevelMismatch[] {
  if (claims.length === 0 || clause.levels.length === 0) return []
  const expected = [...new Set(clause.levels.flatMap((l) => config.runners[l]))]
  const found = claims.map((c) => runnerOf.get(c.file))
  if (found.some((r) => r === undefined || expected.includes(r))) return []
  return [{ clause, claims: [...claims], expected, found: [...new Set(found as TestRunner[])] }]
}

export function outOfStep(d: Drift): boolean {
  return d.errors.length + d.uncovered.length + d.stale.length + d.orphans.length + d.mismatches.length > 0
}
