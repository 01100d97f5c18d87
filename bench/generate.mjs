#!/usr/bin/env node
// `specgate generate` vs playwright-bdd's `bddgen` on the same synthetic corpus, in the same run:
//   node bench/generate.mjs [FEATURES=5000] [SCENARIOS=10] [RUNS=3]
// Whole processes, timed from outside: wall seconds, CPU seconds (user+sys, the fair figure when
// other work shares the machine) and peak memory from GNU time (children included). Each figure
// is the median of RUNS runs, the tools alternating, every first run on a fresh copy of the corpus,
// each run's figures printed too. Requires a built
// dist/ (npm run bench builds it).
//
// The work happens in a new folder under the system's temporary folder (BENCH_DIR to choose
// another); the benchmark waits until its file system makes new files at its usual speed, and
// prints that speed. This machine's ext4 has no journal, so every new inode is checked against
// recently deleted ones (the kernel's recently_deleted(), seen with perf): near many deletions,
// 10,000 new files took 1.6-3.8 s in the project's folder at the same time as 0.3-0.4 s in a new
// one elsewhere, and right after a previous run's deletion 1.9 s; specgate's run (10,000 files)
// then waited on its writes (2.9 s of open() in the write worker's profile) while bddgen (5,000
// files, 14 s of CPU) hardly noticed.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const [features = '5000', scenarios = '10', runsArg = '3'] = process.argv.slice(2)
const runs = Math.max(1, Number(runsArg))
const base = fs.mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), `specgate-bench-generate-${features}x${scenarios}-`))
const shared = path.resolve(repo, '../shared/bench')

function run(label, cmd, args, cwd) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', cmd, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 })
  const [secs, user, sys, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number)
  if (r.status !== 0) throw new Error(`${label} exited ${r.status}: ${r.stderr.slice(-2000)}`)
  return { label, secs, cpu: user + sys, mb: kb / 1024, out: r.stdout.trim().split('\n').pop() }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/**
 * RUNS rounds; in each, every tool in turn gets a fresh copy of its corpus in its own folder, a
 * first run, then a rerun with nothing changed. The tools alternate, so that both see the same
 * moments of a shared machine (its speed moves by 10-25% within an hour). Nothing is deleted until
 * the end: right after tens of thousands of files are deleted, ext4 skips their inodes ("recently
 * deleted") on every create for minutes, billed to whichever tool ran next.
 */
function alternating(tools) {
  const firsts = tools.map(() => [])
  const reruns = tools.map(() => [])
  for (let i = 0; i < runs; i++) {
    for (const [t, { name, from, work, cmd, args }] of tools.entries()) {
      const dir = `${work}-${i}`
      fs.cpSync(from, dir, { recursive: true })
      spawnSync('sync') // the copy's writeback should not be billed to the run
      firsts[t].push(run(`${name} (first run)`, cmd, args, dir))
      reruns[t].push(run(`${name} (rerun, nothing changed)`, cmd, args, dir))
    }
  }
  return tools.flatMap((_, t) => [summarise(firsts[t]), summarise(reruns[t])])
}

function summarise(rows) {
  return { ...rows[0], secs: median(rows.map((r) => r.secs)), cpu: median(rows.map((r) => r.cpu)), mb: median(rows.map((r) => r.mb)), each: rows.map((r) => r.secs) }
}

/** ms to make `count` small files in new folders beside the runs' (kept until the end, like the runs' files: deleting them now would slow what comes next). */
function createTime(name, count) {
  const dir = path.join(base, name)
  for (let d = 0; d < 10; d++) fs.mkdirSync(path.join(dir, `d${d}`), { recursive: true })
  const start = performance.now()
  for (let i = 0; i < count; i++) fs.writeFileSync(path.join(dir, `d${i % 10}`, `f${i}.ts`), 'x'.repeat(4000))
  return performance.now() - start
}

