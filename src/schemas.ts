/** The published JSON Schemas, generated from the zod schemas so the two never drift. */
import { z } from 'zod'
import { configSchema } from './config/schema.js'
import { ledgerSchema } from './ledger/schema.js'

export const SCHEMA_BASE = 'https://specgate.dev/schemas'

export function schemaDocuments(): Record<string, object> {
  return {
    'config.schema.json': document(configSchema, 'config.schema.json', 'specgate configuration'),
    'ledger.schema.json': document(ledgerSchema, 'ledger.schema.json', 'specgate evidence ledger (a fragment or a merged ledger)'),
  }
}

function document(schema: z.ZodType, file: string, title: string): object {
  const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>
  return { ...json, $id: `${SCHEMA_BASE}/${file}`, title }
}
