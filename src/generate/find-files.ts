/**
 * The feature files and the test files of a project, as findFeatureFiles and findTestFiles find
 * them, in one walk where that gives the same two lists: on 5,000 features, one walk took 18-25 ms
 * and the two 47-73 ms (a one-off script), and a rerun after a SPEC change walked three times.
 */
import path from 'node:path'
import picomatch from 'picomatch'
import { glob } from 'tinyglobby'
import { featureGlobs, findFeatureFiles } from '../spec/find-features.js'
import { findTestFiles, NEVER_TESTS } from '../status/scan-tests.js'

export interface FoundFiles {
  /** absolute, sorted */
  features: string[]
  /** root-relative, sorted */
  tests: string[]
}

/** `featurePatterns`: globs, files or folders, as findFeatureFiles takes them; `testGlobs`: globs. */
export async function findProjectFiles(root: string, featurePatterns: readonly string[], testGlobs: readonly string[]): Promise<FoundFiles> {
  const features = await featureGlobs(root, featurePatterns)
  const split = splitter(features, testGlobs)
  const found = split && split(root, await walkProject(root, features, testGlobs))
  return found ?? { features: await findFeatureFiles(root, featurePatterns), tests: await findTestFiles(root, testGlobs) }
}

/**
 * Every file either kind of glob finds (root-relative, each once), in one walk: what the
 * no-change fingerprint covers (up-to-date.ts), and what splitter tells apart.
 */
export async function walkProject(root: string, featureGlobs: readonly string[], testGlobs: readonly string[]): Promise<string[]> {
  return [...new Set(await glob([...featureGlobs, ...testGlobs], { cwd: root, onlyFiles: true, ignore: NEVER_TESTS }))]
}

/**
 * How to tell one walk's files apart, or undefined where only two walks are sure to give what
 * each glob alone gives. One walk for both globs with NEVER_TESTS ignored finds every file either
 * would (its directories are the union of theirs), and a file found is a feature or a test by
 * the same test tinyglobby (0.2) makes: picomatch with its options, on each pattern as it
 * normalises it, which for a plain pattern is the pattern with `/**` added unless it ends in `*`.
 * Plain: relative, no `.` or `..` segment, no segment that starts with a dot (so `.git`, which
 * only the test walk ignores, can match no feature pattern), no negation, no backslash escape.
 * A file found that neither claims means the two disagree: the caller walks twice then.
 * test/find-files.test.ts holds the split to the two walks.
 */
export function splitter(featureGlobs: readonly string[], testGlobs: readonly string[]): ((root: string, walked: readonly string[]) => FoundFiles | undefined) | undefined {
  if (![...featureGlobs, ...testGlobs].every(isPlain)) return undefined
  const isFeature = picomatch(featureGlobs.map(asMatched), MATCH_OPTIONS)
  const isTest = picomatch(testGlobs.map(asMatched), MATCH_OPTIONS)
  return (root, walked) => {
    const features: string[] = []
    const tests: string[] = []
    // walkProject's files, each once
    for (const f of walked) {
      const feature = isFeature(f)
      const test = isTest(f)
      // a file the walk found that neither test claims: the two disagree with tinyglobby, so trust neither
      if (!feature && !test) return undefined
      if (feature) features.push(path.join(root, f))
      if (test) tests.push(f)
    }
    return { features: features.sort(), tests: tests.sort() }
  }
}

/** tinyglobby's options for picomatch, at its defaults (dot files not matched, case-sensitive). */
const MATCH_OPTIONS = { dot: false, nobrace: false, nocase: false, noextglob: false, noglobstar: false, posix: true }

function isPlain(pattern: string): boolean {
  if (pattern === '' || pattern.startsWith('/') || pattern.startsWith('!') || pattern.includes('\\') || pattern.endsWith('/')) return false
  return pattern.split('/').every((segment) => segment !== '' && !segment.startsWith('.'))
}

function asMatched(pattern: string): string {
  return pattern.endsWith('*') ? pattern : `${pattern}/**`
}
