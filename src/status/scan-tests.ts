/** Finds the test files (configured globs) and scans each for the clauses it names. */
import fs from 'node:fs/promises'
import { glob } from 'tinyglobby'
import { InputError } from '../diagnostics.js'
import { scanSource, type TestFileScan } from './scan-source.js'

export interface TestScan {
  files: TestFileScan[]
  /** the source of every file that names a clause, for excerpts and --accept-hash */
  sources: Map<string, string>
}

export async function findTestFiles(root: string, globs: readonly string[]): Promise<string[]> {
  const found = await glob([...globs], { cwd: root, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'] })
  return [...new Set(found)].sort()
}

export async function scanTests(root: string, globs: readonly string[]): Promise<TestScan> {
  const files = await findTestFiles(root, globs)
  const scans = await Promise.all(files.map(async (file) => {
    const text = await readTest(root, file)
    return { scan: scanSource(file, text), text }
  }))
  const sources = new Map<string, string>()
  for (const { scan, text } of scans) if (scan.claims.length) sources.set(scan.file, text)
  return { files: scans.map((s) => s.scan), sources }
}

async function readTest(root: string, file: string): Promise<string> {
  try {
    return await fs.readFile(`${root}/${file}`, 'utf8')
  } catch (err) {
    throw new InputError(`cannot read test file: ${(err as Error).message}`, { file })
  }
}
