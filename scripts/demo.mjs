#!/usr/bin/env node
/**
 * `npm run demo`: specgate end to end on the bundled example, examples/team-keys.
 *
 *   npm run demo                lint, generate --check, Vitest, Playwright (seeded store), check
 *   npm run demo -- --empty     the same, with the E2E store empty: specgate rejects the run
 *   npm run demo -- --verbose   also stream the runners' own output
 *
 * Exit code: specgate check's (0 all gates pass, 1 a gate fails), or 1 when lint or
 * generate --check fails first, so CI can run the demo as it is.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const EXAMPLE = path.join(REPO, 'examples/team-keys')
const CLI = path.join(REPO, 'dist/cli.js')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const args = process.argv.slice(2)
const empty = args.includes('--empty')
const verbose = args.includes('--verbose')

const unknown = args.filter((a) => !['--empty', '--verbose'].includes(a))
if (unknown.length) fail(`unknown option ${unknown[0]}; use --empty or --verbose`, 2)
if (!fs.existsSync(CLI)) fail('dist/cli.js is missing: run `npm run demo` (it builds first), not node scripts/demo.mjs alone', 2)
if (!fs.existsSync(CHROMIUM)) {
  fail(`Chromium not found at ${CHROMIUM}. The E2E tests run in Debian's Chromium, nothing is downloaded:\n` +
    '  apt-get install -y chromium      (as root; or set CHROMIUM_PATH to another Chromium)\n' +
    'then run `npm run demo` again.', 1)
}

const started = Date.now()
linkSpecgate()
cleanPreviousRun()
heading(`specgate demo on examples/team-keys${empty ? ', E2E against an EMPTY store' : ''}`)

const steps = [
  ['lint the SPEC', node(CLI, ['lint']), 'stop'],
  ['check that no clause is missing its test', node(CLI, ['generate', '--check']), 'stop'],
  ['Vitest: @unit and @integration clauses', node(bin('vitest', 'vitest.mjs'), ['run']), 'go-on'],
  [`Playwright in Chromium: @e2e clauses, ${empty ? 'EMPTY store (TEAM_KEYS_EMPTY=1)' : 'seeded store'}`,
    node(bin('@playwright/test', 'cli.js'), ['test'], empty ? { TEAM_KEYS_EMPTY: '1', CHROMIUM_PATH: CHROMIUM } : { CHROMIUM_PATH: CHROMIUM }), 'go-on'],
]
let n = 0
for (const [title, command, onFailure] of steps) {
  const r = await runStep(`${++n}/5 ${title}`, command)
  if (r.code !== 0 && onFailure === 'stop') fail(`${title} failed (exit ${r.code}); fix that first`, 1)
}

console.log(`\n${++n}/5 specgate check: merge the evidence, verdicts, waivers, gates, reports\n`)
const check = await run(node(CLI, ['check', '--gate', 'enforce']), { stream: true })
const reportDir = path.join(EXAMPLE, 'specgate-report')
console.log(`\nReports: ${rel(path.join(reportDir, 'report.html'))}\n         ${rel(path.join(reportDir, 'report.md'))}`)
console.log(closing(check.code))
console.log(`(demo took ${((Date.now() - started) / 1000).toFixed(1)} s)`)
process.exitCode = check.code === 0 ? 0 : 1

function closing(code) {
  if (empty && code !== 0) {
    return '\nRejected, as it should be: the E2E tests passed, but against an empty store, so they prove nothing.\n' +
      'The reasons are above (probe counts below what each clause requires). Exit code 1, as a CI job would see.'
  }
  if (empty) return '\nUNEXPECTED: the run against an empty store was accepted; specgate should have rejected it.'
  if (code === 0) return '\nAccepted: every clause has current, real evidence (or a reviewed waiver). Exit code 0.'
  return `\nspecgate check failed (exit ${code}): the gates above say which clause lacks what, and who owes it.`
}

/** One step: run it, say how it went in a line; its output only when asked or when it failed. */
async function runStep(title, command) {
  process.stdout.write(`${title} ... `)
  const t0 = Date.now()
  const r = await run(command, { stream: verbose })
  const secs = `${((Date.now() - t0) / 1000).toFixed(1)} s`
  console.log(r.code === 0 ? `ok (${secs})` : `exit ${r.code} (${secs})`)
  if (verbose) return r
  // against the empty store Playwright exits 1 on purpose: specgate's reporter rejects the run
  const expectedRejection = empty && command.file.includes('playwright')
  const shown = r.code !== 0 && !expectedRejection ? tail(r.output, 40) : summaryLines(r.output)
  if (shown) console.log(indent(shown))
  return r
}

/** The specgate lines a runner printed (its per-clause summary headline and gate lines). */
function summaryLines(output) {
  const lines = stripAnsi(output).split('\n')
  const keep = lines.filter((l) => /^(\d+ clauses:|gates?[: ]|gate failed|E2E ran against|No findings|nothing to generate|in step)/.test(l.trim()))
  return keep.join('\n')
}

function node(file, argv, env = {}) {
  return { file, argv, env }
}

function bin(pkg, file) {
  const require = createRequire(path.join(EXAMPLE, 'package.json'))
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file)
}

function run({ file, argv, env }, { stream }) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file, ...argv], {
      cwd: EXAMPLE,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const take = (to) => (chunk) => {
      output += chunk
      if (stream) to.write(chunk)
    }
    child.stdout.on('data', take(process.stdout))
    child.stderr.on('data', take(process.stderr))
    child.on('error', (err) => resolve({ code: 2, output: `${output}\n${err.message}` }))
    child.on('close', (code) => resolve({ code: code ?? 1, output }))
  })
}

/** The example resolves `specgate` to this repository through node_modules/specgate -> ../../.. */
function linkSpecgate() {
  const link = path.join(EXAMPLE, 'node_modules/specgate')
  if (fs.existsSync(path.join(link, 'package.json'))) return
  fs.mkdirSync(path.dirname(link), { recursive: true })
  fs.rmSync(link, { force: true, recursive: false })
  fs.symlinkSync('../../..', link, 'dir')
}

/** Only this run's evidence counts: old fragments and reports would mix runs. */
function cleanPreviousRun() {
  for (const dir of ['.specgate/ledger', 'specgate-report', 'test-results']) {
    fs.rmSync(path.join(EXAMPLE, dir), { recursive: true, force: true })
  }
}

function heading(text) {
  console.log(`${text}\n${'='.repeat(text.length)}\n`)
}

function rel(p) {
  return path.relative(process.cwd(), p) || '.'
}

function tail(text, lines) {
  return text.trimEnd().split('\n').slice(-lines).join('\n')
}

function indent(text) {
  return text ? text.split('\n').map((l) => `    ${l}`).join('\n') : ''
}

function stripAnsi(s) {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001b\[[0-9;]*m/g, '')
}

function fail(message, code) {
  console.error(`specgate demo: ${message}`)
  process.exit(code)
}
