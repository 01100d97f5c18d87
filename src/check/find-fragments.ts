/**
 * Which ledger fragments `specgate check` reads: the given files, folders and globs, or every
 * `*.json` under the configured ledger folder. A named file or folder that does not exist is a
 * usage error; a folder or glob with nothing in it is "no evidence found", decided by the caller.
 */
import fs from 'node:fs'
import path from 'node:path'
import { glob } from 'tinyglobby'
import { InputError } from '../diagnostics.js'

export async function findFragments(root: string, patterns: readonly string[], ledgerDir: string): Promise<string[]> {
  if (patterns.length === 0) return listJson(root, ledgerDir)
  const found: string[] = []
  for (const p of patterns) found.push(...(await expand(root, p)))
  return [...new Set(found)].sort()
}

async function expand(root: string, pattern: string): Promise<string[]> {
  if (/[*?{[]/.test(pattern)) return glob(pattern, { cwd: root, absolute: true, onlyFiles: true })
  const abs = path.resolve(root, pattern)
  const stat = fs.statSync(abs, { throwIfNoEntry: false })
  if (!stat) throw new InputError('no such ledger file or folder', { file: pattern })
  return stat.isDirectory() ? listJson(root, pattern) : [abs]
}

async function listJson(root: string, dir: string): Promise<string[]> {
  const abs = path.resolve(root, dir)
  if (!fs.existsSync(abs)) return []
  const files = await glob('**/*.json', { cwd: abs, absolute: true, onlyFiles: true })
  return files.map((f) => path.normalize(f)).sort()
}
