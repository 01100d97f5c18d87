/**
 * Random changes to parsed JSON, for property tests of the schema checks: valid documents changed in
 * one or two places, near misses of the schemas' types and any JSON at all.
 */
import fc from 'fast-check'
import { expect } from 'vitest'

/** Values a change puts somewhere: near misses of the schema's types, and any JSON at all. */
const replacement = fc.oneof(
  fc.constantFrom(-1, 0, 1.5, 2 ** 53, '', 'passed', 'vitest', 'error', 'enforce', '(', 'AUTH', null, true, [], {}),
  fc.jsonValue({ maxDepth: 2 }),
)
export const change = fc.record({ at: fc.nat(), how: fc.constantFrom('delete', 'replace', 'add-key'), value: replacement, key: fc.constantFrom('extra', 'status', 'gate', '__proto__', '0') })
export type Change = typeof change extends fc.Arbitrary<infer T> ? T : never

/** Applies a change to one place of the parsed JSON (every property and item is a place). */
function applyChange(root: unknown, c: Change): void {
  const places: [Record<string, unknown>, string][] = []
  const walk = (v: unknown): void => {
    if (typeof v !== 'object' || v === null) return
    for (const k of Object.keys(v)) {
      places.push([v as Record<string, unknown>, k])
      walk((v as Record<string, unknown>)[k])
    }
  }
  walk(root)
  const [parent, key] = places[c.at % places.length]!
  if (c.how === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1)
    else delete parent[key]
  } else if (c.how === 'add-key' && !Array.isArray(parent)) {
    Object.defineProperty(parent, c.key, { value: c.value, enumerable: true, writable: true, configurable: true })
  } else {
    parent[key] = c.value
  }
}

/** `value`'s JSON text after the changes, each applied to a fresh copy of it. */
export function changedText(value: unknown, changes: readonly Change[]): string {
  const json = JSON.parse(JSON.stringify(value)) as unknown
  for (const c of changes) applyChange(json, c)
  return JSON.stringify(json)
}

/** What a schema's parse says, as zod's safeParse gives it. */
export interface ParseResult {
  success: boolean
  data?: unknown
}

/**
 * A check generated from a published schema, held to zod, the schema's source, over 600 valid
 * documents changed in up to two places: `compare` makes its own assertions for one changed text
 * and says whether the generated check accepted it. Whatever that check accepts, zod must accept;
 * the changes must break more than 100 documents and leave more than 10 valid, so both sides are
 * exercised. Returns the texts zod accepted and the generated check refused.
 */
export function heldToZod(documents: fc.Arbitrary<unknown>, zod: { safeParse(value: unknown): ParseResult }, compare: (text: string, byZod: ParseResult) => boolean): string[] {
  let refused = 0
  const stricter: string[] = []
  fc.assert(fc.property(documents, fc.array(change, { maxLength: 2 }), (document, changes) => {
    const text = changedText(document, changes)
    const byZod = zod.safeParse(JSON.parse(text))
    const accepted = compare(text, byZod)
    if (accepted) expect(byZod.success).toBe(true)
    else if (byZod.success) stricter.push(text)
    if (!byZod.success) refused++
  }), { numRuns: 600 })
  expect(refused).toBeGreaterThan(100)
  expect(refused).toBeLessThan(590)
  return stricter
}

