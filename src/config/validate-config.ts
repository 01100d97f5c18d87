/**
 * The config checked by zod, the schema's source: for a config the generated check refuses (to word
 * its first problem, with a did-you-mean for a mistyped key) and for callers of the public API.
 */
import { closest } from 'fastest-levenshtein'
import type { z } from 'zod'
import { InputError } from '../diagnostics.js'
import { configSchema, type SpecgateConfig } from './schema.js'

export function validateConfig(raw: unknown, file: string): SpecgateConfig {
  const result = configSchema.safeParse(raw ?? {})
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  throw new InputError(describeIssue(issue), { file })
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const at = issue.path.map(String).join('.')
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!
    const where = at ? `${at}.${key}` : key
    const known = knownKeys(issue.path)
    const hint = known.length ? `; did you mean "${closest(key, known)}"?` : ''
    return `unknown key "${where}"${hint}`
  }
  return `${at || '(top level)'}: ${issue.message}`
}

/** The keys the schema accepts at a path, for the did-you-mean hint. */
function knownKeys(at: readonly PropertyKey[]): string[] {
  let node: unknown = configSchema
  for (const part of at) node = unwrap(node)?.shape?.[String(part)]
  return Object.keys(unwrap(node)?.shape ?? {})
}

function unwrap(node: unknown): { shape?: Record<string, unknown> } | undefined {
  let n = node as { shape?: Record<string, unknown>; unwrap?: () => unknown; def?: { innerType?: unknown } } | undefined
  while (n && !n.shape && (n.def?.innerType || n.unwrap)) n = (n.def?.innerType ?? n.unwrap?.()) as typeof n
  return n
}
