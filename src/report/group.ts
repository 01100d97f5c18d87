/** Clause verdicts by feature file, in SPEC order: the shape every report lists them in. */
import type { ClauseVerdict } from '../ledger/verdict.js'
import { groupBy } from '../util/group-by.js'

export interface FeatureGroup {
  file: string
  name: string
  clauses: ClauseVerdict[]
}

/** Several reports group the same verdicts: the grouping is made once per list (callers only read it). */
const grouped = new WeakMap<readonly ClauseVerdict[], FeatureGroup[]>()

export function byFeature(clauses: readonly ClauseVerdict[]): FeatureGroup[] {
  let groups = grouped.get(clauses)
  if (!groups) grouped.set(clauses, (groups = groupByFeature(clauses)))
  return groups
}

function groupByFeature(clauses: readonly ClauseVerdict[]): FeatureGroup[] {
  // one feature per file, so its first clause names it
  return [...groupBy(clauses, (cv) => cv.clause.file)].map(([file, list]) => ({ file, name: list[0]!.clause.feature.name, clauses: list }))
}

export function levelOf(cv: ClauseVerdict): string {
  const levels = cv.clause.levels
  return levels.length === 1 ? levels[0]! : levels.join('+') || '-'
}

