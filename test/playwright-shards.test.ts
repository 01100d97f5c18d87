/**
 * Sharding with the real Playwright: two shards written as blob reports, merged with
 * `playwright merge-reports --reporter specgate/playwright`, give the same evidence and verdicts as
 * one unsharded run; the gate still fails the merge process; a shard with no tests says so.
 */
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, expect, test } from 'vitest'
import { clause } from 'specgate/vitest'
import { mergeLedgers } from '../src/ledger/merge.js'
import type { Evidence, Ledger } from '../src/ledger/schema.js'
import type { RunResult } from './helpers/cli.js'
import { copyApp, fragments, freePort, playwright } from './helpers/playwright-app.js'

let dir: string
const seen = new Set<string>()

/** Runs Playwright and returns the fragments this run added. */
async function run(args: string[], env: Record<string, string> = {}): Promise<{ result: RunResult; ledgers: Ledger[] }> {
  const result = await playwright(args, dir, { PW_PORT: String(await freePort()), PW_ORDERS: '2', ...env })
  const added = fragments(dir).filter((f) => !seen.has(f))
  for (const f of added) seen.add(f)
  return { result, ledgers: added.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')) as Ledger) }
}

/**
 * What must be equal between runs: everything but the source id, the timings, where attachment
 * files were copied to, and the failure's call log (it counts polls, which depends on timing).
 */
function comparable(ledger: Ledger): unknown[] {
  return ledger.evidence.map((e: Evidence) => ({
    ...e,
    source: undefined,
    durationMs: undefined,
    steps: e.steps?.map((s) => ({ ...s, durationMs: undefined })) ?? null,
    attachments: e.attachments.map((a) => ({ name: a.name, contentType: a.contentType })),
    failure: e.failure && { ...e.failure, message: e.failure.message.split('\n')[0] },
  }))
}

/** The clause lines of the summary, without the title and the fragment path. */
function verdictBlock(out: string): string {
  const start = out.indexOf('Orders (features/orders.feature)')
  const end = out.indexOf('ledger fragment:')
  return out.slice(start, end)
}

let unsharded: { result: RunResult; ledgers: Ledger[] }
let shards: { result: RunResult; ledgers: Ledger[] }[]

beforeAll(async () => {
  dir = await copyApp('pw-shards')
  const shard = (i: number) => run(['test', `--shard=${i}/2`, '--reporter=blob,specgate/playwright'], { PLAYWRIGHT_BLOB_OUTPUT_DIR: `blob-${i}` })
  unsharded = await run(['test'])
  shards = [await shard(1), await shard(2)]
  fs.mkdirSync(path.join(dir, 'all-blob'))
  for (const i of [1, 2]) {
    for (const f of fs.readdirSync(path.join(dir, `blob-${i}`))) fs.copyFileSync(path.join(dir, `blob-${i}`, f), path.join(dir, 'all-blob', f))
  }
}, 400_000)

test('each shard reports only its own clauses, as a partial fragment', () => {
  for (const [i, s] of shards.entries()) {
    expect(s.ledgers).toHaveLength(1)
    expect(s.ledgers[0]!.sources[0]).toMatchObject({ shard: { index: i + 1, total: 2 }, partial: true })
    expect(s.result.stdout).toContain(`specgate (playwright, shard ${i + 1}/2)`)
    expect(s.result.stdout).not.toContain('uncovered')
  }
  const ids = shards.map((s) => s.ledgers[0]!.evidence.map((e) => e.clauseId))
  expect(ids[0]!.length).toBeGreaterThan(0)
  expect(ids[1]!.length).toBeGreaterThan(0)
  expect(ids[0]!.filter((id) => ids[1]!.includes(id))).toEqual([])
})

test('specgate merging the two shard fragments gives the unsharded evidence', () => {
  const merged = mergeLedgers(shards.map((s) => s.ledgers[0]!))
  expect(comparable(merged)).toEqual(comparable(mergeLedgers(unsharded.ledgers)))
})

test('PW-012 merge-reports with specgate\'s reporter gives the unsharded ledger and verdicts; report mode exits 0', clause('PW-012', '8bcce4544179'), async () => {
  const merged = await run(['merge-reports', '--reporter', 'specgate/playwright', 'all-blob'], { CI: '' })
  expect(merged.ledgers).toHaveLength(1)
  expect(merged.ledgers[0]!.sources[0]!.partial).toBe(false)
  expect(comparable(mergeLedgers(merged.ledgers))).toEqual(comparable(mergeLedgers(unsharded.ledgers)))
  expect(verdictBlock(merged.result.stdout)).toBe(verdictBlock(unsharded.result.stdout))
  expect(verdictBlock(merged.result.stdout)).toContain('failed      ORD-007')
  expect(merged.result.code).toBe(0)
})

test('PW-013 after merge-reports a failing gate (enforce in CI) still fails the process', clause('PW-013', '6f4868fb522a'), async () => {
  const merged = await run(['merge-reports', '--reporter', 'specgate/playwright', 'all-blob'], { CI: '1' })
  expect(merged.result.stdout).toContain('gate failed: no-failed (1)')
  expect(merged.result.stdout + merged.result.stderr).toContain('specgate gate failed: no-failed, no-uncovered')
  expect(merged.result.code).toBe(1)
})

test('PW-014 a shard that gets no tests says so, passes, and reports no clause as uncovered', clause('PW-014', '9ce2cd33dcdb'), async () => {
  // one test, two shards: the second gets nothing
  const empty = await run(['test', '--shard=2/2', '--grep', '@id:ORD-001'], { CI: '1' })
  expect(empty.result.stdout).toContain('specgate (playwright, shard 2/2)')
  expect(empty.result.stdout).toContain('this shard ran no clause-linked tests')
  expect(empty.result.stdout).not.toContain('uncovered')
  expect(empty.result.code, empty.result.stdout + empty.result.stderr).toBe(0)
})
