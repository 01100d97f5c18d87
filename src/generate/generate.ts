/** `generate` as a function: SPEC + tests on disk -> the skeletons written (or, dry, to be written). */
import type { SpecgateConfig } from '../config/schema.js'
import type { Spec } from '../spec/model.js'
import { findTestFiles, scanTestFiles } from '../status/scan-tests.js'
import type { TestFileScan } from '../status/scan-source.js'
import { type Covered, type PlannedWrite, planTargets, renderTarget, type SkippedClause } from './plan-generate.js'
import { type Diagnostic, InputError } from '../diagnostics.js'
import { folderInside } from './test-file-path.js'
import { skippedLine } from './render-generate.js'
import { fingerprintFiles, fingerprintOf, readUpToDate, stampFiles, type Stamps, writeUpToDate } from './up-to-date.js'
import { assertAllInside, PlanWriter, readExisting } from './write-plan.js'

export interface GenerateOptions {
  root: string
  config: SpecgateConfig
  /** the config file, named in errors about its folders */
  configFile?: string
  /** plan and render, but write nothing */
  dryRun?: boolean
}

/** A file generate wrote or would write; `text` only on a dry run (a real run lets it go once written). */
export type GeneratedFile = Omit<PlannedWrite, 'text'> & { text?: string }

export interface GenerateResult {
  writes: GeneratedFile[]
  skipped: SkippedClause[]
  /** parse errors of the SPEC: those files got nothing */
  errors: Diagnostic[]
  written: boolean
}

export async function generate(spec: Spec, options: GenerateOptions): Promise<GenerateResult> {
  const config = withCheckedFolders(options.root, options.config, options.configFile)
  return (await run(spec, options, await findTestFiles(options.root, testGlobs(config)))).result
}

/**
 * Plan everything, check every path, then render and write one file at a time, so the text of
 * 10,000 test files is never held at once.
 */
async function run(spec: Spec, options: GenerateOptions, testFiles: readonly string[]): Promise<{ result: GenerateResult; stamps: Stamps }> {
  const { root } = options
  const config = withCheckedFolders(root, options.config, options.configFile)
  const scan = scanTestFiles(root, testFiles, { sources: false })
  const { targets, skipped } = planTargets(spec.features, config, coveredBy(scan.files))
  assertAllInside(root, targets.map((t) => t.path), generateDirs(config))
  const existing = readExisting(root, targets.map((t) => t.path))
  const writer = options.dryRun ? undefined : new PlanWriter(root)
  const writes = targets.map((t): GeneratedFile => {
    const planned = renderTarget(t, existing.get(t.path))
    if (!writer) return planned
    writer.write(planned)
    const { text: _written, ...rest } = planned
    return rest
  })
  const result = { writes, skipped, errors: spec.errors, written: writer !== undefined && writes.length > 0 }
  return { result, stamps: writer?.stamps ?? new Map() }
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
 * file, or the config, changed since the last complete run. The files are stamped before they
 * are read, and the files written are stamped as written: a file changed during the run no longer
 * matches its stamp, so the next run does the full work.
 */
export async function generateCached(loadSpec: () => Promise<Spec>, options: GenerateOptions): Promise<CachedGenerateResult> {
  const config = withCheckedFolders(options.root, options.config, options.configFile)
  const stamps = stampFiles(options.root, await fingerprintFiles(options.root, config, testGlobs(config)))
  const saved = readUpToDate(options.root)
  if (saved?.fingerprint === fingerprintOf(config, stamps)) {
    return { writes: [], skipped: [], errors: [], written: false, fast: true, skippedLines: saved.skipped }
  }
  // a test file that appears after the stamps were taken is scanned but not stamped: the next run redoes the work
  const { result, stamps: written } = await run(await loadSpec(), options, await findTestFiles(options.root, testGlobs(config)))
  const skippedLines = result.skipped.map(skippedLine)
  const complete = result.errors.length === 0 && (result.written || result.writes.length === 0)
  if (complete) {
    for (const [f, stamp] of written) stamps.set(f, stamp)
    writeUpToDate(options.root, { fingerprint: fingerprintOf(config, stamps), skipped: skippedLines })
  }
  return { ...result, fast: false, skippedLines }
}
