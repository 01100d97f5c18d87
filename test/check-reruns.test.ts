/**
 * Re-runs with the real Vitest, merged by the built `specgate check`: a filtered re-run replaces
 * only the tests it ran, a later complete run supersedes older shards, and check names whatever a
 * newer run superseded, which a saved ledger.json does not hold (test/fixtures/check-reruns: three
 * test files, one per clause; SHOP_BROKEN=1 makes SHOP-002 fail, as a bug fixed before the re-run).
 */
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { clause } from 'specgate/vitest'
import { linkSpecgate, REPO, specgate } from './helpers/cli.js'
import { copyFixture, readFragments, runVitest, VITEST4, type VitestRun } from './helpers/vitest-fixtures.js'
import type { LedgerSource } from '../src/ledger/schema.js'
import { read } from './helpers/generate-fixture.js'

/** Scratch copies directly under .tmp: the Vitest leg's own base folder is wiped by other suites. */
const LEG = { ...VITEST4, base: path.join(REPO, '.tmp') }
const BROKEN = { SHOP_BROKEN: '1' }
const FIXED = ['--today', '2026-01-15']

async function vitest(root: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<VitestRun> {
  const run = await runVitest(LEG, root, ['run', ...args], env)
  expect(run.output).toMatch(/Test Files {2}/)
  return run
}

beforeAll(() => linkSpecgate())

describe('a filtered re-run after a complete run', () => {
  let root: string
  let full: LedgerSource
  let filtered: LedgerSource
  beforeAll(async () => {
    root = await copyFixture('check-reruns', LEG)
    expect((await vitest(root, [], BROKEN)).code).toBe(1)
    expect((await vitest(root, ['test/price.test.ts'])).code).toBe(0)
    ;[full, filtered] = readFragments(root).map((f) => f.sources[0]!) as [LedgerSource, LedgerSource]
  })
  const note = () => `1 test result(s) of fragment ${full.id} (vitest, complete run, ${full.createdAt}) superseded by the newer fragment ${filtered.id} (vitest, filtered run, ${filtered.createdAt})`

  test('CHECK-019 A filtered re-run replaces only the tests it ran', clause('CHECK-019', 'bbd6498eb7cb'), () => {
    expect([full.partial, filtered.partial, filtered.shard]).toEqual([false, true, undefined])
    const r = specgate(['check', ...FIXED], root)
    expect(r.stderr).toBe('')
    expect(r.stdout).toContain('3 clauses: 3 accepted')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(`superseded by newer runs (1):\n  ${note()}\n`)
    expect(read(root, 'specgate-report/report.md')).toContain(`Superseded by newer runs (1):\n\n- ${note()}\n`)
    const ledger = JSON.parse(read(root, 'specgate-report/ledger.json')) as { evidence: { clauseId: string; source: string; status: string }[] }
    expect(ledger.evidence.map((e) => `${e.clauseId} ${e.status} ${e.source === full.id ? 'full' : 'filtered'}`)).toEqual([
      'SHOP-001 passed full', 'SHOP-002 passed filtered', 'SHOP-003 passed full',
    ])
  })

  test('REPORT-006 the saved ledger re-rendered: report.md alone differs, without the superseded list', clause('REPORT-006', '097420f14f08'), () => {
    expect(specgate(['check', '--out', 'live', ...FIXED], root).code).toBe(0)
    const again = specgate(['check', 'live/ledger.json', '--out', 'again', ...FIXED], root)
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout).not.toContain('superseded')
    for (const file of ['report.html', 'junit.xml', 'ledger.json']) expect(read(root, `again/${file}`), file).toBe(read(root, `live/${file}`))
    const list = `Superseded by newer runs (1):\n\n- ${note()}\n\n`
    expect(read(root, 'live/report.md')).toContain(list)
    expect(read(root, 'again/report.md')).toBe(read(root, 'live/report.md').replace(list, ''))
  })
})

describe('a complete run after shards', () => {
  test('CHECK-020 A later complete run supersedes older shards', clause('CHECK-020', '9acdc86e1c3f'), async () => {
    const root = await copyFixture('check-reruns', LEG)
    const shards = [await vitest(root, ['--shard=1/2'], BROKEN), await vitest(root, ['--shard=2/2'], BROKEN)]
    expect(shards.map((s) => s.code).sort()).toEqual([0, 1])
    expect((await vitest(root, [])).code).toBe(0)
    const [s1, s2, all] = readFragments(root).map((f) => f.sources[0]!)
    expect([s1!.shard, s2!.shard, all!.shard, all!.partial]).toEqual([{ index: 1, total: 2 }, { index: 2, total: 2 }, undefined, false])
    const r = specgate(['check', ...FIXED], root)
    expect(r.stdout).toContain('3 clauses: 3 accepted')
    expect(r.code).toBe(0)
    const notes = [s1!, s2!].map((s) => `fragment ${s.id} (vitest, shard ${s.shard!.index}/2, ${s.createdAt}) superseded by fragment ${all!.id} (vitest, complete run, ${all!.createdAt})`)
    const sorted = [s1!, s2!].map((s, i) => [s.id, notes[i]!] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, n]) => n)
    expect(r.stdout).toContain(`superseded by newer runs (2):\n${sorted.map((n) => `  ${n}\n`).join('')}`)
    expect(read(root, 'specgate-report/report.md')).toContain(`Superseded by newer runs (2):\n\n${sorted.map((n) => `- ${n}`).join('\n')}\n`)
    expect(r.stdout).toContain(', 1 fragment(s)')
  })
})
