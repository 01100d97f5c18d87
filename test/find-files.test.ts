/**
 * generate finds the feature files and the test files in one walk where the patterns allow
 * (src/generate/find-files.ts): the two lists must be exactly what the two walks give, for any
 * files on disk and the patterns users write; patterns the split cannot be sure of walk twice.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, test } from 'vitest'
import { findProjectFiles, splitter } from '../src/generate/find-files.js'
import { featureGlobs, findFeatureFiles } from '../src/spec/find-features.js'
import { findTestFiles } from '../src/status/scan-tests.js'

const TEST_GLOBS = ['**/*.{test,spec}.{ts,tsx,mts,cts,js,jsx,mjs,cjs}', 'test/spec/**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}', 'e2e/spec/**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}']

/** Pattern sets as users write them: [feature patterns, test globs, whether one walk serves]. */
const PATTERNS: [string[], string[], boolean][] = [
  [['features/**/*.feature', 'features/**/*.feature.md'], TEST_GLOBS, true],
  [['**/*.feature'], ['**/*.test.ts'], true],
  [['features'], TEST_GLOBS, true], // a folder, which featureGlobs turns into its globs
  [['features/a.feature'], TEST_GLOBS, true], // a file, matched with `/**` added, as tinyglobby does
  [['**/*'], ['{test,e2e}/**/*.{ts,js}'], true], // every file is a feature, some are tests too
  [['spec/**/*.gherkin'], ['src/**/*.spec.*', 'test/**'], true],
  [['features/odd name (1).feature'], TEST_GLOBS, false], // an escaped file name: two walks
  [['./features/**/*.feature'], TEST_GLOBS, false],
  [['features/**/*.feature', '!features/sub/**'], TEST_GLOBS, false],
]

const FILES = [
  'features/a.feature', 'features/sub/b.feature', 'features/c.feature.md', 'features/notes.txt', 'features/x.test.ts',
  'features/odd name (1).feature', 'features/[brackets].feature', 'features/dir.feature/inner.feature',
  'test/a.test.ts', 'test/spec/keys.feature.test.ts', 'test/helper.ts', 'e2e/spec/x.spec.ts', 'src/y.spec.js', 'spec/s.gherkin',
  'node_modules/pkg/z.test.ts', 'node_modules/f.feature', '.git/h.test.ts', '.hidden/d.feature', 'features/.draft.feature',
  'a.feature', 'top.test.ts',
]

const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true })
})

function project(files: readonly string[]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'specgate-find-files-'))
  dirs.push(root)
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true })
    fs.writeFileSync(path.join(root, f), 'x')
  }
  return root
}

async function twoWalks(root: string, features: readonly string[], tests: readonly string[]) {
  return { features: await findFeatureFiles(root, features), tests: await findTestFiles(root, tests) }
}

describe('finding features and tests in one walk', () => {
  test.each(PATTERNS)('features %j, tests %j: the same lists as two walks', async (features, tests, oneWalk) => {
    const root = project(FILES)
    expect(await findProjectFiles(root, features, tests)).toEqual(await twoWalks(root, features, tests))
    expect(splitter(await featureGlobs(root, features), tests) !== undefined).toBe(oneWalk)
  })

  test('the same lists as two walks for any files on disk', async () => {
    const segment = fc.constantFrom('features', 'sub', 'test', 'spec', 'e2e', 'src', 'node_modules', '.git', '.hidden', 'a b', '(x)', '[y]', 'dir.feature')
    const name = fc.constantFrom('a.feature', 'b.feature.md', 'c.test.ts', 'd.spec.js', 'e.ts', '.f.feature', 'g.gherkin', 'h.test.mjs', 'k l.feature')
    const file = fc.tuple(fc.array(segment, { maxLength: 3 }), name).map(([ds, n]) => [...ds, n].join('/'))
    // globs only: a named file or folder that is not there is an input error, in both ways alike
    const patterns = fc.constantFrom(...PATTERNS.filter(([features, , one]) => one && features.every((p) => /[*?{[]/.test(p))))
    await fc.assert(fc.asyncProperty(fc.uniqueArray(file, { minLength: 1, maxLength: 12 }), patterns, async (files, [features, tests]) => {
      // a name cannot be both a file and a folder
      const kept = files.filter((f) => !files.some((g) => g.startsWith(`${f}/`)))
      const root = project(kept)
      expect(await findProjectFiles(root, features, tests)).toEqual(await twoWalks(root, features, tests))
    }), { numRuns: 40 })
  })
})
