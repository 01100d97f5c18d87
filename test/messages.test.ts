/**
 * Cucumber Messages out of a mixed run: real Vitest, Playwright and Cucumber fragments, merged by
 * the built `specgate check --format messages --format cucumber-html`; every envelope validates
 * against @cucumber/messages' JSON Schema, and real Chromium finds the scenarios in the HTML page.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import type * as messages from '@cucumber/messages'
import { chromium } from 'playwright-core'
import { beforeAll, describe, expect, test } from 'vitest'
import { clause } from 'specgate/vitest'
import { loadConfig } from '../src/config/load-config.js'
import { readLedger } from '../src/ledger/fragment-io.js'
import { mergeLedgers } from '../src/ledger/merge.js'
import { computeVerdicts } from '../src/ledger/verdict.js'
import { renderMessages } from '../src/messages/render-messages.js'
import { loadSpec } from '../src/spec/load-spec.js'
import { REPO, specgate } from './helpers/cli.js'
import { copyFixture, cucumber, fragmentFiles, linkSpecgate } from './fixtures/cucumber-harness/run.js'

const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'node_modules/@cucumber/messages/messages.schema.json'), 'utf8'))
const validateEnvelope = new Ajv2020({ strict: false, allErrors: true }).compile(schema)

function invalidEnvelopes(ndjson: string): string[] {
  return ndjson.trim().split('\n').flatMap((line) => (validateEnvelope(JSON.parse(line)) ? [] : [`${line.slice(0, 120)}: ${JSON.stringify(validateEnvelope.errors)}`]))
}

function envelopes(ndjson: string): messages.Envelope[] {
  return ndjson.trim().split('\n').map((l) => JSON.parse(l) as messages.Envelope)
}

/** Fixture projects outside the package resolve `specgate/vitest` and `specgate/playwright` through .tmp/node_modules. */

function run(bin: string, args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [path.join(REPO, 'node_modules', bin), ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: '', NO_COLOR: '1' } })
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` }
}

describe('specgate check --format messages / cucumber-html on a Vitest + Playwright + Cucumber run', () => {
  let dir: string
  let ndjson: string

  beforeAll(async () => {
    linkSpecgate()
    dir = copyFixture('cucumber-mixed')
    const spec = await loadSpec({ root: dir })
    for (const [file, id] of [['test/notes.test.ts', 'MIX-001'], ['e2e/notes.spec.ts', 'MIX-002']] as const) {
      const abs = path.join(dir, file)
      fs.writeFileSync(abs, fs.readFileSync(abs, 'utf8').replace(`__${id.replace('-', '_')}__`, spec.byId.get(id)!.hash))
    }
    const vitest = run('vitest/vitest.mjs', ['run'], dir)
    expect(vitest.code, vitest.out).toBe(0)
    const playwright = run('@playwright/test/cli.js', ['test'], dir)
    expect(playwright.code, playwright.out).toBe(0)
    const cuke = cucumber(['--tags', '@integration', '--format', 'specgate/cucumber'], dir)
    expect(cuke.code, cuke.stderr).toBe(0)
    expect(fragmentFiles(dir).map((f) => path.basename(f).split('-')[0]).sort()).toEqual(['cucumber', 'playwright', 'vitest'])
    const check = specgate(['check', '--format', 'messages', '--format', 'cucumber-html'], dir)
    expect(check.code, check.stdout + check.stderr).toBe(0)
    expect(check.stdout).toContain('specgate-report/messages.ndjson, specgate-report/cucumber-report.html')
    ndjson = fs.readFileSync(path.join(dir, 'specgate-report/messages.ndjson'), 'utf8')
  })

  // CUKE-007 is proven by the two tests below: the envelopes validate, and each case shows its runner and specgate's verdict
  test('CUKE-007 specgate check writes Cucumber Messages of a mixed run (every envelope validates)', clause('CUKE-007', 'a152b9ec6a7e'), () => {
    expect(invalidEnvelopes(ndjson)).toEqual([])
    const kinds = new Set(envelopes(ndjson).flatMap((e) => Object.keys(e)))
    for (const k of ['meta', 'source', 'gherkinDocument', 'pickle', 'hook', 'testRunStarted', 'testCase', 'testCaseStarted', 'testStepStarted', 'testStepFinished', 'testCaseFinished', 'testRunFinished']) {
      expect(kinds).toContain(k)
    }
  })

  test('CUKE-007 specgate check writes Cucumber Messages of a mixed run (a test case per clause case, from its runner, with the verdict step)', clause('CUKE-007', 'a152b9ec6a7e'), () => {
    const all = envelopes(ndjson)
    const pickles = new Map(all.flatMap((e) => (e.pickle ? [[e.pickle.id, e.pickle]] : [])))
    const hooks = new Map(all.flatMap((e) => (e.hook ? [[e.hook.id, e.hook]] : [])))
    const results = new Map(all.flatMap((e) => (e.testStepFinished ? [[e.testStepFinished.testStepId, e.testStepFinished.testStepResult.status]] : [])))
    const byScenario = all.flatMap((e) => (e.testCase ? [e.testCase] : [])).map((tc) => ({
      name: pickles.get(tc.pickleId)!.name,
      runner: hooks.get(tc.testSteps[0]!.hookId!)!.name!.split(':')[0],
      statuses: tc.testSteps.map((s) => results.get(s.id)),
      last: hooks.get(tc.testSteps.at(-1)!.hookId!)?.name,
    }))
    // the last step of every test case carries specgate's verdict (accepted: PASSED)
    expect(byScenario.map((s) => s.last)).toEqual(['specgate verdict', 'specgate verdict', 'specgate verdict'])
    expect(byScenario).toEqual([
      { name: 'a note\'s title is trimmed', runner: 'vitest', statuses: ['PASSED', 'PASSED', 'PASSED', 'PASSED'], last: 'specgate verdict' },
      { name: 'the notes page greets an empty store', runner: 'playwright', statuses: ['PASSED', 'PASSED', 'PASSED', 'PASSED'], last: 'specgate verdict' },
      { name: 'saving a note without a title is refused', runner: 'cucumber', statuses: ['PASSED', 'PASSED', 'PASSED', 'PASSED', 'PASSED'], last: 'specgate verdict' },
    ])
    expect(all.at(-1)!.testRunFinished!.success).toBe(true)
  })

  test('deterministic: checking the same fragments again writes the same bytes', () => {
    specgate(['check', '--format', 'messages', '--out', 'again'], dir)
    expect(fs.readFileSync(path.join(dir, 'again/messages.ndjson'), 'utf8')).toBe(ndjson)
  })

  test('CUKE-008 specgate check writes the Cucumber HTML report', clause('CUKE-008', '37359e842587'), async () => {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
    try {
      const page = await browser.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      await page.goto(`file://${path.join(dir, 'specgate-report/cucumber-report.html')}`)
      // a feature whose scenarios all passed starts collapsed: open it the way a reader would
      await page.getByText('features/mixed.feature').click()
      await expect.poll(() => page.locator('body').innerText(), { timeout: 15_000 }).toContain('Notes, proven by three runners')
      const text = await page.locator('body').innerText()
      for (const name of ['a note\'s title is trimmed', 'the notes page greets an empty store', 'saving a note without a title is refused']) expect(text).toContain(name)
      expect(text).toContain('100% (3 / 3) passed')
      expect(errors).toEqual([])
    } finally {
      await browser.close()
    }
  })
})

