/** Finds and reads the SPEC's feature files and builds the clause model. */
import { readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { glob } from 'tinyglobby'
import { compareDiagnostics, InputError } from '../diagnostics.js'
import { relPosix } from '../util/paths.js'
import { buildFeature } from './build-feature.js'
import type { Clause, Spec, SpecFile } from './model.js'
import { mediaTypeOf, parseFeature } from './parse-feature.js'

export const DEFAULT_FEATURE_GLOBS = ['features/**/*.feature', 'features/**/*.feature.md']

export interface LoadSpecOptions {
  /** project root; paths in the model are relative to it (default: process.cwd()) */
  root?: string
  /** globs, files or folders, relative to root (default: the features globs of DESIGN.md) */
  paths?: readonly string[]
  /**
   * one file per turn of the event loop, so a host that loads the SPEC while it serves others
   * (a test runner's main process, feeding its workers) is never held up for the whole parse
   */
  yieldBetweenFiles?: boolean
}

export async function loadSpec(options: LoadSpecOptions = {}): Promise<Spec> {
  const root = path.resolve(options.root ?? process.cwd())
  const files = await findFeatureFiles(root, options.paths ?? DEFAULT_FEATURE_GLOBS)
  // One file after another: thousands of concurrent promise reads cost more than they save.
  if (!options.yieldBetweenFiles) return buildSpec(root, files.map((abs) => readSource(root, abs)))
  const specFiles: SpecFile[] = []
  for (const abs of files) {
    await new Promise((resolve) => setImmediate(resolve))
    const { source } = readSource(root, abs)
    specFiles.push(parseSpecFile(root, abs, source))
  }
  return assembleSpec(root, specFiles)
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
  const { document, errors } = parseFeature(file, source, mediaType)
  const feature = document ? buildFeature(file, document, options.hashes ?? true) : undefined
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

/**
 * Globs, files and folders -> sorted absolute paths. A named file or folder that does not exist is
 * an input error; a glob that matches nothing is not (a new project has no features yet).
 */
export async function findFeatureFiles(root: string, patterns: readonly string[]): Promise<string[]> {
  const globs = await featureGlobs(root, patterns)
  const found = await glob(globs, { cwd: root, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'] })
  return [...new Set(found.map((f) => path.normalize(f)))].sort()
}

/** Globs, files and folders -> the globs that find their feature files (root-relative). */
export async function featureGlobs(root: string, patterns: readonly string[]): Promise<string[]> {
  const globs: string[] = []
  for (const p of patterns) globs.push(...(await expandPattern(root, p)))
  return globs
}

async function expandPattern(root: string, pattern: string): Promise<string[]> {
  if (/[*?{[]/.test(pattern)) return [pattern]
  const abs = path.resolve(root, pattern)
  const stat = await fs.stat(abs).catch(() => undefined)
  if (!stat) throw new InputError('no such file or folder', { file: pattern })
  if (!stat.isDirectory()) return [escapeGlob(relPosix(root, abs))]
  const dir = escapeGlob(relPosix(root, abs) || '.')
  return [`${dir}/**/*.feature`, `${dir}/**/*.feature.md`]
}

function escapeGlob(p: string): string {
  return p.replace(/[*?{}[\]()!]/g, '\\$&')
}
