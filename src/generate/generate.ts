/** `generate` as a function: SPEC + tests on disk -> the skeletons written (or, dry, to be written). */
import type { SpecgateConfig } from '../config/schema.js'
import type { Spec } from '../spec/model.js'
import { scanTests } from '../status/scan-tests.js'
import type { TestFileScan } from '../status/scan-source.js'
import { type Covered, type PlannedWrite, planTargets, renderTarget, type SkippedClause } from './plan-generate.js'
import { type Diagnostic, InputError } from '../diagnostics.js'
import { folderInside } from './test-file-path.js'
import { skippedLine } from './render-generate.js'
import { fingerprint, readUpToDate, writeUpToDate } from './up-to-date.js'
import { readExisting, writePlan } from './write-plan.js'

export interface GenerateOptions {
  root: string
  config: SpecgateConfig
  /** the config file, named in errors about its folders */
  configFile?: string
  /** plan and render, but write nothing */
  dryRun?: boolean
}

export interface GenerateResult {
  writes: PlannedWrite[]
  skipped: SkippedClause[]
  /** parse errors of the SPEC: those files got nothing */
  errors: Diagnostic[]
  written: boolean
}

export async function generate(spec: Spec, options: GenerateOptions): Promise<GenerateResult> {
  const { root } = options
  const config = withCheckedFolders(root, options.config, options.configFile)
  const scan = await scanTests(root, testGlobs(config))
  const { targets, skipped } = planTargets(spec.features, config, coveredBy(scan.files))
  const existing = await readExisting(root, targets.map((t) => t.path))
  const writes = targets.map((t) => renderTarget(t, existing.get(t.path)))
  if (!options.dryRun) writePlan(root, writes, generateDirs(config))
  return { writes, skipped, errors: spec.errors, written: !options.dryRun && writes.length > 0 }
}

/** The configured test globs, and always the generate folders: skeletons must be found there. */
export function testGlobs(config: SpecgateConfig): string[] {
  const ext = '*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'
  return [...config.tests, ...generateDirs(config).map((d) => `${d}/**/${ext}`)]
}

export function generateDirs(config: SpecgateConfig): string[] {
  return [config.generate.vitestDir, config.generate.playwrightDir]
}

/** The generate folders as root-relative paths; one pointing outside the project is a config error. */
export function withCheckedFolders(root: string, config: SpecgateConfig, configFile?: string): SpecgateConfig {
  const check = (key: 'vitestDir' | 'playwrightDir'): string => {
    const dir = folderInside(root, config.generate[key])
    if (dir === undefined) throw new InputError(`generate.${key}: "${config.generate[key]}" is not a folder inside the project`, { file: configFile })
    return dir
  }
  return { ...config, generate: { vitestDir: check('vitestDir'), playwrightDir: check('playwrightDir') } }
}

export function coveredBy(files: readonly TestFileScan[]): Covered {
  const covered = new Set<string>()
  for (const f of files) for (const c of f.claims) covered.add(c.row === undefined ? c.id : `${c.id}[${c.row}]`)
  return covered
}

export interface CachedGenerateResult extends GenerateResult {
  /** true when the fingerprint matched and the SPEC was not read at all */
  fast: boolean
  skippedLines: string[]
}

/**
 * generate() behind the no-change fast path. `loadSpec` is only called when a feature or test
 * file, or the config, changed since the last complete run.
 */
export async function generateCached(loadSpec: () => Promise<Spec>, options: GenerateOptions): Promise<CachedGenerateResult> {
  const config = withCheckedFolders(options.root, options.config, options.configFile)
  const before = await fingerprint(options.root, config, testGlobs(config))
  const saved = readUpToDate(options.root)
  if (saved?.fingerprint === before) return { writes: [], skipped: [], errors: [], written: false, fast: true, skippedLines: saved.skipped }
  const result = await generate(await loadSpec(), options)
  const skippedLines = result.skipped.map(skippedLine)
  const complete = result.errors.length === 0 && (result.written || result.writes.length === 0)
  if (complete) writeUpToDate(options.root, { fingerprint: await fingerprint(options.root, config, testGlobs(config)), skipped: skippedLines })
  return { ...result, fast: false, skippedLines }
}