describe('renderMessages shows specgate\'s verdict next to what the runner recorded', () => {
  test('hollow, undefined, ambiguous and uncovered cases carry their verdict in a failing or undefined step', async () => {
    linkSpecgate()
    const dir = copyFixture('cucumber-statuses')
    cucumber(['--retry', '1', '--tags', 'not @manual', '--format', 'specgate/cucumber'], dir)
    const spec = await loadSpec({ root: dir })
    const ledger = mergeLedgers(fragmentFiles(dir).map((f) => readLedger(f)))
    const verdicts = computeVerdicts(spec, ledger, (await loadConfig(dir)).config)
    const ndjson = renderMessages({ spec, ledger, verdicts })
    expect(invalidEnvelopes(ndjson)).toEqual([])
    expect(renderMessages({ spec, ledger, verdicts })).toBe(ndjson)
    const verdictResults = envelopes(ndjson).flatMap((e) => e.testStepFinished?.testStepResult.message?.startsWith('specgate verdict') ? [e.testStepFinished.testStepResult] : [])
    const find = (key: string) => verdictResults.find((r) => r.message!.startsWith(`specgate verdict for ${key}:`))
    expect(find('FX-007')).toMatchObject({ status: 'FAILED', message: expect.stringContaining('hollow: passed without executing a single step') })
    expect(find('FX-003')).toMatchObject({ status: 'PENDING', message: expect.stringContaining('pending (undefined)') })
    expect(find('FX-005')).toMatchObject({ status: 'FAILED' })
    expect(find('FX-011')).toMatchObject({ status: 'UNDEFINED', message: expect.stringContaining('uncovered') })
    const stepStatuses = envelopes(ndjson).flatMap((e) => (e.testStepFinished ? [e.testStepFinished.testStepResult.status] : []))
    for (const s of ['PASSED', 'FAILED', 'PENDING', 'UNDEFINED', 'AMBIGUOUS', 'SKIPPED']) expect(stepStatuses).toContain(s)
    const finished = envelopes(ndjson).at(-1)!.testRunFinished!
    expect(finished.success).toBe(false)
  })
})
