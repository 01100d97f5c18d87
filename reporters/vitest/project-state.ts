/**
 * What the reporter needs to judge a run: the specgate config (with plugin overrides), the gate
 * mode and the SPEC's tags (needed before Vitest starts). The SPEC itself is parsed by the
 * evidence thread while the tests run (see run-thread.ts).
 */
import { loadConfig } from '../../src/config/load-config.js'
import type { SpecgateConfig } from '../../src/config/schema.js'
import { InputError } from '../../src/diagnostics.js'
import type { GateMode, SpecgatePluginOptions } from './plugin-options.js'
import { scanTags } from './scan-tags.js'

export interface ProjectState {
  root: string
  config: SpecgateConfig
  gate: GateMode
  /** every tag the SPEC uses, as written (`@unit`), but its `@id:` tags (see scan-tags.ts) */
  tags: string[]
}

export async function loadProjectState(root: string, options: SpecgatePluginOptions, env: NodeJS.ProcessEnv): Promise<ProjectState> {
  const loaded = await loadConfig(root, options.config)
  const config = await withOverrides(loaded.config, options)
  const tags = await scanTags(root, config.features)
  return { root, config, gate: gateMode(options, config, env), tags }
}

async function withOverrides(config: SpecgateConfig, options: SpecgatePluginOptions): Promise<SpecgateConfig> {
  if (options.gate !== undefined && options.gate !== 'enforce' && options.gate !== 'report') {
    throw new InputError(`specgate() plugin option gate: expected 'enforce' or 'report', got ${JSON.stringify(options.gate)}`)
  }
  const gates = options.gates === undefined ? config.gates : await gatesWith(config, options.gates)
  return { ...config, gates, ledgerDir: options.ledgerDir ?? config.ledgerDir }
}

/** zod (50-70 ms to import on Vitest's main thread) only for a run whose plugin options set gates. */
async function gatesWith(config: SpecgateConfig, overrides: NonNullable<SpecgatePluginOptions['gates']>): Promise<SpecgateConfig['gates']> {
  const { configSchema } = await import('../../src/config/schema.js')
  const gates = configSchema.shape.gates.safeParse({ ...config.gates, ...overrides })
  if (gates.success) return gates.data
  const issue = gates.error.issues[0]!
  const key = issue.code === 'unrecognized_keys' ? `gates.${issue.keys[0]}` : ['gates', ...issue.path.map(String)].join('.')
  throw new InputError(`specgate() plugin option ${key}: ${issue.code === 'unrecognized_keys' ? 'not a gate' : issue.message}`)
}

export function gateMode(options: SpecgatePluginOptions, config: SpecgateConfig, env: NodeJS.ProcessEnv): GateMode {
  return options.gate ?? config.gate ?? (isCI(env) ? 'enforce' : 'report')
}

function isCI(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false'
}
