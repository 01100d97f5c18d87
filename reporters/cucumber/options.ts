/**
 * The formatter's options, given as `--format-options '{"specgate": {...}}'` (or `formatOptions` in
 * the Cucumber config); each overrides the same setting of specgate.config.*.
 */
import { z } from 'zod'
import { InputError } from '../../src/diagnostics.js'

export const formatterOptionsSchema = z.strictObject({
  /** enforce: a failing gate fails the run; report: only print. Default: config `gate`, else enforce when CI is set */
  gate: z.enum(['enforce', 'report']).optional(),
  /** the specgate config file, relative to Cucumber's cwd (default: specgate.config.* found there) */
  config: z.string().optional(),
  /** the folder fragments go to (default: config `ledgerDir`) */
  ledgerDir: z.string().optional(),
  /** names this fragment among several Cucumber runs of one CI build */
  label: z.string().regex(/^[\w.-]+$/, 'letters, digits, dot, dash and underscore only').optional(),
  /** `<index>/<total>` when the run is one shard (`--shard`): shards merge instead of replacing each other */
  shard: z.string().regex(/^[1-9]\d*\/[1-9]\d*$/, 'expected <index>/<total>, e.g. 1/3').optional(),
  /** print the clause summary at the end of the run; default true */
  summary: z.boolean().default(true),
})

export type FormatterOptions = z.output<typeof formatterOptionsSchema>

/** `parsedArgvOptions.specgate` -> options; a typo is an error naming the key. */
export function readFormatterOptions(formatOptions: Record<string, unknown>): FormatterOptions {
  const parsed = formatterOptionsSchema.safeParse(formatOptions.specgate ?? {})
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  const key = issue.code === 'unrecognized_keys' ? `specgate.${issue.keys[0]}` : ['specgate', ...issue.path.map(String)].join('.')
  const what = issue.code === 'unrecognized_keys' ? `unknown key; known: ${Object.keys(formatterOptionsSchema.shape).join(', ')}` : issue.message
  throw new InputError(`specgate/cucumber format option ${key}: ${what}`)
}

export function parseShard(shard: string | undefined): { index: number; total: number } | undefined {
  if (!shard) return undefined
  const [index, total] = shard.split('/').map(Number) as [number, number]
  if (index > total) throw new InputError(`specgate/cucumber format option specgate.shard: index ${index} is greater than total ${total}`)
  return { index, total }
}
