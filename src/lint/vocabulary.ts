/**
 * The tag vocabulary lint checks against: DESIGN.md's acceptance tags plus the team's own
 * (`tags.allowed` in the config), with a did-you-mean for the near misses.
 */
import { distance } from 'fastest-levenshtein'
import type { SpecgateConfig } from '../config/schema.js'
import { FLAG_TAGS, splitTag, VALUE_TAG_PREFIXES } from '../spec/acceptance-tags.js'

export type ValueTagKey = (typeof VALUE_TAG_PREFIXES)[number]

export type TagClass =
  | { kind: 'flag' }
  | { kind: 'value'; key: ValueTagKey; value: string }
  | { kind: 'allowed' }
  | { kind: 'unknown'; suggestion?: string }

export interface Vocabulary {
  classify(name: string): TagClass
}

interface KnownTags {
  exact: Set<string>
  /** `@jira:` for an allowed `@jira:*` */
  prefixes: string[]
  /** whole tags a typo may have meant */
  candidates: string[]
  /** value-tag keys a typo may have meant (`owner`, `jira`) */
  keys: string[]
}

export function makeVocabulary(config: SpecgateConfig): Vocabulary {
  const known = knownTags(config.tags.allowed)
  // A SPEC repeats a few dozen tag names many thousand times: each is worked out once.
  const seen = new Map<string, TagClass>()
  return {
    classify(name) {
      let c = seen.get(name)
      if (!c) seen.set(name, (c = classifyTag(name, known)))
      return c
    },
  }
}

function knownTags(allowed: readonly string[]): KnownTags {
  const exact = new Set(allowed.filter((t) => !t.endsWith(':*')))
  const prefixes = allowed.filter((t) => t.endsWith(':*')).map((t) => t.slice(0, -1))
  return {
    exact,
    prefixes,
    candidates: [...FLAG_TAGS.map((f) => `@${f}`), ...exact],
    keys: [...VALUE_TAG_PREFIXES, ...prefixes.map((p) => p.slice(1, -1))],
  }
}

function classifyTag(name: string, known: KnownTags): TagClass {
  const { key, value } = splitTag(name)
  if (value === undefined && (FLAG_TAGS as readonly string[]).includes(key)) return { kind: 'flag' }
  if (value !== undefined && (VALUE_TAG_PREFIXES as readonly string[]).includes(key)) return { kind: 'value', key: key as ValueTagKey, value }
  if (known.exact.has(name) || known.prefixes.some((p) => name.startsWith(p))) return { kind: 'allowed' }
  return { kind: 'unknown', suggestion: suggest(name, key, value, known) }
}

/** The closest known tag, if it is close enough to be a typo rather than a different word. */
function suggest(name: string, key: string, value: string | undefined, { candidates, keys }: KnownTags): string | undefined {
  if (value !== undefined) {
    const k = nearest(key, keys)
    if (k) return `@${k}:${value}`
  }
  // `@owner` without a value is closer to `@owner:<who>` than to any flag
  if (value === undefined && keys.includes(key)) return `@${key}:<value>`
  return nearest(name, candidates)
}

function nearest(word: string, among: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const c of among) {
    const d = distance(word.toLowerCase(), c.toLowerCase())
    if (d < bestDistance) [best, bestDistance] = [c, d]
  }
  const limit = Math.max(1, Math.floor(word.length / 3))
  return bestDistance <= limit ? best : undefined
}
