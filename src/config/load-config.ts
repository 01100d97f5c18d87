/** Finds, loads and validates specgate.config.*; every problem is one InputError naming the key path. */
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { closest } from 'fastest-levenshtein'
import type { z } from 'zod'
import { InputError } from '../diagnostics.js'
import { configSchema, type SpecgateConfig } from './schema.js'

export const CONFIG_FILES = [
  'specgate.config.ts', 'specgate.config.mts', 'specgate.config.mjs', 'specgate.config.js',
  'specgate.config.json', 'specgate.config.yaml', 'specgate.config.yml',
]

export interface LoadedConfig {
  root: string
  /** root-relative path of the file read, or undefined when every default applies */
  file?: string
  config: SpecgateConfig
}

export async function loadConfig(root: string, explicit?: string): Promise<LoadedConfig> {
  const file = explicit ?? CONFIG_FILES.find((f) => fs.existsSync(path.join(root, f)))
  if (!file) return { root, config: configSchema.parse({}) }
  const raw = await readConfigFile(root, file)
  return { root, file, config: validateConfig(raw, file) }
}

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

async function readConfigFile(root: string, file: string): Promise<unknown> {
  const abs = path.resolve(root, file)
  if (!fs.existsSync(abs)) throw new InputError('config file not found', { file })
  if (/\.(json|ya?ml)$/.test(file)) return parseDataFile(abs, file, file.endsWith('.json') ? JSON.parse : (await import('yaml')).parse)
  return importConfigModule(abs, file)
}

/** `parse` is JSON's or, loaded only for a YAML config, the yaml package's. */
function parseDataFile(abs: string, file: string, parse: (text: string) => unknown): unknown {
  const text = fs.readFileSync(abs, 'utf8')
  try {
    return parse(text)
  } catch (err) {
    const e = err as Error & { linePos?: { line: number; col: number }[] }
    const pos = e.linePos?.[0]
    throw new InputError(`not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${e.message.split('\n')[0]}`, {
      file, line: pos?.line, column: pos?.col,
    })
  }
}

async function importConfigModule(abs: string, file: string): Promise<unknown> {
  try {
    if (/\.[mc]?ts$/.test(file)) {
      const { createJiti } = await import('jiti')
      return await createJiti(import.meta.url, { interopDefault: true }).import(abs, { default: true })
    }
    const mod = (await import(pathToFileURL(abs).href)) as { default?: unknown }
    return mod.default
  } catch (err) {
    throw new InputError(`cannot load config: ${(err as Error).message.split('\n')[0]}`, { file })
  }
}
