/** Clause verdicts by feature file, in SPEC order: the shape every report lists them in. */
import type { ClauseVerdict } from '../ledger/verdict.js'

export interface FeatureGroup {
  file: string
  name: string
  clauses: ClauseVerdict[]
}

export function byFeature(clauses: readonly ClauseVerdict[]): FeatureGroup[] {
  const groups = new Map<string, FeatureGroup>()
  for (const cv of clauses) {
    const g = groups.get(cv.clause.file) ?? { file: cv.clause.file, name: cv.clause.feature.name, clauses: [] }
    g.clauses.push(cv)
    groups.set(cv.clause.file, g)
  }
  return [...groups.values()]
}

export function levelOf(cv: ClauseVerdict): string {
  return cv.clause.levels.join('+') || '-'
}

/** `test/a.test.ts:12`, the place evidence came from. */
export function placeOf(test: { file: string; line?: number }): string {
  return test.line ? `${test.file}:${test.line}` : test.file
}
