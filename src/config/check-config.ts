/**
 * The config's check on the way to every command: ajv's code generated from the published JSON
 * Schema (config-validator.generated.ts), so that a valid config needs no zod, which takes 50-70 ms
 * to import (a third of `specgate generate`'s start-up). zod, the schema's source, decides every
 * config this check does not accept, and words its problem (validate-config.ts); test/config.test.ts
 * holds the two to the same configs, key order included.
 */
import { configJsonSchema, validateConfigSchema } from './config-validator.generated.js'
import { isRegExp } from './is-regexp.js'
import type { SpecgateConfig } from './schema.js'

/** The config zod's parse would give, defaults filled in; undefined where zod must decide. */
export function quickConfig(raw: unknown): SpecgateConfig | undefined {
  let copy: unknown
  try {
    copy = structuredClone(raw ?? {}) // the check fills in defaults in place: never in the caller's object
  } catch {
    return undefined // functions, symbols: zod says what is wrong
  }
  if (!validateConfigSchema(copy)) return undefined
  // the one rule the JSON Schema cannot say
  if (!isRegExp((copy as SpecgateConfig).ids.pattern)) return undefined
  return inSchemaOrder(copy, configJsonSchema as SchemaNode) as SpecgateConfig
}

interface SchemaNode {
  properties?: Record<string, SchemaNode>
  additionalProperties?: SchemaNode | boolean
  items?: SchemaNode
}

/** zod gives an object's keys in its shape's order (which the JSON Schema lists), then a record's in their own. */
function inSchemaOrder(value: unknown, schema: SchemaNode): unknown {
  if (Array.isArray(value)) return schema.items ? value.map((v) => inSchemaOrder(v, schema.items!)) : value
  if (typeof value !== 'object' || value === null) return value
  const from = value as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const [key, node] of Object.entries(schema.properties ?? {})) {
    if (Object.hasOwn(from, key)) out[key] = inSchemaOrder(from[key], node)
  }
  const rest = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : {}
  for (const key of Object.keys(from)) {
    if (!Object.hasOwn(out, key)) out[key] = inSchemaOrder(from[key], rest)
  }
  return out
}
