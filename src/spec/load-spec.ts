/** Finds and reads the SPEC's feature files and builds the clause model. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { compareDiagnostics, InputError } from '../diagnostics.js'
import { relPosix } from '../util/paths.js'
import { DEFAULT_FEATURE_GLOBS, findFeatureFiles } from './find-features.js'
import { buildFeature } from './build-feature.js'
import type { Clause, Spec, SpecFile } from './model.js'
import { mediaTypeOf, parseFeature } from './parse-feature.js'
import { quickFeature } from './quick-parse.js'

export interface LoadSpecOptions {
  /** project root; paths in the model are relative to it (default: process.cwd()) */
  root?: string
  /** globs, files or folders, relative to root (default: the features globs of DESIGN.md) */
  paths?: readonly string[]
}

export async function loadSpec(options: LoadSpecOptions = {}): Promise<Spec> {
  const root = path.resolve(options.root ?? process.cwd())
  const files = await findFeatureFiles(root, options.paths ?? DEFAULT_FEATURE_GLOBS)
  // One file after another: thousands of concurrent promise reads cost more than they save.
  return buildSpec(root, files.map((abs) => readSource(root, abs)))
}

export interface BuildOptions {
  /**
   * false: leave every clause hash '' (for callers that never read it, such as lint: hashing is a
   * good part of modelling a large SPEC). Default true.
   */
  hashes?: boolean
}

/** Pure: sources already read -> the model. */
export function buildSpec(root: string, sources: readonly { absPath: string; source: string }[], options: BuildOptions = {}): Spec {
  return assembleSpec(root, sources.map(({ absPath, source }) => parseSpecFile(root, absPath, source, options)))
}

function assembleSpec(root: string, specFiles: SpecFile[]): Spec {
  const features = specFiles.flatMap((f) => (f.feature ? [f.feature] : []))
  const clauses = features.flatMap((f) => f.clauses)
  return {
    root,
    files: specFiles,
    features,
    clauses,
    byId: indexById(clauses),
    errors: specFiles.flatMap((f) => f.errors).sort(compareDiagnostics),
  }
}

export function parseSpecFile(root: string, absPath: string, source: string, options: BuildOptions = {}): SpecFile {
  const file = relPosix(root, absPath)
  const mediaType = mediaTypeOf(file)
  const hashes = options.hashes ?? true
  // the fast path for plain Gherkin that parses cleanly; the reference parser for the rest, and for every error
  const quick = mediaType === 'text/x.cucumber.gherkin+plain' ? quickFeature(file, source, hashes) : undefined
  if (quick) return { file, absPath, source, mediaType, feature: quick.feature, errors: [] }
  const { document, errors } = parseFeature(file, source, mediaType)
  const feature = document ? buildFeature(file, document, hashes) : undefined
  return { file, absPath, source, mediaType, feature, errors }
}

function indexById(clauses: readonly Clause[]): Map<string, Clause> {
  const byId = new Map<string, Clause>()
  for (const c of clauses) if (c.id && !byId.has(c.id)) byId.set(c.id, c)
  return byId
}

/** A feature file's text; unreadable is an input error naming the file. */
export function readSource(root: string, absPath: string): { absPath: string; source: string } {
  try {
    return { absPath, source: readFileSync(absPath, 'utf8') }
  } catch (err) {
    throw new InputError(`cannot read feature file: ${(err as Error).message}`, { file: relPosix(root, absPath) })
  }
}

