/**
 * Finds, loads and validates specgate.config.*; every problem is one InputError naming the key path.
 * A valid config is checked without zod (check-config.ts); zod loads to decide and word the rest.
 */
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { InputError } from '../diagnostics.js'
import { quickConfig } from './check-config.js'
import type { SpecgateConfig } from './schema.js'

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
  if (!file) return { root, config: await checkConfig({}, 'the default config') }
  const raw = await readConfigFile(root, file)
  return { root, file, config: await checkConfig(raw, file) }
}

async function checkConfig(raw: unknown, file: string): Promise<SpecgateConfig> {
  return quickConfig(raw) ?? (await import('./validate-config.js')).validateConfig(raw, file)
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
