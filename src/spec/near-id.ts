/** The did-you-mean for a clause id the SPEC does not have. */
import { closest, distance } from 'fastest-levenshtein'
import type { Spec } from './model.js'

const upperIds = new WeakMap<Spec, { ids: string[]; upper: string[] }>()

/**
 * `; did you mean KEYS-001?`: the SPEC's nearest clause id, letter case aside (`keys-001` is
 * KEYS-001, not FI-001, which is as many edits away), or '' when no id is close: a typo is a few
 * edits, and a far-off id (`NOPE-9` -> BILL-001) would send the reader the wrong way.
 */
export function nearIdHint(id: string, spec: Spec): string {
  let known = upperIds.get(spec)
  if (!known) {
    const ids = [...spec.byId.keys()]
    upperIds.set(spec, (known = { ids, upper: ids.map((i) => i.toUpperCase()) }))
  }
  if (known.ids.length === 0) return ''
  const wanted = id.toUpperCase()
  const near = closest(wanted, known.upper)
  if (distance(wanted, near) > closeEnough(wanted, near)) return ''
  return `; did you mean ${known.ids[known.upper.indexOf(near)]}?`
}

/** A third of the longer id, at least one edit: KEYS-02 and KEYS-0005 are close to KEYS-002, NOPE-9 is not close to BILL-001. */
function closeEnough(a: string, b: string): number {
  return Math.max(1, Math.floor(Math.max(a.length, b.length) / 3))
}
