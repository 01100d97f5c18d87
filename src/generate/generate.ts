/** `generate` as a function: SPEC + tests on disk -> the skeletons written (or, dry, to be written). */
import type { SpecgateConfig } from '../config/schema.js'
import { featureGlobs } from '../spec/find-features.js'
import { readSource } from '../spec/load-spec.js'
import { caseKey } from '../spec/model.js'
import { scanTestFiles } from '../status/scan-tests.js'
import type { TestFileScan } from '../status/scan-source.js'
import { type Diagnostic, compareDiagnostics, InputError } from '../diagnostics.js'
import { relPosix } from '../util/paths.js'
import { folderInside, testFilePath } from './test-file-path.js'
import { chunkFeatures } from './feature-chunks.js'
import { type ChunksResult, type GeneratedFile, generateChunks, sourcesOf } from './generate-chunks.js'
import { fingerprintOf, readUpToDate, stampFiles, type Stamps, writeUpToDate } from './up-to-date.js'
import { assertAllInside } from './write-plan.js'
import { findProjectFiles, type FoundFiles, splitter, walkProject } from './find-files.js'
import { removeDeadStages } from '../util/staging.js'
import { phaseDone } from '../util/timings.js'

export type { GeneratedFile } from './generate-chunks.js'

export interface GenerateOptions {
  root: string
  config: SpecgateConfig
  /** the config file, named in errors about its folders */
  configFile?: string
  /** feature files, folders or globs (default: the configured features globs) */
  paths?: readonly string[]
  /** plan and render, but write nothing */
  dryRun?: boolean
}

export interface GenerateResult {
  writes: GeneratedFile[]
  /** the `skipped ...` lines: clauses that got nothing, and why */
  skipped: string[]
  /** parse errors of the SPEC: those files got nothing */
  errors: Diagnostic[]
  written: boolean
  /** the feature files read */
  features: number
}

/**
 * Files per chunk. One (a chunk only grows to keep features that share a test file together):
 * measured on 5,000 features, 32 per chunk let models live long enough to be promoted, and the
 * peak was 235 MB instead of 138 MB, for no time saved.
 */
const CHUNK_FILES = 1

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const config = withCheckedFolders(options.root, options.config, options.configFile)
  return (await run({ ...options, config })).result
}

/**
 * Every feature file is read and every target path checked before anything is written; then the
 * files are generated chunk after chunk (see generate-chunks.ts).
 */
async function run(options: GenerateOptions, found?: FoundFiles): Promise<{ result: GenerateResult; stamps: Stamps }> {
  const { root, config } = options
  const { features: files, tests } = found ?? (await findFiles(root, config, options.paths))
  const sources = files.map((abs) => readSource(root, abs))
  phaseDone('feature files read')
  const covered = coveredBy(scanTestFiles(root, tests, { sources: false }).files)
  const rel = files.map((abs) => relPosix(root, abs))
  const targets = rel.map((f) => targetsOf(f, config))
  const allTargets = targets.flat()
  assertAllInside(root, allTargets, generateDirs(config))
  const dryRun = options.dryRun ?? false
  // once, before the first write: the stages a killed run or a kept skeleton left beside any of these files
  if (!dryRun) removeDeadStages(root, allTargets)
  const chunks = chunkFeatures(targets.map((t) => t[0]!), CHUNK_FILES)
  phaseDone('tests scanned, target paths checked, dead stages removed')
  const done = await generateChunks({ root, config, covered, dryRun, chunks: sourcesOf(sources, chunks) })
  return { result: merge(done, dryRun, files.length), stamps: done.stamps }
}

async function findFiles(root: string, config: SpecgateConfig, paths?: readonly string[]): Promise<FoundFiles> {
  return findProjectFiles(root, paths ?? config.features, testGlobs(config))
}

function merge(done: ChunksResult, dryRun: boolean, features: number): GenerateResult {
  const { writes, skipped, errors } = done
  return { writes, skipped, errors: errors.sort(compareDiagnostics), written: !dryRun && writes.length > 0, features }
}

/** Every path a feature could write to (one per runner): all are checked before the first write. */
function targetsOf(file: string, config: SpecgateConfig): string[] {
  return [
    testFilePath(file, config.features, config.generate.vitestDir, 'vitest'),
    testFilePath(file, config.features, config.generate.playwrightDir, 'playwright'),
  ]
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

export function coveredBy(files: readonly TestFileScan[]): Set<string> {
  const covered = new Set<string>()
  for (const f of files) for (const c of f.claims) covered.add(caseKey(c.id, c.row))
  return covered
}

export interface CachedGenerateResult extends GenerateResult {
  /** true when the fingerprint matched and the SPEC was not read at all */
  fast: boolean
  /** the line saying the up-to-date cache could not be saved (the run itself is not affected) */
  warning?: string
}

/**
 * generate() behind the no-change fast path. The SPEC is only read when a feature or test
 * file, or the config, changed since the last complete run. The files are stamped before they
 * are read, and the files written are stamped as written: a file changed during the run no longer
 * matches its stamp, so the next run does the full work. A dry run (`--dry-run`, `--check`) may
 * take the fast path but saves nothing: it writes no file at all.
 */
export async function generateCached(options: Omit<GenerateOptions, 'paths'>): Promise<CachedGenerateResult> {
  const config = withCheckedFolders(options.root, options.config, options.configFile)
  const { root } = options
  const saved = readUpToDate(root)
  let stamps: Stamps | undefined
  let found: FoundFiles | undefined
  if (saved) {
    // a run to compare with: the files are found in one walk, and a rerun with nothing changed does no more
    const globs = { features: await featureGlobs(root, config.features), tests: testGlobs(config) }
    const files = await walkProject(root, globs.features, globs.tests)
    stamps = stampFiles(root, files)
    if (saved.fingerprint === fingerprintOf(config, stamps)) {
      phaseDone('files found and stamped')
      return { writes: [], skipped: saved.skipped, errors: [], written: false, features: saved.features, fast: true }
    }
    // something changed: the same walk's files, told apart, where the patterns allow (find-files.ts)
    found = splitter(globs.features, globs.tests)?.(root, files)
  }
  found ??= await findFiles(root, config)
  // nothing to compare with: the files the run reads are stamped, before it reads them
  stamps ??= stampFiles(root, [...found.features.map((abs) => relPosix(root, abs)), ...found.tests])
  phaseDone('files found and stamped')
  // a file that appears after the stamps were taken is read but not stamped: the next run redoes the work
  const { result, stamps: written } = await run({ ...options, config }, found)
  // saved only after a run that wrote all it planned (a write that fails throws before this)
  if (result.errors.length > 0 || options.dryRun) return { ...result, fast: false }
  for (const [f, stamp] of written) stamps.set(f, stamp)
  const warning = writeUpToDate(root, { fingerprint: fingerprintOf(config, stamps), skipped: result.skipped, features: result.features })
  return { ...result, fast: false, ...(warning && { warning }) }
}
