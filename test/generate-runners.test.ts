/**
 * Generated skeletons run on the real runners: Vitest reports every one todo, Playwright every one
 * skipped as fixme, none passes; and skeletons for the whole public Gherkin corpus type-check and load.
 */
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { clause } from 'specgate/vitest'
import { loadSpec } from '../src/spec/load-spec.js'
import { CORPUS, scratch, specgate } from './helpers/cli.js'
import { copyGenFixture, linkSpecgate, listFiles, tool } from './helpers/generate-fixture.js'

interface VitestJson { testResults: { assertionResults: { status: string; title: string }[] }[] }
interface PwSuite { suites?: PwSuite[]; specs?: { title: string; tests: { status: string; annotations: { type: string }[] }[] }[] }

function vitestResults(dir: string): { status: string; title: string }[] {
  const r = tool('vitest', ['run', '--reporter=json', '--outputFile=vitest.json'], dir)
  expect(fs.existsSync(path.join(dir, 'vitest.json')), r.stderr + r.stdout).toBe(true)
  const json = JSON.parse(fs.readFileSync(path.join(dir, 'vitest.json'), 'utf8')) as VitestJson
  return json.testResults.flatMap((f) => f.assertionResults)
}

function playwrightResults(dir: string): { status: string; title: string; annotations: string[] }[] {
  const r = tool('playwright', ['test', '--reporter=json'], dir)
  const json = JSON.parse(r.stdout) as { suites: PwSuite[] }
  const out: { status: string; title: string; annotations: string[] }[] = []
  const walk = (s: PwSuite): void => {
    for (const sub of s.suites ?? []) walk(sub)
    for (const spec of s.specs ?? []) for (const t of spec.tests) out.push({ status: t.status, title: spec.title, annotations: t.annotations.map((a) => a.type) })
  }
  for (const s of json.suites) walk(s)
  return out
}

describe('generated skeletons on the real runners', () => {
  let dir: string
  beforeAll(() => {
    dir = copyGenFixture('gen-keys')
    const r = specgate(['generate'], dir)
    expect(r.stdout).toContain('wrote 5 skeletons in 2 files')
  })

  it('GEN-002 Vitest reports every skeleton as todo and passes none', clause('GEN-002', 'd392daf566c1'), () => {
    const results = vitestResults(dir)
    expect(results.map((t) => t.title).sort()).toEqual([
      'KEYS-001 A member sees whether their key works',
      'KEYS-004[1] cost for a known project (project: alpha, kind: known, answer: 12)',
      'KEYS-004[2] cost for a unknown project (project: zeta, kind: unknown, answer: error)',
      'KEYS-005 A member shares a key with another team',
    ])
    expect(results.map((t) => t.status)).toEqual(['todo', 'todo', 'todo', 'todo'])
  })

  it('GEN-002 Playwright (Chromium) reports every skeleton skipped as fixme and passes none', clause('GEN-002', 'd392daf566c1'), () => {
    const results = playwrightResults(dir)
    expect(results).toEqual([{ status: 'skipped', title: 'KEYS-002 The key page lists the team keys', annotations: ['specgate:clause', 'specgate:hash', 'fixme'] }])
  })
})

describe('the clause\'s tags as the runner\'s own', () => {
  it('GEN-015 Playwright selects generated skeletons by their clause tags (--grep matches tags, not titles)', clause('GEN-015', 'e819dec564f4'), () => {
    const dir = copyGenFixture('gen-keys')
    const feature = path.join(dir, 'features/team/keys.feature')
    fs.appendFileSync(feature, '\n    @id:KEYS-003 @e2e @error\n    Scenario: A revoked key cannot be opened\n      When the member opens a revoked key\n      Then the page says "revoked"\n')
    expect(specgate(['generate'], dir).stdout).toContain('created e2e/spec/team/keys.spec.ts (2 skeletons: KEYS-002, KEYS-003)')
    const listed = (...args: string[]): string[] => {
      const r = tool('playwright', ['test', '--list', '--reporter=list', ...args], dir)
      expect(r.code, r.stderr).toBe(0)
      return [...r.stdout.matchAll(/› (KEYS-\d+) /g)].map((m) => m[1]!)
    }
    expect(listed('--grep', '@error')).toEqual(['KEYS-003'])
    expect(listed('--grep-invert', '@error')).toEqual(['KEYS-002'])
    expect(listed('--grep', '@e2e')).toEqual(['KEYS-002', 'KEYS-003'])
    expect(listed('--grep', '@id:KEYS-002')).toEqual(['KEYS-002'])
  })
})

