/** What every command starts from: the project root, its validated config and, when needed, the SPEC. */
import path from 'node:path'
import { loadConfig } from '../config/load-config.js'
import type { SpecgateConfig } from '../config/schema.js'
import { loadSpec } from '../spec/load-spec.js'
import type { Spec } from '../spec/model.js'

export interface GlobalOptions {
  root?: string
  config?: string
}

export interface Project {
  root: string
  configFile?: string
  config: SpecgateConfig
}

export async function openProject(opts: GlobalOptions): Promise<Project> {
  const root = path.resolve(opts.root ?? process.cwd())
  const { file, config } = await loadConfig(root, opts.config)
  return { root, configFile: file, config }
}

/** The SPEC of a project: the given paths, or the configured feature globs. */
export async function openSpec(project: Project, paths?: readonly string[]): Promise<Spec> {
  return loadSpec({ root: project.root, paths: featurePatterns(project, paths) })
}

/** Where a command looks for feature files: the paths it was given, else the configured globs. */
export function featurePatterns(project: Project, paths?: readonly string[]): readonly string[] {
  return paths?.length ? paths : project.config.features
}

/** What a command hands back to the entry point, which alone writes to the process. */
export interface CommandResult {
  exitCode: 0 | 1 | 2
  stdout?: string
  stderr?: string
}

/**
 * The stderr line for a SPEC whose globs found no feature file (a glob that matches nothing is no
 * error: a new project has none yet), so that a command run in the wrong folder does not look like
 * a clean result. Undefined when files were found.
 */
export function noFeaturesNote(found: number, patterns: readonly string[]): string | undefined {
  if (found > 0) return undefined
  return `specgate: no feature files found (looked for ${patterns.join(', ')}; set "features" in the config, or name the files or folders)`
}
