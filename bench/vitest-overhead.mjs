#!/usr/bin/env node
/**
 * The Vitest plugin's overhead: a generated suite of 5,000 trivial clause-linked tests, run with
 * and without `plugins: [specgate()]` in the same benchmark run, alternating, median wall time of
 * each. Target: ratio <= 1.05. Needs `npm run build` first. Usage: node bench/vitest-overhead.mjs [runs] [tests]
 * (runs 0: build the suite in .tmp/bench-vitest-overhead and keep it, to profile by hand). 11 runs
 * by default: single runs on the shared 2-core machine move by up to 15%, and the medians of 5 to
 * 15 runs of one build ranged from 1.027 to 1.072, which five runs cannot tell from a 5% target.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const RUNS = Number(process.argv[2] ?? 11)
const TESTS = Number(process.argv[3] ?? 5000)
const FILES = 50
const PER_FILE = Math.ceil(TESTS / FILES)
const VITEST = path.join(REPO, 'node_modules/vitest/vitest.mjs')

/**
 * specgate as a project gets it from npm: a real folder in the suite's node_modules (its own
 * dependencies resolve from the repo's), and a package.json of the suite's own, so that both runs
 * load it as Vitest loads any installed package. Without that package.json the nearest one is this
 * repo's, named specgate, and Node's self-reference resolves 'specgate/vitest' to the repo's dist/,
 * which Vitest (as it did through an earlier symlink) transforms per test file in the run without
 * the plugin, flattering the ratio.
 */
function installSpecgate(root) {
  const at = path.join(root, 'node_modules/specgate')
  fs.mkdirSync(at, { recursive: true })
  fs.copyFileSync(path.join(REPO, 'package.json'), path.join(at, 'package.json'))
  fs.cpSync(path.join(REPO, 'dist'), path.join(at, 'dist'), { recursive: true })
  fs.writeFileSync(path.join(root, 'package.json'), `${JSON.stringify({ name: 'bench-suite', private: true, type: 'module' }, null, 2)}\n`)
}

function feature(f) {
  const lines = ['@owner:core @acceptor:lead', `Feature: Area ${f}`, '']
  for (let t = 1; t <= PER_FILE; t++) {
    lines.push(`  @id:B${f}-${t} @unit`, `  Scenario: behaviour ${t} of area ${f}`, `    Given input ${t}`, `    Then the result is ${t}`, '')
  }
  return lines.join('\n')
}

function testFile(f, hashes) {
  const lines = ["import { expect, test } from 'vitest'", "import { Given, Then, clause } from 'specgate/vitest'", '']
  for (let t = 1; t <= PER_FILE; t++) {
    lines.push(`test('B${f}-${t} behaviour ${t}', clause('B${f}-${t}', '${hashes.get(`B${f}-${t}`)}'), async () => {`,
      `  await Given('input ${t}', () => {})`,
      `  await Then('the result is ${t}', () => { expect(${t}).toBe(${t}) })`, '})')
  }
  return lines.join('\n')
}

function config(withPlugin) {
  return [
    "import { defineConfig } from 'vitest/config'",
    withPlugin ? "import specgate from 'specgate/vitest'" : '',
    `export default defineConfig({ ${withPlugin ? 'plugins: [specgate({ gate: \'report\' })], ' : ''}test: { include: ['test/**/*.test.ts'], reporters: ['dot', './timeline.mjs'] } })`,
  ].join('\n')
}

/**
 * A reporter in both runs that says where the time goes, in Vitest's main process: start-up (to
 * the first test file collected), the gaps between files (a file's worker starting and importing),
 * the files' tests (collected to ended), and the end (last file ended to process exit).
 */
const TIMELINE = `import fs from 'node:fs'
const t = { gaps: 0, files: 0 }
let last
process.on('exit', () => { t.exit = process.uptime(); fs.writeFileSync(process.env.TIMELINE_FILE, JSON.stringify(t)) })
export default class Timeline {
  onTestModuleCollected() { const now = process.uptime(); t.first ??= now; if (last !== undefined) t.gaps += now - last; t.collected = now }
  onTestModuleEnd() { last = process.uptime(); t.files += last - t.collected; t.lastEnd = last }
}
`

