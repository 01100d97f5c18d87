#!/usr/bin/env node
// The ledger merge alone (mergeLedgers, in process) on synthetic 60,000-test ledgers in the shapes
// re-runs make, which bench/check.mjs (16 plain shards) does not reach: a complete run with a
// filtered re-run of every test (each test's own record is checked against the filtered run), or
// of 1% of them, and an older complete run beside 16 newer shards (every test a pair, no filter).
// Run alone with `node bench/merge.mjs [--runs N] [--dist DIR]` after `npm run build`: the median,
// lowest and highest of N merges (default 15, after 3 unmeasured) per shape, in milliseconds;
// --dist merges with another build's dist folder (before/after a change).
import path from 'node:path'
import os from 'node:os'
import { fileURLToPath } from 'node:url'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
const RUNS = Number(option('--runs')) || 15
const dist = path.resolve(option('--dist') ?? path.join(repo, 'dist'))
const { mergeLedgers } = await import(path.join(dist, 'src/ledger/merge.js'))

const TESTS = 60_000
const SHARDS = 16
const older = '2026-01-10T10:00:00.000Z'
const newer = '2026-01-10T11:00:00.000Z'

const source = (id, createdAt, extra = {}) => ({ createdAt, id, label: '', partial: false, runner: 'vitest', ...extra })
const shard = (f, createdAt) => source(`shard-${f + 1}`, createdAt, { partial: true, shard: { index: f + 1, total: SHARDS } })

/** One record per test i of `tests`, keys in code-unit order as parsed records have them. */
function fragment(src, tests) {
  const evidence = tests.map((i) => ({
    assertions: 2, attachments: [], caseKey: `C-${String(Math.floor(i / 10)).padStart(5, '0')}[${i % 10}]`, clauseHash: 'abcdef012345',
    clauseId: `C-${String(Math.floor(i / 10)).padStart(5, '0')}`, durationMs: 3, flaky: false, retries: 0, runner: 'vitest', skeleton: false,
    source: src.id, status: i % 97 === 0 ? 'failed' : 'passed', steps: [{ keyword: 'Given', status: 'passed', text: `step ${i}` }],
    test: { file: `test/t${i % 300}.test.ts`, line: 10, title: `test ${i}` },
  }))
  return { schemaVersion: 1, kind: 'specgate-ledger', sources: [src], evidence, errors: [] }
}

const all = Array.from({ length: TESTS }, (_, i) => i)
const ofShard = (f) => all.filter((i) => i % SHARDS === f)
const shapes = {
  '16 shards (check.mjs)': () => Array.from({ length: SHARDS }, (_, f) => fragment(shard(f, older), ofShard(f))),
  'complete + filtered re-run of all': () => [fragment(source('complete', older), all), fragment(source('filtered', newer, { partial: true }), all)],
  'complete + filtered re-run of 1%': () => [fragment(source('complete', older), all), fragment(source('filtered', newer, { partial: true }), all.filter((i) => i % 100 === 0))],
  'older complete + 16 newer shards': () => [fragment(source('complete', older), all), ...Array.from({ length: SHARDS }, (_, f) => fragment(shard(f, newer), ofShard(f)))],
}

console.log(`mergeLedgers of ${dist}: median (lowest-highest) of ${RUNS} merges; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`)
for (const [name, make] of Object.entries(shapes)) {
  const ledgers = make()
  const records = ledgers.reduce((n, l) => n + l.evidence.length, 0)
  for (let i = 0; i < 3; i++) mergeLedgers(ledgers)
  const ms = Array.from({ length: RUNS }, () => {
    const started = performance.now()
    mergeLedgers(ledgers)
    return performance.now() - started
  }).sort((a, b) => a - b)
  const kept = mergeLedgers(ledgers).evidence.length
  console.log(`${name.padEnd(36)} ${String(records).padStart(7)} records -> ${String(kept).padStart(6)}  ${ms[Math.floor(RUNS / 2)].toFixed(0).padStart(4)} ms (${ms[0].toFixed(0)}-${ms.at(-1).toFixed(0)})`)
}
