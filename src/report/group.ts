/** Clause verdicts by feature file, in SPEC order: the shape every report lists them in. */
import type { ClauseVerdict } from '../ledger/verdict.js'

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
  const groups = new Map<string, FeatureGroup>()
  for (const cv of clauses) {
    const g = groups.get(cv.clause.file) ?? { file: cv.clause.file, name: cv.clause.feature.name, clauses: [] }
    g.clauses.push(cv)
    groups.set(cv.clause.file, g)
  }
  return [...groups.values()]
}

export function levelOf(cv: ClauseVerdict): string {
  const levels = cv.clause.levels
  return levels.length === 1 ? levels[0]! : levels.join('+') || '-'
}

