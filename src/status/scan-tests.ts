/** Finds the test files (configured globs) and scans each for the clauses it names. */
import { readFileSync } from 'node:fs'
import { glob } from 'tinyglobby'
import { InputError } from '../diagnostics.js'
import { scanSource, type TestFileScan } from './scan-source.js'

export interface TestScan {
  files: TestFileScan[]
  /** the source of every file that names a clause, for excerpts and --accept-hash */
  sources: Map<string, string>
}

/** Folders no test glob should walk into: dependencies and version control. */
export const NEVER_TESTS = ['**/node_modules/**', '**/.git/**']

export async function findTestFiles(root: string, globs: readonly string[]): Promise<string[]> {
  const found = await glob([...globs], { cwd: root, onlyFiles: true, ignore: NEVER_TESTS })
  return [...new Set(found)].sort()
}

export async function scanTests(root: string, globs: readonly string[], options: ScanOptions = {}): Promise<TestScan> {
  return scanTestFiles(root, await findTestFiles(root, globs), options)
}

export interface ScanOptions {
  /** false: keep no sources (generate only needs the claims; 10,000 skeletons are a lot of text). Default true. */
  sources?: boolean
}

/** Root-relative files -> their claims. One read after another: cheaper than thousands of promises. */
export function scanTestFiles(root: string, files: readonly string[], options: ScanOptions = {}): TestScan {
  const keep = options.sources ?? true
  const scans: TestFileScan[] = []
  const sources = new Map<string, string>()
  for (const file of files) {
    const text = readTest(root, file)
    const scan = scanSource(file, text)
    scans.push(scan)
    if (keep && scan.claims.length) sources.set(file, text)
  }
  return { files: scans, sources }
}

function readTest(root: string, file: string): string {
  try {
    return readFileSync(`${root}/${file}`, 'utf8')
  } catch (err) {
    throw new InputError(`cannot read test file: ${(err as Error).message}`, { file })
  }
}
