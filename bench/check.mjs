#!/usr/bin/env node
// `specgate check` with every report format on 16 fragments holding 60,000 case results: the
// 5,000 x 10 corpus of ../shared/bench/make-corpus.mjs. Budget: under 3 s and 400 MB (whole process).
// Run alone with `node bench/check.mjs [--runs N] [--reuse]` after `npm run build`: the medians of N
// runs (default 3) are shown, with user+system CPU time, since the 2 cores are shared; --reuse keeps
// the corpus and fragments of an earlier run. Each check run is followed by a run of the reference
// (_gherkin-baseline.mjs on the same features), and the ratio of the medians is printed.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { loadSpec } = await import(path.join(repo, 'dist/src/spec/load-spec.js'))
const { writeLedger, fragmentOf } = await import(path.join(repo, 'dist/src/ledger/fragment-io.js'))
const { specRevision } = await import(path.join(repo, 'dist/src/ledger/source.js'))
const { ledgerSchema } = await import(path.join(repo, 'dist/src/ledger/schema.js'))

const FRAGMENTS = 16
const args = process.argv.slice(2)
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 3
const work = path.join(repo, '.tmp', 'bench-check')
const ledgerDir = path.join(work, '.specgate/ledger')
const reuse = args.includes('--reuse') && fs.existsSync(path.join(ledgerDir, `fragment-${FRAGMENTS}.json`))
if (!reuse) {
  fs.rmSync(work, { recursive: true, force: true })
  fs.mkdirSync(work, { recursive: true })
  spawnSync(process.execPath, [path.join(repo, '../shared/bench/make-corpus.mjs'), path.join(work, 'features'), '5000', '10', '--ids'], { stdio: 'ignore' })
}

const spec = await loadSpec({ root: work })
const cases = spec.clauses.flatMap((clause) => clause.cases.map((c) => ({ clause, c })))
const revision = specRevision(spec)
for (let f = 0; f < FRAGMENTS && !reuse; f++) {
  const mine = cases.filter((_, i) => i % FRAGMENTS === f)
  const e2e = f % 4 === 3
  const source = { id: `${e2e ? 'playwright' : 'vitest'}-${f + 1}`, runner: e2e ? 'playwright' : 'vitest', label: '', createdAt: '2026-01-10T10:00:00.000Z', specRevision: revision, shard: { index: f + 1, total: FRAGMENTS }, partial: true }
  const evidence = mine.map(({ clause, c }, i) => evidenceFor(clause, c, source, i))
  await writeLedger(path.join(ledgerDir, `fragment-${f + 1}.json`), ledgerSchema.parse(fragmentOf(source, evidence)))
}

function evidenceFor(clause, c, source, i) {
  const values = c.values ?? {}
  const steps = clause.steps.map((s) => ({ keyword: s.keyword, text: s.text.replace(/<([^<>]+)>/g, (w, n) => values[n] ?? w), status: 'passed' }))
  const failed = i % 97 === 0
  return {
    runner: clause.levels.includes('e2e') ? 'playwright' : 'vitest', source: source.id, clauseId: clause.id, caseKey: c.key, clauseHash: clause.hash,
    test: { file: `test/spec/${clause.file.split('/').at(-1)}.test.ts`, line: 10 + i, title: `${c.key} ${clause.name}` },
    status: failed ? 'failed' : 'passed', durationMs: 3, retries: 0, flaky: false, skeleton: false, assertions: 2, steps, attachments: [],
    ...(failed ? { failure: { message: 'expected 1 to be 2' } } : {}),
    ...(clause.levels.includes('e2e') ? { data: { observed: [{ entity: 'rows', count: 3 }], emptyMarkers: [] } } : {}),
  }
}

// The same corpus parsed by @cucumber/gherkin alone, alternating with check: the budget is absolute,
// but this machine's speed moves by hour (the reference took 0.73 s on 2026-11-25 and 1.05-1.97 s
// on later nights), so the ratio shows what the code costs and the reference shows what the hour gave.
const runs = []
const reference = []
for (let i = 0; i < RUNS; i++) {
  runs.push(measureCheck())
  reference.push(measureReference())
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const seconds = median(runs.map((r) => r.seconds))
const parse = median(reference)
const cpu = median(runs.map((r) => r.cpu))
const mb = median(runs.map((r) => r.mb))
const sizes = fs.readdirSync(path.join(work, 'specgate-report')).map((f) => `${f} ${(fs.statSync(path.join(work, 'specgate-report', f)).size / 1e6).toFixed(1)} MB`)
console.log(`specgate check, all formats: ${FRAGMENTS} fragments, ${cases.length} case results, ${spec.clauses.length} clauses`)
console.log(`median of ${RUNS} runs; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`)
console.log('figure          measured    budget   ratio')
console.log(`wall time     ${seconds.toFixed(2).padStart(8)} s    3.00 s   ${(seconds / 3).toFixed(2)}`)
console.log(`CPU user+sys  ${cpu.toFixed(2).padStart(8)} s         -`)
console.log(`peak memory   ${mb.toFixed(0).padStart(8)} MB    400 MB   ${(mb / 400).toFixed(2)}`)
console.log(`reference: @cucumber/gherkin parsing the same features alone ${parse.toFixed(2)} s (runs ${reference.map((s) => s.toFixed(2)).join(', ')}); check takes ${(seconds / parse).toFixed(2)} times as long`)
console.log(`all runs (wall s / CPU s / MB): ${runs.map((r) => `${r.seconds.toFixed(2)}/${r.cpu.toFixed(2)}/${r.mb.toFixed(0)}`).join(', ')}`)
console.log(`reports: ${sizes.join(', ')}`)

function measureCheck() {
  const rss = path.join(work, 'rss.txt')
  const cpuFile = path.join(work, 'cpu.txt')
  const started = performance.now()
  const r = spawnSync(process.execPath, ['-r', path.join(repo, 'bench/_peak-rss.cjs'), path.join(repo, 'dist/cli.js'), 'check', '--format', 'github', '--gate', 'report', '--today', '2026-01-15'], {
    cwd: work, encoding: 'utf8', env: { ...process.env, SPECGATE_BENCH_RSS: rss, SPECGATE_BENCH_CPU: cpuFile, CI: '' }, maxBuffer: 256 * 1024 * 1024,
  })
  const seconds = (performance.now() - started) / 1000
  if (r.status !== 0) {
    console.error(r.stderr)
    process.exit(1)
  }
  return { seconds, cpu: Number(fs.readFileSync(cpuFile, 'utf8')) / 1000, mb: Number(fs.readFileSync(rss, 'utf8')) / 1024 }
}

function measureReference() {
  const started = performance.now()
  const r = spawnSync(process.execPath, [path.join(repo, 'bench/_gherkin-baseline.mjs'), path.join(work, 'features')], { encoding: 'utf8' })
  if (r.status !== 0 || JSON.parse(r.stdout).cases !== cases.length) {
    console.error(`the reference parse failed or counted other cases than check's ${cases.length}:\n${r.stdout}${r.stderr}`)
    process.exit(1)
  }
  return (performance.now() - started) / 1000
}
