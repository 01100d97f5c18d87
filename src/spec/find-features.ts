/**
 * Which files make up the SPEC: globs, files and folders -> feature files. Kept apart from the
 * parser so that code needing only the file list (a test runner's start-up) does not load it.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { glob } from 'tinyglobby'
import { InputError } from '../diagnostics.js'
import { relPosix } from '../util/paths.js'

export const DEFAULT_FEATURE_GLOBS = ['features/**/*.feature', 'features/**/*.feature.md']

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
