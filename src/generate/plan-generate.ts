/**
 * What `generate` would write, decided purely from the SPEC, the clauses tests already name and
 * the text of the test files it would extend. No file system here.
 */
import type { SpecgateConfig } from '../config/schema.js'
import { caseKey, type Clause, type FeatureModel, type Level } from '../spec/model.js'
import { namesForAppend } from './import-names.js'
import { renderFeatureBlock, renderFile, type SkeletonCase, usedHelpers } from './render-skeleton.js'
import { type SkeletonRunner, testFilePath } from './test-file-path.js'

/** Cases tests already name: `ID` (a test for the whole clause) or `ID[row]`. */
export type Covered = ReadonlySet<string>

export interface Target {
  /** root-relative POSIX path of the test file */
  path: string
  runner: SkeletonRunner
  feature: string
  cases: SkeletonCase[]
}

export interface SkippedClause {
  clause: Clause
  reason: string
}

export interface PlannedWrite {
  path: string
  runner: SkeletonRunner
  mode: 'create' | 'append'
  /** the whole new file, or the text appended after the existing bytes */
  text: string
  /** the case keys (`KEYS-001`, `KEYS-004[2]`) that get a skeleton */
  keys: string[]
}

export function isCovered(covered: Covered, clause: Clause, row?: number): boolean {
  const id = clause.id ?? clause.key
  return covered.has(id) || (row !== undefined && covered.has(caseKey(id, row)))
}

/**
 * The test files to create or extend, one per feature and runner, with the cases each needs.
 * `seen` holds the ids of features planned before these (a later duplicate is skipped); it grows.
 */
export function planTargets(features: readonly FeatureModel[], config: SpecgateConfig, covered: Covered, seen = new Set<string>()): { targets: Target[]; skipped: SkippedClause[] } {
  const targets = new Map<string, Target>()
  const skipped: SkippedClause[] = []
  for (const feature of features) {
    // one target per runner for the whole feature: its path is worked out once, not per clause
    const mine = new Map<SkeletonRunner, Target>()
    for (const clause of feature.clauses) {
      const runners = runnersOf(clause, config)
      const reason = skipReason(clause, runners, seen)
      if (reason) { skipped.push({ clause, reason }); continue }
      seen.add(clause.id!)
      for (const runner of runners) {
        let target = mine.get(runner)
        if (!target) mine.set(runner, (target = targetFor(targets, feature, runner, config)))
        addCases(target, clause, covered)
      }
    }
  }
  return { targets: [...targets.values()].filter((t) => t.cases.length > 0), skipped }
}

function skipReason(clause: Clause, runners: readonly SkeletonRunner[], seen: Set<string>): string | undefined {
  if (!clause.id) return 'no @id: tag (run `specgate ids --write`)'
  if (seen.has(clause.id)) return `duplicate id ${clause.id} (see \`specgate lint\`)`
  if (clause.levels.length === 0) return 'no level tag (@unit, @integration or @e2e)'
  if (runners.length === 0) return 'its level runs on Cucumber only (config `runners`), which runs the feature itself'
  return undefined
}

/** @unit/@integration -> Vitest and @e2e -> Playwright by default; config `runners` decides. Not to be changed: lists are shared. */
function runnersOf(clause: Clause, config: SpecgateConfig): readonly SkeletonRunner[] {
  // one level (most clauses): its list, worked out once per config
  if (clause.levels.length === 1) return runnersOfLevel(clause.levels[0]!, config)
  return skeletonRunners(clause.levels.flatMap((l) => config.runners[l]))
}

function runnersOfLevel(level: Level, config: SpecgateConfig): readonly SkeletonRunner[] {
  let byLevel = BY_LEVEL.get(config.runners)
  if (!byLevel) BY_LEVEL.set(config.runners, (byLevel = new Map()))
  let runners = byLevel.get(level)
  if (!runners) byLevel.set(level, (runners = skeletonRunners(config.runners[level])))
  return runners
}

const BY_LEVEL = new WeakMap<SpecgateConfig['runners'], Map<Level, readonly SkeletonRunner[]>>()

function skeletonRunners(runners: readonly string[]): SkeletonRunner[] {
  return (['vitest', 'playwright'] as const).filter((r) => runners.includes(r))
}

/** The target a feature's cases for a runner go to (two features may share one: `a/x.feature`, `b/x.feature` under globs `a/**`, `b/**`). */
function targetFor(targets: Map<string, Target>, feature: FeatureModel, runner: SkeletonRunner, config: SpecgateConfig): Target {
  const dir = runner === 'vitest' ? config.generate.vitestDir : config.generate.playwrightDir
  const path = testFilePath(feature.file, config.features, dir, runner)
  let target = targets.get(path)
  if (!target) targets.set(path, (target = { path, runner, feature: feature.file, cases: [] }))
  return target
}

function addCases(target: Target, clause: Clause, covered: Covered): void {
  for (const kase of clause.cases) {
    if (!isCovered(covered, clause, kase.row)) target.cases.push({ clause, case: kase })
  }
}

/** The text to write for a target: a new file, or a block after what `existing` holds. */
export function renderTarget(target: Target, existing: string | undefined): PlannedWrite {
  const keys = target.cases.map((c) => c.case.key)
  const base = { path: target.path, runner: target.runner, keys }
  if (existing === undefined) return { ...base, mode: 'create', text: renderFile(target.runner, target.cases) }
  const { names, imports } = namesForAppend(existing, target.runner, usedHelpers(target.cases))
  const lead = existing === '' || existing.endsWith('\n') ? '\n' : '\n\n'
  const header = `// specgate generate: clauses added to ${target.feature}`
  const block = [header, ...imports, renderFeatureBlock(target.cases, names)].join('\n')
  return { ...base, mode: 'append', text: `${lead}${block}` }
}