/** Tests carry the SPEC's real clause hashes, so every clause is accepted, as in a healthy suite. */
async function generate() {
  const root = path.join(REPO, '.tmp/bench-vitest-overhead')
  fs.rmSync(root, { recursive: true, force: true })
  for (let f = 1; f <= FILES; f++) {
    fs.mkdirSync(path.join(root, 'features'), { recursive: true })
    fs.mkdirSync(path.join(root, 'test'), { recursive: true })
    fs.writeFileSync(path.join(root, `features/area${f}.feature`), feature(f))
  }
  const { loadSpec } = await import('../dist/src/index.js')
  const spec = await loadSpec({ root })
  const hashes = new Map(spec.clauses.map((c) => [c.id, c.hash]))
  for (let f = 1; f <= FILES; f++) fs.writeFileSync(path.join(root, `test/area${f}.test.ts`), testFile(f, hashes))
  fs.writeFileSync(path.join(root, 'with.config.ts'), config(true))
  fs.writeFileSync(path.join(root, 'without.config.ts'), config(false))
  fs.writeFileSync(path.join(root, 'timeline.mjs'), TIMELINE)
  return root
}

function run(root, which) {
  const timeline = path.join(root, 'timeline.json')
  const started = performance.now()
  const r = spawnSync(process.execPath, [VITEST, 'run', '--config', `${which}.config.ts`], {
    cwd: root, encoding: 'utf8', env: { ...process.env, CI: '', NO_COLOR: '1', TIMELINE_FILE: timeline }, maxBuffer: 256 * 1024 * 1024,
  })
  const ms = performance.now() - started
  if (r.status !== 0) throw new Error(`vitest (${which}) exited ${r.status}:\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`)
  if (which === 'with' && !r.stdout.includes(`${FILES * PER_FILE} clauses: ${FILES * PER_FILE} accepted`)) {
    throw new Error(`the plugin did not accept every clause:\n${r.stdout.slice(-1500)}`)
  }
  const t = JSON.parse(fs.readFileSync(timeline, 'utf8'))
  return { ms, phases: { 'start-up': t.first, 'gaps between files': t.gaps, 'files running': t.files, end: t.exit - t.lastEnd } }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const root = await generate()
installSpecgate(root)
if (RUNS === 0) {
  console.log(`suite kept in ${path.relative(REPO, root)}: run \`node ${path.relative(root, VITEST)} run --config with.config.ts\` (or without.config.ts) there`)
  process.exit(0)
}
run(root, 'without') // warm-up: Vite's caches, the file system
const times = { with: [], without: [] }
for (let i = 0; i < RUNS; i++) {
  for (const which of i % 2 ? ['with', 'without'] : ['without', 'with']) times[which].push(run(root, which))
}
const withMs = median(times.with.map((r) => r.ms))
const withoutMs = median(times.without.map((r) => r.ms))
const ratio = withMs / withoutMs
console.log(`vitest plugin overhead: ${FILES * PER_FILE} clause-linked tests, median of ${RUNS} runs each`)
console.log('| run             | median wall ms |')
console.log('|-----------------|---------------:|')
console.log(`| without plugin  | ${withoutMs.toFixed(0).padStart(14)} |`)
console.log(`| with specgate() | ${withMs.toFixed(0).padStart(14)} |`)
console.log(`| ratio           | ${ratio.toFixed(3).padStart(14)} |  (target <= 1.05)`)
console.log(`runs (ms), without: ${times.without.map((t) => t.ms.toFixed(0)).join(' ')}; with: ${times.with.map((t) => t.ms.toFixed(0)).join(' ')}`)
console.log('where the difference is (medians, seconds, timed in Vitest\'s main process):')
for (const phase of Object.keys(times.with[0].phases)) {
  const [a, b] = ['without', 'with'].map((w) => median(times[w].map((r) => r.phases[phase])))
  console.log(`  ${phase.padEnd(20)} ${a.toFixed(3)} -> ${b.toFixed(3)}  (${b - a >= 0 ? '+' : ''}${(b - a).toFixed(3)})`)
}
fs.rmSync(root, { recursive: true, force: true })