/** The corpus copy: every scenario gets an id and a level (every third one @e2e), inserted above it. */
async function taggedCorpus(): Promise<string> {
  const dir = scratch('gen-corpus')
  const features = path.join(dir, 'features')
  fs.mkdirSync(features, { recursive: true })
  for (const f of fs.readdirSync(path.join(CORPUS, 'good')).filter((n) => /\.feature(\.md)?$/.test(n))) {
    fs.copyFileSync(path.join(CORPUS, 'good', f), path.join(features, f))
  }
  const spec = await loadSpec({ root: dir })
  let n = 0
  for (const file of spec.files) {
    const lines = file.source.split('\n')
    const md = file.file.endsWith('.md')
    for (const c of [...(file.feature?.clauses ?? [])].reverse()) {
      const tags = [`@id:CORP-${++n}`, n % 3 === 0 ? '@e2e' : '@unit']
      const indent = ' '.repeat(md ? 0 : c.column - 1)
      lines.splice(c.line - 1, 0, indent + tags.map((t) => (md ? `\`${t}\`` : t)).join(' ') + (lines[0]?.endsWith('\r') ? '\r' : ''))
    }
    fs.writeFileSync(file.absPath, lines.join('\n'))
  }
  return dir
}

describe.runIf(fs.existsSync(CORPUS))('generation over every file of the Gherkin corpus', () => {
  let dir: string
  let cases: number
  let unitCases: number
  beforeAll(async () => {
    linkSpecgate()
    dir = await taggedCorpus()
    const spec = await loadSpec({ root: dir })
    expect(spec.errors).toEqual([])
    expect(spec.clauses.every((c) => c.id && c.levels.length === 1)).toBe(true)
    cases = spec.clauses.flatMap((c) => c.cases).length
    unitCases = spec.clauses.filter((c) => c.levels[0] === 'unit').flatMap((c) => c.cases).length
    for (const f of ['tsconfig.json', 'vitest.config.ts', 'playwright.config.ts']) fs.cpSync(path.join(REPO_FIXTURES, 'gen-keys', f), path.join(dir, f))
    const gen = specgate(['generate'], dir)
    expect(gen.code, gen.stderr).toBe(0)
    expect(gen.stdout).toContain(`wrote ${cases} skeletons`)
  })

  it('GEN-010 writes skeletons the TypeScript compiler accepts (strict, noUncheckedIndexedAccess, noUnusedLocals, noUnusedParameters)', clause('GEN-010', '8a57af6f8b57'), () => {
    // a skeleton is an ordinary file: it must pass the strictest settings a project may have, unused names included
    const tsc = tool('tsc', ['-p', '.', '--noUnusedLocals', '--noUnusedParameters'], dir)
    expect(tsc.stdout + tsc.stderr).toBe('')
    expect(tsc.code).toBe(0)
  })

  it('GEN-010 writes skeletons Vitest runs (all todo) and Playwright lists, one test per case', clause('GEN-010', '8a57af6f8b57'), () => {
    // `vitest list` leaves todo tests out, so the files are run: every skeleton must come back todo
    const statuses = vitestResults(dir).map((t) => t.status)
    expect(statuses.length).toBe(unitCases)
    expect(new Set(statuses)).toEqual(new Set(['todo']))
    const pw = tool('playwright', ['test', '--list', '--reporter=list'], dir)
    expect(pw.code, pw.stderr).toBe(0)
    expect(pw.stdout).toContain(`Total: ${cases - unitCases} tests in ${listFiles(dir, 'e2e').length} files`)
  })
})

const REPO_FIXTURES = path.resolve(import.meta.dirname, 'fixtures')
