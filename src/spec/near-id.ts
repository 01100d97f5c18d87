/** The did-you-mean for a clause id the SPEC does not have. */
import { closest } from 'fastest-levenshtein'
import type { Spec } from './model.js'

const upperIds = new WeakMap<Spec, { ids: string[]; upper: string[] }>()

/**
 * `; did you mean KEYS-001?`: the SPEC's nearest clause id, letter case aside (`keys-001` is
 * KEYS-001, not FI-001, which is as many edits away), or '' when the SPEC has no ids.
 */
export function nearIdHint(id: string, spec: Spec): string {
  let known = upperIds.get(spec)
  if (!known) {
    const ids = [...spec.byId.keys()]
    upperIds.set(spec, (known = { ids, upper: ids.map((i) => i.toUpperCase()) }))
  }
  if (known.ids.length === 0) return ''
  return `; did you mean ${known.ids[known.upper.indexOf(closest(id.toUpperCase(), known.upper))]}?`
}
