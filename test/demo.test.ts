/**
 * Issue 7's evidence: `npm run demo` as the README says, in a temporary copy of the repository
 * (its tracked and new files, with node_modules linked in place of `npm install`), on the real
 * example, real Vitest, real Playwright in Chromium and the built CLI.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { REPO, scratch } from './helpers/cli.js'

const DEMO_TIMEOUT = 600_000

function copyRepo(): string {
  const copy = scratch('demo')
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f && fs.existsSync(path.join(REPO, f)))
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(copy, f)), { recursive: true })
    fs.copyFileSync(path.join(REPO, f), path.join(copy, f))
  }
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(copy, 'node_modules'), 'dir')
  return copy
}

function npmRunDemo(cwd: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync('npm', ['run', 'demo', ...(extra.length ? ['--', ...extra] : [])], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', CI: '', ...env },
    maxBuffer: 64 * 1024 * 1024,
  })
  return { code: r.status ?? -1, out: `${r.stdout}\n${r.stderr}` }
}

describe('npm run demo', () => {
  let copy = ''
  beforeAll(() => { copy = copyRepo() })
  afterAll(() => { if (copy) fs.rmSync(copy, { recursive: true, force: true }) })

  test('without Chromium it stops at once and says how to install it', () => {
    const r = npmRunDemo(copy, [], { CHROMIUM_PATH: path.join(copy, 'no-chromium-here') })
    expect(r.code).toBe(1)
    expect(r.out).toContain('specgate demo: Chromium not found at')
    expect(r.out).toContain('apt-get install -y chromium')
  }, DEMO_TIMEOUT)

  test('an unknown option is a usage error', () => {
    const r = spawnSync(process.execPath, ['scripts/demo.mjs', '--emtpy'], { cwd: copy, encoding: 'utf8' })
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('specgate demo: unknown option --emtpy; use --empty or --verbose')
  })

  test('accepts the example: every gate passes, per-feature summary, reports written', () => {
    const r = npmRunDemo(copy)
    expect(r.code, r.out).toBe(0)
    expect(r.out).toMatch(/1\/5 lint the SPEC \.\.\. ok/)
    expect(r.out).toMatch(/2\/5 check that no clause is missing its test \.\.\. ok/)
    expect(r.out).toMatch(/features\/key-status\.feature\s+7\s+7\s+0\s+0/)
    expect(r.out).toMatch(/features\/cost\.feature\s+5\s+5\s+0\s+0/)
    expect(r.out).toMatch(/features\/pages\.feature\s+5\s+4\s+1\s+0/)
    expect(r.out).toContain('17 clauses: 16 accepted, 1 waived')
    expect(r.out).toContain('check passed: every gate passes')
    expect(r.out).toContain('Reports: examples/team-keys/specgate-report/report.html')
    const report = path.join(copy, 'examples/team-keys/specgate-report')
    expect(fs.readFileSync(path.join(report, 'report.md'), 'utf8')).toContain('PAGE-005')
    expect(fs.statSync(path.join(report, 'report.html')).size).toBeGreaterThan(1000)
  }, DEMO_TIMEOUT)

  test('--empty runs the same E2E suite on an empty store and the run is rejected as empty-state', () => {
    const r = npmRunDemo(copy, ['--empty'])
    expect(r.code, r.out).toBe(1)
    expect(r.out).toContain('E2E ran against an empty state: 0 of 3 E2E cases saw real data')
    expect(r.out).toMatch(/empty-state PAGE-001[\s\S]*keys: 0 < 1 \(@requires-data:keys>=1\)/)
    expect(r.out).toMatch(/empty-state PAGE-003[\s\S]*usage: 0 < 3 \(@requires-data:usage>=3\)/)
    expect(r.out).toContain('FAIL  e2e-saw-data')
    // the clause about the empty state itself is accepted on an empty store
    expect(r.out).toContain('17 clauses: 13 accepted, 1 waived, 3 empty-state')
    expect(r.out).toContain('Rejected, as it should be')
  }, DEMO_TIMEOUT)
})