/**
 * Waits (up to 5 minutes) until the file system makes new files at its usual speed: 10,000 in
 * under 600 ms (settled, on this machine: 259-380 ms; after a large deletion 1.4-3.8 s, for minutes).
 * A quicker test of 1,000 files passed while 10,000 still took 1.4 s, and the first specgate run
 * after it 2.6 s: the probe is the size of a run's writes. Returns the ms the last probe took.
 */
function settledCreateTime() {
  let ms = createTime('fs-probe-0', 10000)
  for (let attempt = 1; attempt < 20 && ms > 600; attempt++) {
    spawnSync('sleep', ['15'])
    ms = createTime(`fs-probe-${attempt}`, 10000)
  }
  return ms
}

function setUp() {
  // bddgen's config imports @playwright/test and playwright-bdd: resolved from the repo's node_modules
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(base, 'node_modules'), 'dir')
  const sg = path.join(base, 'specgate')
  const bdd = path.join(base, 'bddgen')
  fs.mkdirSync(sg, { recursive: true })
  spawnSync(process.execPath, [path.join(shared, 'make-corpus.mjs'), path.join(sg, 'features'), features, scenarios, '--ids'], { stdio: 'ignore' })
  fs.mkdirSync(bdd, { recursive: true })
  fs.cpSync(path.join(sg, 'features'), path.join(bdd, 'corpus'), { recursive: true })
  fs.copyFileSync(path.join(shared, 'playwright-bdd-steps.ts'), path.join(bdd, 'playwright-bdd-steps.ts'))
  fs.writeFileSync(path.join(bdd, 'playwright.config.ts'), [
    "import { defineConfig } from '@playwright/test'",
    "import { defineBddConfig } from 'playwright-bdd'",
    "const testDir = defineBddConfig({ features: 'corpus/**/*.feature', featuresRoot: 'corpus', steps: 'playwright-bdd-steps.ts' })",
    'export default defineConfig({ testDir })',
    '',
  ].join('\n'))
  return { sg, bdd }
}

const { sg, bdd } = setUp()
const probe = settledCreateTime()
const cli = path.join(repo, 'dist/cli.js')
const bddgen = path.join(repo, 'node_modules/playwright-bdd/dist/cli/index.js')
const rows = alternating([
  { name: 'specgate generate', from: sg, work: path.join(base, 'specgate-run'), cmd: process.execPath, args: [cli, 'generate'] },
  { name: 'bddgen', from: bdd, work: path.join(base, 'bddgen-run'), cmd: process.execPath, args: [bddgen] },
])
const [first, rerun, peer] = rows
console.log(`corpus: ${features} features x ${scenarios} scenarios (make-corpus --ids); median of ${runs} run(s) each`)
console.log(`work folder: ${base}; its file system made 10,000 new 4 KB files in ${probe.toFixed(0)} ms\n`)
console.log('| run | wall s | CPU s (user+sys) | peak MB |')
console.log('|---|---:|---:|---:|')
for (const r of rows) console.log(`| ${r.label} | ${r.secs.toFixed(2)} | ${r.cpu.toFixed(2)} | ${r.mb.toFixed(0)} |`)
console.log(`\neach run, in order (wall s): ${rows.map((r) => `${r.label} ${r.each.map((x) => x.toFixed(2)).join(' ')}`).join('; ')}`)
console.log(`ratio per round (first runs): ${first.each.map((x, i) => `${(peer.each[i] / x).toFixed(1)}x`).join(', ')}`)
console.log(`specgate first run: ${first.out}`)
console.log(`ratio bddgen / specgate (first run): wall ${(peer.secs / first.secs).toFixed(1)}x, CPU ${(peer.cpu / first.cpu).toFixed(1)}x (target >= 10x)`)
console.log(`specgate rerun: ${rerun.secs.toFixed(2)} s wall, ${rerun.cpu.toFixed(2)} s CPU (target < 0.5 s); peak memory ${Math.max(first.mb, rerun.mb).toFixed(0)} MB (target < 300 MB)`)
fs.rmSync(base, { recursive: true, force: true })
