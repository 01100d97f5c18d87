// The Playwright adapter's cost: 300 E2E tests against a local page (it fetches JSON from a local
// API), run with plain @playwright/test and with specgate's fixture and reporter, interleaved in
// the same benchmark run. Prints per-test duration medians, wall-time medians and their ratio.
// Run alone: `npm run build && node bench/playwright-overhead.mjs` (ROUNDS=n to change rounds).
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const TESTS = 300
// five rounds: on this shared 2-core machine one run can be 10% off; the median of five is not
const ROUNDS = Number(process.env.ROUNDS ?? 5)
const WORKERS = Number(process.env.WORKERS ?? 2)
const { loadSpec } = await import(path.join(REPO, 'dist/src/index.js'))

const server = http.createServer((req, res) => {
  if (req.url === '/api/items') {
    res.setHeader('content-type', 'application/json')
    return res.end(JSON.stringify({ items: [{ id: 1, name: 'one' }, { id: 2, name: 'two' }], total: 2 }))
  }
  res.setHeader('content-type', 'text/html')
  res.end(`<!doctype html><ul id="list"></ul><script>
    fetch('/api/items').then((r) => r.json()).then(({ items }) => {
      document.getElementById('list').innerHTML = items.map((i) => '<li>' + i.name + '</li>').join('')
    })</script>`)
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const baseURL = `http://127.0.0.1:${server.address().port}`

const dir = path.join(REPO, '.tmp', 'bench-playwright')
fs.rmSync(dir, { recursive: true, force: true })
fs.mkdirSync(path.join(dir, 'features'), { recursive: true })
fs.mkdirSync(path.join(REPO, '.tmp/node_modules'), { recursive: true })
if (!fs.existsSync(path.join(REPO, '.tmp/node_modules/specgate'))) fs.symlinkSync(REPO, path.join(REPO, '.tmp/node_modules/specgate'), 'dir')

const ids = Array.from({ length: TESTS }, (_, i) => `BENCH-${String(i + 1).padStart(3, '0')}`)
fs.writeFileSync(path.join(dir, 'features/bench.feature'), `@e2e @owner:core @acceptor:lead
Feature: Bench
${ids.map((id) => `
  @id:${id}
  Scenario: The list shows its items ${id}
    When the list page is opened
    Then it shows two items
`).join('')}`)
const spec = await loadSpec({ root: dir })

// the same body in both: plain Playwright names its steps with test.step, specgate's tests with When/Then
const body = (specgate) => specgate
  ? `await When('the list page is opened', async () => { await page.goto('/') })
    await Then('it shows two items', async () => { await expect(page.locator('li')).toHaveCount(2) })`
  : `await test.step('When the list page is opened', async () => { await page.goto('/') })
    await test.step('Then it shows two items', async () => { await expect(page.locator('li')).toHaveCount(2) })`
function writeTests(kind) {
  fs.mkdirSync(path.join(dir, kind), { recursive: true })
  const specgate = kind === 'specgate'
  const head = specgate
    ? `import { test, expect, clause, When, Then } from 'specgate/playwright'\n`
    : `import { test, expect } from '@playwright/test'\n`
  const tests = ids.map((id) => {
    const details = specgate ? `, clause('${id}', '${spec.byId.get(id).hash}')` : ''
    return `test('${id} the list shows its items'${details}, async ({ page }) => {\n    ${body(specgate)}\n  })`
  })
  fs.writeFileSync(path.join(dir, kind, 'list.spec.ts'), `${head}\n${tests.join('\n\n')}\n`)
  fs.writeFileSync(path.join(dir, `pw-${kind}.config.ts`), `import { defineConfig } from '@playwright/test'
export default defineConfig({
  testDir: '${kind}',
  outputDir: 'test-results-${kind}',
  workers: ${WORKERS},
  reporter: [${specgate ? "['specgate/playwright'], " : ''}['json', { outputFile: 'results-${kind}.json' }]],
  use: { baseURL: '${baseURL}', launchOptions: { executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] } },
})
`)
}
writeTests('plain')
writeTests('specgate')

// async: the local server lives in this process and must keep answering while Playwright runs
function spawnPlaywright(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO, 'node_modules/@playwright/test/cli.js'), ...args], {
      cwd: dir, env: { ...process.env, CI: '', NO_COLOR: '1' },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => { stdout += d })
    child.stderr.on('data', (d) => { stderr += d })
    child.on('close', (status) => resolve({ status, stdout, stderr }))
  })
}

async function run(kind, extra = []) {
  const started = performance.now()
  const r = await spawnPlaywright(['test', '-c', `pw-${kind}.config.ts`, ...extra])
  const wall = performance.now() - started
  if (r.status !== 0) throw new Error(`${kind} run failed (${r.status}):\n${r.stdout}\n${r.stderr}`)
  if (extra.length) return undefined
  const report = JSON.parse(fs.readFileSync(path.join(dir, `results-${kind}.json`), 'utf8'))
  const durations = []
  const walk = (suite) => {
    for (const s of suite.specs ?? []) for (const t of s.tests) for (const res of t.results) durations.push(res.duration)
    for (const child of suite.suites ?? []) walk(child)
  }
  for (const s of report.suites) walk(s)
  if (durations.length !== TESTS) throw new Error(`${kind}: expected ${TESTS} results, got ${durations.length}`)
  return { wall, perTest: median(durations) }
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

const runs = { plain: [], specgate: [] }
// warm-up: transform caches and the browser binary, for both kinds
await run('plain', ['--grep', 'BENCH-001 '])
await run('specgate', ['--grep', 'BENCH-001 '])
for (let i = 0; i < ROUNDS; i++) {
  for (const kind of i % 2 ? ['specgate', 'plain'] : ['plain', 'specgate']) runs[kind].push(await run(kind))
}
server.close()

const row = (kind) => ({ perTest: median(runs[kind].map((r) => r.perTest)), wall: median(runs[kind].map((r) => r.wall)) })
const plain = row('plain')
const withSpecgate = row('specgate')
const ratio = withSpecgate.wall / plain.wall
console.log(`playwright overhead: ${TESTS} E2E tests, ${ROUNDS} rounds each, ${WORKERS} workers`)
console.log('| run | median per test (ms) | median wall (ms) |')
console.log('|---|---:|---:|')
console.log(`| plain @playwright/test | ${plain.perTest.toFixed(1)} | ${plain.wall.toFixed(0)} |`)
console.log(`| specgate fixture + reporter | ${withSpecgate.perTest.toFixed(1)} | ${withSpecgate.wall.toFixed(0)} |`)
console.log(`| overhead | ${(withSpecgate.perTest - plain.perTest).toFixed(1)} ms per test (budget 2) | ratio ${ratio.toFixed(3)} (budget 1.05) |`)
const each = (kind) => runs[kind].map((r) => `${r.perTest.toFixed(1)}/${(r.wall / 1000).toFixed(1)}`).join(', ')
console.log(`every round (median ms per test / wall s): plain ${each('plain')}; specgate ${each('specgate')}`)
process.exitCode = ratio <= 1.05 && withSpecgate.perTest - plain.perTest <= 2 ? 0 : 1
