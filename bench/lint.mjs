#!/usr/bin/env node
// `specgate lint` against parsing the same files with @cucumber/gherkin alone (Parser, AstBuilder,
// compile to pickles), on the shared 5,000 x 10 corpus, in the same run. Each is a whole spawned
// process (startup included), run alternately; the median wall time and the peak RSS are shown.
// Target (issue 2): ratio <= 1.5 and peak < 300 MB. Usage: node bench/lint.mjs [features] [runs]
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const repo = path.resolve(here, '..')
const features = Number(process.argv[2] ?? 5000)
const runs = Number(process.argv[3] ?? 5)
const makeCorpus = path.resolve(repo, '../shared/bench/make-corpus.mjs')
const cli = path.join(repo, 'dist/cli.js')
if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first')

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'specgate-bench-lint-'))
try {
  run(process.execPath, [makeCorpus, path.join(dir, 'features'), String(features), '10', '--ids'], repo)
  const contenders = {
    '@cucumber/gherkin alone': [path.join(here, '_gherkin-baseline.mjs'), path.join(dir, 'features')],
    'specgate lint': [cli, 'lint', '--format', 'json'],
  }
  const samples = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]))
  for (let i = 0; i < runs; i++) {
    for (const [name, args] of Object.entries(contenders)) samples[name].push(measure(args, dir))
  }
  check(samples)
  print(samples)
} finally {
  fs.rmSync(dir, { recursive: true, force: true })
}

function measure(args, cwd) {
  const rssFile = path.join(cwd, 'rss.txt')
  const start = process.hrtime.bigint()
  const out = run(process.execPath, ['-r', path.join(here, '_peak-rss.cjs'), ...args], cwd, { SPECGATE_BENCH_RSS: rssFile })
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  return { seconds, peakMb: Number(fs.readFileSync(rssFile, 'utf8')) / 1024, out }
}

function run(cmd, args, cwd, env = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ...env } })
  if (r.status !== 0 && !args.includes('lint')) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`)
  return r.stdout
}

/** Both must have seen the same corpus: the same number of cases, and lint must find nothing. */
function check(samples) {
  const base = JSON.parse(samples['@cucumber/gherkin alone'][0].out)
  const lint = JSON.parse(samples['specgate lint'][0].out)
  if (base.cases !== lint.cases || lint.findings.length) throw new Error(`corpus mismatch: gherkin ${base.cases} cases, lint ${lint.cases} cases and ${lint.findings.length} findings`)
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

function print(samples) {
  const rows = Object.entries(samples).map(([name, xs]) => ({
    name, seconds: median(xs.map((x) => x.seconds)), peakMb: Math.max(...xs.map((x) => x.peakMb)),
  }))
  const [base, lint] = rows
  const ratio = lint.seconds / base.seconds
  const cases = JSON.parse(samples['specgate lint'][0].out).cases
  console.log(`lint: ${features.toLocaleString('en')} features x 10 scenarios (${cases.toLocaleString('en')} cases), median of ${runs} runs, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`)
  console.log('| | wall time (s) | peak RSS (MB) |')
  console.log('|---|---:|---:|')
  for (const r of rows) console.log(`| ${r.name} | ${r.seconds.toFixed(2)} | ${r.peakMb.toFixed(0)} |`)
  console.log(`| ratio | ${ratio.toFixed(2)}x | |`)
  const ok = ratio <= 1.5 && lint.peakMb < 300
  console.log(`target ratio <= 1.5 and peak < 300 MB: ${ok ? 'met' : 'NOT met'}`)
  if (!ok) process.exitCode = 1
}
