/**
 * The fixture projects, run with the real Vitest of one leg (spawned) and judged on what the
 * run printed, its exit code and the fragment it wrote (validated against the published schema).
 * test/vitest4-fixtures.test.ts and test/vitest5-fixtures.test.ts run this same suite; each leg
 * passes the clause() links of its tests, written in the leg's own file where `specgate status`
 * finds them, so both legs bring evidence for the VIT clauses.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import type { ClauseTestOptions } from 'specgate/vitest'
import { configSchema } from '../src/config/schema.js'
import { mergeLedgers } from '../src/ledger/merge.js'
import type { Evidence, Ledger } from '../src/ledger/schema.js'
import { computeVerdicts } from '../src/ledger/verdict.js'
import { loadSpec } from '../src/spec/load-spec.js'
import { copyFixture, installSpecgateCopy, onlyFragment, runVitest, type Leg } from './helpers/vitest-fixtures.js'

const byCase = (l: Ledger) => new Map(l.evidence.map((e) => [e.caseKey, e]))

/** The case keys the fixture's tests wrote to ran.txt as they ran, sorted. */
function ranCases(cwd: string): string[] {
  return fs.readFileSync(path.join(cwd, 'ran.txt'), 'utf8').split('\n').filter(Boolean).sort()
}

/** Each record of a fragment as `case status`, sorted. */
function statuses(ledger: Ledger): string[] {
  return ledger.evidence.map((e) => `${e.caseKey} ${e.status}`).sort()
}

function evidenceOf(ledger: Ledger, caseKey: string): Evidence {
  const e = ledger.evidence.find((x) => x.caseKey === caseKey)
  if (!e) throw new Error(`no evidence for ${caseKey}; have ${ledger.evidence.map((x) => x.caseKey).join(', ')}`)
  return e
}

/** The summary lines `  <verdict> <id>  <name>` as `id: verdict`. */
function verdictLines(output: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of output.matchAll(/^ {2}(\S+) +([A-Z]+-\d+) {2}/gm)) out[m[2]!] = m[1]!
  return out
}

/** The clause each test of the suite proves, as the leg's file links it (`clause(id, hash)`). */
export interface SuiteLinks {
  accepted: ClauseTestOptions
  summary: ClauseTestOptions
  failed: ClauseTestOptions
  pending: ClauseTestOptions
  hollow: ClauseTestOptions
  stale: ClauseTestOptions
  orphan: ClauseTestOptions
  uncovered: ClauseTestOptions
  gate: ClauseTestOptions
  flaky: ClauseTestOptions
  todoSkip: ClauseTestOptions
  timeout: ClauseTestOptions
  crash: ClauseTestOptions
  sharded: ClauseTestOptions
  errors: ClauseTestOptions
  ownRunner: ClauseTestOptions
  browserMode: ClauseTestOptions
  concurrent: ClauseTestOptions
  tagsFilter: ClauseTestOptions
  filtered: ClauseTestOptions
  internalError: ClauseTestOptions
}

/** `VIT-001 what the test shows`: the title starts with the clause id the test is linked to. */
function title(link: ClauseTestOptions, what: string): string {
  return `${link.meta.specgate.clause} ${what}`
}

export function fixtureSuite(leg: Leg, links: SuiteLinks): void {
  describe(`${leg.name}: evidence from fixture projects`, () => {
    // one run of the accepted fixture with --reporter=dot, looked at by two tests
    let acceptedRun: Promise<{ cwd: string; r: Awaited<ReturnType<typeof runVitest>> }> | undefined
    const accepted = () => (acceptedRun ??= (async () => {
      const cwd = await copyFixture('vitest-accepted', leg)
      return { cwd, r: await runVitest(leg, cwd, ['run', '--reporter=dot'], { CI: '1' }) }
    })())

    test(title(links.summary, 'the summary prints next to --reporter=dot, one line per clause'), links.summary, async () => {
      const { r } = await accepted()
      expect(r.code, r.output).toBe(0)
      // the dot reporter's own output: one dot per test (5 tests, all passed), then its totals
      const dots = r.stdout.split('\n').findIndex((l) => /^·{5}$/.test(l.trim()))
      expect(dots, r.stdout).toBeGreaterThanOrEqual(0)
      expect(r.stdout).toMatch(/Tests +5 passed \(5\)/)
      const summary = r.stdout.indexOf('specgate (vitest)')
      expect(summary).toBeGreaterThan(r.stdout.indexOf('·····'))
      expect(verdictLines(r.stdout.slice(summary))).toEqual({ 'KEYS-001': 'accepted', 'KEYS-002': 'accepted', 'KEYS-003': 'accepted' })
      expect(r.stdout).toContain('gates: all pass')
    })

    test(title(links.accepted, 'accepted: steps, assertions, Outline rows, data, file and line recorded'), links.accepted, async () => {
      const { cwd, r } = await accepted()
      expect(r.code, r.output).toBe(0)
      expect(verdictLines(r.stdout)).toEqual({ 'KEYS-001': 'accepted', 'KEYS-002': 'accepted', 'KEYS-003': 'accepted' })
      const ledger = onlyFragment(r)
      expect([...byCase(ledger).keys()].sort()).toEqual(['KEYS-001', 'KEYS-002[1]', 'KEYS-002[2]', 'KEYS-003'])
      const first = evidenceOf(ledger, 'KEYS-001')
      expect(first).toMatchObject({ status: 'passed', assertions: 2, test: { file: 'test/keys.test.ts', line: 7, title: 'Team keys > KEYS-001 A member sees whether their key works' } })
      expect(stepsOf(first)).toEqual([
        'Given a team with 3 keys: passed', 'When the member opens the key page: passed', 'Then each key shows whether it works: passed',
      ])
      expect(evidenceOf(ledger, 'KEYS-002[2]').data?.observed).toEqual([{ entity: 'keys', count: 3, source: 'fixture' }])
      // the context's own expect counts too
      expect(evidenceOf(ledger, 'KEYS-003').assertions).toBe(1)
      expect(ledger.sources[0]).toMatchObject({ runner: 'vitest', partial: false })
    })

    test(title(links.ownRunner, 'a project\'s own runner is kept, and the evidence is the same as with specgate\'s'), links.ownRunner, async () => {
      const cwd = await copyFixture('vitest-accepted', leg)
      fs.writeFileSync(path.join(cwd, 'own-runner.ts'), [
        "import fs from 'node:fs'",
        "import { TestRunner } from 'vitest'",
        'export default class OwnRunner extends TestRunner {',
        '  onBeforeTryTask(...args: Parameters<TestRunner["onBeforeTryTask"]>) {',
        '    super.onBeforeTryTask(...args)',
        "    fs.appendFileSync('own-runner-ran.txt', 'x')",
        '  }',
        '}',
      ].join('\n'))
      const config = path.join(cwd, 'vitest.config.ts')
      fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace("test: {", "test: { runner: './own-runner.ts',"))
      const r = await runVitest(leg, cwd, ['run'], { CI: '1' })
      expect(r.code, r.output).toBe(0)
      // one attempt per test of the fixture: 4 clause-linked tests and a helper test
      expect(fs.readFileSync(path.join(cwd, 'own-runner-ran.txt'), 'utf8')).toBe('xxxxx')
      expectAcceptedFixture(r.stdout, onlyFragment(r))
    })

    test(title(links.browserMode, 'browser mode: test files load specgate/vitest in Chromium, and their evidence is recorded'), links.browserMode, async () => {
      const cwd = await copyFixture('vitest-accepted', leg)
      fs.writeFileSync(path.join(cwd, 'vitest.config.ts'), [
        "import { defineConfig } from 'vitest/config'",
        "import { playwright } from '@vitest/browser-playwright'",
        "import specgate from 'specgate/vitest'",
        'export default defineConfig({',
        '  plugins: [specgate()],',
        "  test: { include: ['test/**/*.test.ts'], browser: { enabled: true, headless: true, instances: [{ browser: 'chromium' }],",
        "    provider: playwright({ launchOptions: { executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] } }) } },",
        '})',
      ].join('\n'))
      const r = await runVitest(leg, cwd, ['run'], { CI: '1' })
      expect(r.code, r.output).toBe(0)
      // the file ran in the browser instance, and Vite found the sources of specgate's files
      expect(r.stdout).toMatch(/✓ \|chromium\| test\/keys\.test\.ts \(5 tests\)/)
      expect(r.output).not.toContain('Sourcemap for')
      const ledger = onlyFragment(r)
      expectAcceptedFixture(r.stdout, ledger)
      expect(evidenceOf(ledger, 'KEYS-001').test).toMatchObject({ file: 'test/keys.test.ts', line: 7 })
      expect(evidenceOf(ledger, 'KEYS-002[2]').data?.observed).toEqual([{ entity: 'keys', count: 3, source: 'fixture' }])
    })

    test(title(links.concurrent, 'test.concurrent: each test is credited only with its own steps and assertions'), links.concurrent, async () => {
      const cwd = await copyFixture('vitest-concurrent', leg)
      const r = await runVitest(leg, cwd, ['run'])
      expect(r.code, r.output).toBe(0)
      expect(r.stdout).toMatch(/Tests +7 passed \(7\)/)
      expect(verdictLines(r.stdout)).toEqual({ 'KEYS-001': 'accepted', 'KEYS-002': 'hollow', 'KEYS-003': 'hollow', 'KEYS-004': 'accepted' })
      const ledger = onlyFragment(r)
      const real = evidenceOf(ledger, 'KEYS-001')
      expect(real).toMatchObject({ assertions: 2, detail: 'concurrent' })
      // its Given ran in its beforeEach and its Then in its afterEach, and the unlinked test's step beside it took nothing from it
      expect(stepsOf(real)).toEqual(['Given a team with 3 keys: passed', 'When the member lists the keys: passed', 'Then 3 keys are shown: passed'])
      // nothing of KEYS-001's or KEYS-003's reached it
      expect(evidenceOf(ledger, 'KEYS-002')).toMatchObject({ assertions: 0, steps: null, detail: 'concurrent' })
      // its own steps, but its global-expect assertion cannot be told from the others'
      const global = evidenceOf(ledger, 'KEYS-003')
      expect(global).toMatchObject({ assertions: 0, detail: 'concurrent' })
      expect(stepsOf(global)).toEqual(['Given a team with 1 key: passed', 'When the member lists the keys: passed', 'Then 1 key is shown: passed'])
      // a second concurrent group, after a test that ran alone: its own steps again, the helper's not among them
      expect(evidenceOf(ledger, 'KEYS-004')).toMatchObject({ assertions: 1, detail: 'concurrent' })
      expect(stepsOf(evidenceOf(ledger, 'KEYS-004'))).toEqual(['Given a team with 2 keys: passed', 'When the member refreshes the list: passed', 'Then 2 keys are shown: passed'])
      const noOwnAssertion = "passed without running a single assertion of its own: it ran concurrently with another test, and beside other tests only the test context's expect counts, not the global one (test(name, async ({ expect }) => ...))"
      expect(r.stdout).toContain(`${noOwnAssertion} (test/keys.test.ts:24)`)
      expect(r.stdout).toContain(`${noOwnAssertion} (test/keys.test.ts:29)`)

      // a project's own runner: no per-test context, so the steps recorded while the tests overlapped count for none of them
      fs.writeFileSync(path.join(cwd, 'own-runner.ts'), "import { TestRunner } from 'vitest'\nexport default class OwnRunner extends TestRunner {}\n")
      const config = path.join(cwd, 'vitest.config.ts')
      fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace('test: {', "test: { runner: './own-runner.ts',"))
      fs.rmSync(path.join(cwd, '.specgate'), { recursive: true })
      const own = await runVitest(leg, cwd, ['run'])
      expect(own.code, own.output).toBe(0)
      expect(verdictLines(own.stdout)).toEqual({ 'KEYS-001': 'hollow', 'KEYS-002': 'hollow', 'KEYS-003': 'hollow', 'KEYS-004': 'hollow' })
      const ownLedger = onlyFragment(own)
      expect(ownLedger.evidence.map((e) => `${e.caseKey}: ${e.detail}`)).toEqual(['KEYS-001', 'KEYS-002', 'KEYS-003', 'KEYS-004'].map((k) => `${k}: concurrent: steps or data not attributable`))
      // a step is still attributed while one test runs alone (the first may start before the others), never to a silent test
      expect(evidenceOf(ownLedger, 'KEYS-002').steps).toBeNull()
      expect(own.stdout).toContain('ran concurrently with another test, and steps or data were recorded while they overlapped with no per-test context to tell whose')
    })

    test(title(links.tagsFilter, 'Vitest\'s --tagsFilter selects the tests of @integration clauses by the tags the plugin declared'), links.tagsFilter, async () => {
      const cwd = await copyFixture('vitest-tags', leg)
      const r = await runVitest(leg, cwd, ['run', '--tagsFilter=@integration'])
      expect(r.code, r.output).toBe(0)
      // each test that runs writes its case key to ran.txt: the @unit ones never ran
      expect(ranCases(cwd)).toEqual(['KEYS-002', 'KEYS-003[1]', 'KEYS-003[2]'])
      expect(r.stdout).toMatch(/Tests +3 passed \| 2 skipped \(5\)/)
      expect(verdictLines(r.stdout)).toMatchObject({ 'KEYS-002': 'accepted', 'KEYS-003': 'accepted' })
      const ledger = onlyFragment(r)
      expect(ledger.sources[0]!.partial).toBe(true)
      // the whole fragment: the @unit tests the filter left out are not in it (VIT-020)
      expect(statuses(ledger)).toEqual(['KEYS-002 passed', 'KEYS-003[1] passed', 'KEYS-003[2] passed'])
    })

    test(title(links.filtered, 'a filtered run records only what it selected: the tests a filter left out are not "skipped"'), links.filtered, async () => {
      // a location: the line of the describe 'Keys expire', which holds KEYS-003's rows and KEYS-004
      const located = await copyFixture('vitest-tags', leg)
      const byLine = await runVitest(leg, located, ['run', 'test/keys.test.ts:21'])
      expect(byLine.code, byLine.output).toBe(0)
      expect(ranCases(located)).toEqual(['KEYS-003[1]', 'KEYS-003[2]', 'KEYS-004'])
      expect(byLine.stdout).toMatch(/Tests +3 passed \| 2 skipped \(5\)/)
      expect(statuses(onlyFragment(byLine))).toEqual(['KEYS-003[1] passed', 'KEYS-003[2] passed', 'KEYS-004 passed'])
      expect(byLine.stdout).not.toMatch(/skipped +KEYS-00[12]/)
      // -t selects the skipped test alone: it is still skipped; the todo and the `fails` test were left out
      const cwd = await copyFixture('vitest-todo-skip', leg)
      const byName = await runVitest(leg, cwd, ['run', '-t', 'Keys can be renamed'])
      expect(byName.code, byName.output).toBe(0)
      expect(statuses(onlyFragment(byName))).toEqual(['KEYS-002 skipped'])
      expect(verdictLines(byName.stdout)).toEqual({ 'KEYS-002': 'skipped' })
    })

    test(title(links.filtered, 'through Vitest\'s Node API, a test file\'s own tag filter leaves its other tests out of the fragment'), links.filtered, async () => {
      const cwd = await copyFixture('vitest-tags', leg)
      // a TestSpecification with a testTagsFilter of its own, which only the Node API can give
      const script = path.join(cwd, 'run-api.mjs')
      fs.writeFileSync(script, [
        "import path from 'node:path'",
        "import { createVitest } from 'vitest/node'",
        "const vitest = await createVitest('test', { watch: false })",
        'await vitest.init()',
        "const spec = vitest.getRootProject().createSpecification(path.resolve('test/keys.test.ts'), { testTagsFilter: ['@integration'] })",
        'const result = await vitest.runTestSpecifications([spec])',
        'await vitest.close()',
        // a failed test or an unhandled error fails the script, as it fails the vitest CLI
        'if (result.testModules.some((m) => !m.ok()) || result.unhandledErrors.length > 0) process.exitCode = 1',
      ].join('\n'))
      // the leg's Node runs the script in place of the vitest CLI
      const r = await runVitest({ ...leg, vitest: script }, cwd, [])
      expect(r.code, r.output).toBe(0)
      expect(ranCases(cwd)).toEqual(['KEYS-002', 'KEYS-003[1]', 'KEYS-003[2]'])
      expect(statuses(onlyFragment(r))).toEqual(['KEYS-002 passed', 'KEYS-003[1] passed', 'KEYS-003[2] passed'])
    })

    test(title(links.failed, 'failed: the first failing step is recorded, and the run fails whatever the gate mode'), links.failed, async () => {
      const cwd = await copyFixture('vitest-failed', leg)
      // the gate only reports, even in CI: the failing test still fails the run
      fs.writeFileSync(path.join(cwd, 'specgate.config.json'), JSON.stringify({ gate: 'report' }))
      const r = await runVitest(leg, cwd, ['run'], { CI: '1' })
      expect(r.code).toBe(1)
      expect(r.output).not.toContain('specgate: the gate failed (gate: enforce)')
      expect(r.stdout).toMatch(leg.name === 'vitest5' ? /RUN +v5\./ : /RUN +v4\./)
      expect(verdictLines(r.stdout)).toEqual({ 'KEYS-001': 'failed', 'KEYS-002': 'failed', 'KEYS-003': 'failed', 'KEYS-004': 'failed' })
      expect(r.stdout).toMatch(/Tests +4 failed \| 1 passed \(5\)/)
      expect(r.stdout).toContain('the test failed at step "When the member uses it": expected \'accepted\' to be \'refused\'')
      const ledger = onlyFragment(r)
      const e = evidenceOf(ledger, 'KEYS-001')
      expect(e.failure).toMatchObject({ step: 'When the member uses it' })
      expect(e.steps?.map((s) => s.status)).toEqual(['passed', 'failed'])
      // an Outline with one failing row: the clause is failed in the summary, not only that case
      expect(evidenceOf(ledger, 'KEYS-002[1]').status).toBe('passed')
      expect(evidenceOf(ledger, 'KEYS-002[2]')).toMatchObject({ status: 'failed', failure: { step: 'Then the call is refused' } })
      expect(r.stdout).toContain('1 of 2 cases: the test failed at step "Then the call is refused": expected \'allowed\' to be \'refused\'')
      // test.fails whose body passed: failed, where a body that fails is pending (VIT-009)
      expect(evidenceOf(ledger, 'KEYS-003')).toMatchObject({ status: 'failed', detail: 'fails: passed although marked fails', failure: { message: 'Expect test to fail' } })
      expect(r.stdout).toContain('the test failed: Expect test to fail (test/keys.test.ts:21)')
      // failed on the first try and both retries: failed, never flaky
      expect(evidenceOf(ledger, 'KEYS-004')).toMatchObject({ status: 'failed', retries: 2, flaky: false, failure: { step: 'Then it answers' } })
      expect(r.stdout).toContain('the test failed at step "Then it answers": expected \'no answer\' to be \'an answer\'')
    })

    test(title(links.pending, 'pending: a skeleton never runs its body and never passes; CI enforces the gate'), links.pending, async () => {
      const cwd = await copyFixture('vitest-pending', leg)
      const report = await runVitest(leg, cwd, ['run'], { CI: '' })
      expect(report.code, report.output).toBe(0)
      // the skeleton's body writes body-ran.txt first thing: it was never called
      expect(fs.existsSync(path.join(cwd, 'body-ran.txt'))).toBe(false)
      expect(report.stdout).toMatch(/Tests +1 todo \(1\)/)
      expect(verdictLines(report.stdout)).toEqual({ 'KEYS-001': 'pending' })
      expect(report.stdout).toContain('not implemented yet: the generated skeleton is unfilled (test/keys.test.ts:6)')
      expect(evidenceOf(onlyFragment(report), 'KEYS-001')).toMatchObject({ status: 'pending', skeleton: true, assertions: null, steps: null })
      const enforce = await runVitest(leg, cwd, ['run'], { CI: 'true' })
      expect(enforce.code).toBe(1)
      expect(enforce.output).toContain('gate failed: no-pending (1)')
      expect(enforce.output).toContain("specgate: the gate failed (gate: enforce), so the run fails; set gate: 'report' to only report")
    })

    test(title(links.hollow, 'hollow: no assertion, or a step of the clause never reached'), links.hollow, async () => {
      const cwd = await copyFixture('vitest-hollow', leg)
      const r = await runVitest(leg, cwd, ['run'])
      expect(r.code, r.output).toBe(0)
      expect(verdictLines(r.stdout)).toEqual({ 'KEYS-001': 'hollow', 'KEYS-002': 'hollow' })
      expect(r.stdout).toContain('passed without running a single assertion (test/keys.test.ts:4)')
      expect(r.stdout).toContain('passed without executing step "Then the list is empty" (test/keys.test.ts:10)')
      expect(evidenceOf(onlyFragment(r), 'KEYS-001').assertions).toBe(0)
    })

    test(title(links.stale, 'stale: written for an older clause hash'), links.stale, async () => {
      const cwd = await copyFixture('vitest-stale', leg)
      const r = await runVitest(leg, cwd, ['run'])
      expect(verdictLines(r.stdout)).toEqual({ 'KEYS-001': 'stale' })
      const spec = await loadSpec({ root: cwd })
      expect(r.stdout).toContain(`written for clause hash 0123456789ab; the clause is now ${spec.clauses[0]!.hash}`)
    })

    test(title(links.orphan, 'orphan: tests naming a clause or row the SPEC lacks; their undeclared tags do not break collection'), links.orphan, async () => {
      const cwd = await copyFixture('vitest-orphan', leg)
      const r = await runVitest(leg, cwd, ['run'])
      expect(r.code, r.output).toBe(0)
      // all three tests were collected and ran, the orphans too
      expect(r.stdout).toMatch(/Tests +3 passed \(3\)/)
      expect(r.stdout).toContain('orphan: test/keys.test.ts "KEYS-009 A member exports keys" names KEYS-009, which the SPEC does not have')
      expect(r.stdout).toContain('orphan: test/keys.test.ts "KEYS-001[4] a row the clause does not have" names case KEYS-001[4]; KEYS-001 has 1 case(s)')
      expect(r.stdout).toContain('gate failed: no-orphans (2)')
    })

    test(title(links.uncovered, 'uncovered: a @unit clause without a test; @e2e clauses are not Vitest\'s; config and plugin set the gate'), links.uncovered, async () => {
      const cwd = await copyFixture('vitest-uncovered', leg)
      const enforce = await runVitest(leg, cwd, ['run'], { CI: '1' })
      expect(enforce.code).toBe(1)
      expect(verdictLines(enforce.stdout)).toEqual({ 'KEYS-001': 'accepted', 'KEYS-002': 'uncovered' })
      expect(enforce.stdout).toContain('no test names KEYS-002 (@unit clauses are proven with vitest)')
      fs.writeFileSync(path.join(cwd, 'specgate.config.json'), JSON.stringify({ gates: { 'no-uncovered': 'warning' } }))
      const warned = await runVitest(leg, cwd, ['run'], { CI: '1' })
      expect(warned.code, warned.output).toBe(0)
      expect(warned.stdout).toContain('gate warning: no-uncovered (1)')
      fs.writeFileSync(path.join(cwd, 'specgate.config.json'), JSON.stringify({ gate: 'enforce' }))
      writeConfig(cwd, "specgate({ gate: 'report' })")
      const reported = await runVitest(leg, cwd, ['run'], { CI: '1' })
      expect(reported.code, reported.output).toBe(0)
      expect(reported.stdout).toContain('gate failed: no-uncovered (1)')
    })

    test(title(links.gate, 'gate: CI, the config or the plugin option enforce; report only prints'), links.gate, async () => {
      const cwd = await copyFixture('vitest-uncovered', leg)
      const failedGate = 'specgate: the gate failed (gate: enforce), so the run fails'
      // gate: 'enforce' in the config, outside CI
      fs.writeFileSync(path.join(cwd, 'specgate.config.json'), JSON.stringify({ gate: 'enforce' }))
      const byConfig = await runVitest(leg, cwd, ['run'], { CI: '' })
      expect(byConfig.code, byConfig.output).toBe(1)
      expect(byConfig.output).toContain('gate failed: no-uncovered (1)')
      expect(byConfig.output).toContain(failedGate)
      // gate: 'enforce' as the plugin option, outside CI, no config
      fs.rmSync(path.join(cwd, 'specgate.config.json'))
      writeConfig(cwd, "specgate({ gate: 'enforce' })")
      const byPlugin = await runVitest(leg, cwd, ['run'], { CI: '' })
      expect(byPlugin.code, byPlugin.output).toBe(1)
      expect(byPlugin.output).toContain(failedGate)
      // CI set, nothing configured: enforce
      writeConfig(cwd, 'specgate()')
      const inCI = await runVitest(leg, cwd, ['run'], { CI: 'true' })
      expect(inCI.code, inCI.output).toBe(1)
      expect(inCI.output).toContain(failedGate)
      // gate: 'report' in the config wins over CI: the summary only
      fs.writeFileSync(path.join(cwd, 'specgate.config.json'), JSON.stringify({ gate: 'report' }))
      const reported = await runVitest(leg, cwd, ['run'], { CI: 'true' })
      expect(reported.code, reported.output).toBe(0)
      expect(verdictLines(reported.stdout)).toEqual({ 'KEYS-001': 'accepted', 'KEYS-002': 'uncovered' })
      expect(reported.stdout).toContain('gate failed: no-uncovered (1)')
      expect(reported.output).not.toContain(failedGate)
    })

    test(title(links.flaky, 'flaky: passed only on retry'), links.flaky, async () => {
      const cwd = await copyFixture('vitest-flaky', leg)
      const r = await runVitest(leg, cwd, ['run'])
      expect(r.code, r.output).toBe(0)
      expect(verdictLines(r.stdout)).toEqual({ 'KEYS-001': 'flaky' })
      expect(r.stdout).toContain('passed only on retry 1')
      expect(evidenceOf(onlyFragment(r), 'KEYS-001')).toMatchObject({ retries: 1, flaky: true, status: 'passed' })
    })

    test(title(links.todoSkip, 'todo, skip and fails are told apart'), links.todoSkip, async () => {
      const cwd = await copyFixture('vitest-todo-skip', leg)
      const r = await runVitest(leg, cwd, ['run'])
      expect(r.code, r.output).toBe(0)
      expect(verdictLines(r.stdout)).toEqual({ 'KEYS-001': 'pending', 'KEYS-002': 'skipped', 'KEYS-003': 'pending' })
      const ledger = onlyFragment(r)
      expect(evidenceOf(ledger, 'KEYS-001')).toMatchObject({ status: 'todo', skeleton: false })
      expect(evidenceOf(ledger, 'KEYS-002')).toMatchObject({ status: 'skipped', detail: 'skip' })
      expect(evidenceOf(ledger, 'KEYS-003')).toMatchObject({ status: 'pending', detail: 'fails' })
      expect(r.stdout).toContain('marked todo (test/keys.test.ts:4)')
      expect(r.stdout).toContain('pending (fails) (test/keys.test.ts:13)')
    })

    test(title(links.timeout, 'timeout: recorded as timedOut, at the step that never finished'), links.timeout, async () => {
      const cwd = await copyFixture('vitest-timeout', leg)
      const r = await runVitest(leg, cwd, ['run'])
      expect(r.code).toBe(1)
      const e = evidenceOf(onlyFragment(r), 'KEYS-001')
      expect(e).toMatchObject({ status: 'timedOut', failure: { step: 'When the member looks a key up' } })
      expect(e.steps?.map((s) => s.status)).toEqual(['passed', 'failed'])
      expect(r.stdout).toContain('the test timed out at step "When the member looks a key up"')
    })

    test(title(links.crash, 'crash: process.exit and a killed worker are recorded as failed, not lost'), links.crash, async () => {
      const cwd = await copyFixture('vitest-crash', leg)
      const r = await runVitest(leg, cwd, ['run'])
      expect(r.code).not.toBe(0)
      expect(verdictLines(r.stdout)).toEqual({ 'KEYS-001': 'accepted', 'KEYS-002': 'failed', 'KEYS-003': 'failed' })
      const ledger = onlyFragment(r)
      expect(evidenceOf(ledger, 'KEYS-002')).toMatchObject({ status: 'failed', detail: 'crash' })
      expect(evidenceOf(ledger, 'KEYS-003')).toMatchObject({ status: 'failed', detail: 'crash' })
      expect(r.stdout).toContain("the test's worker crashed: process.exit unexpectedly called with \"3\"")
      expect(ledger.errors.length).toBeGreaterThan(0)
    })

    test(title(links.sharded, 'sharded 3 ways and merged gives the same ledger and verdicts as unsharded; a shard reports no other shard\'s clause'), links.sharded, async () => {
      const cwd = await copyFixture('vitest-sharded', leg)
      const whole = await runVitest(leg, cwd, ['run'])
      expect(whole.stdout).toContain('uncovered   BILL-005')
      const unsharded = onlyFragment(whole)
      fs.rmSync(path.join(cwd, '.specgate'), { recursive: true })
      const shards: Ledger[] = []
      for (const i of [1, 2, 3]) {
        const shard = await runVitest(leg, cwd, ['run', `--shard=${i}/3`, '--reporter=blob'])
        expect(shard.stdout).toContain(`shard ${i}/3: only the clauses this shard ran are shown`)
        expect(shard.stdout).not.toContain('uncovered')
        shards.push(onlyFragment(shard))
      }
      expect(shards.map((s) => s.sources[0]!.shard?.index).sort()).toEqual([1, 2, 3])
      expect(shards.every((s) => s.sources[0]!.partial)).toBe(true)
      fs.rmSync(path.join(cwd, '.specgate'), { recursive: true })
      const merged = await runVitest(leg, cwd, ['run', '--merge-reports'])
      expect(merged.output).not.toContain('specgate: internal error')
      const mergedLedger = onlyFragment(merged)
      expect(comparable(mergedLedger)).toEqual(comparable(unsharded))
      expect(comparable(mergeLedgers(shards))).toEqual(comparable(unsharded))
      expect(await verdictsOf(mergedLedger, cwd)).toEqual(await verdictsOf(unsharded, cwd))
      expect(await verdictsOf(unsharded, cwd)).toMatchObject({ 'BILL-002': 'hollow', 'BILL-001': 'stale', 'BILL-005': 'uncovered', 'BILL-003': 'accepted' })
    })

    test(title(links.errors, 'errors: a bad plugin option, a bad specgate config and an unwritable ledger folder fail the run with a message'), links.errors, async () => {
      const cwd = await copyFixture('vitest-accepted', leg)
      writeConfig(cwd, "specgate({ gates: { 'no-such-gate': 'error' } })")
      const badOption = await runVitest(leg, cwd, ['run'])
      expect(badOption.code).toBe(1)
      expect(badOption.output).toContain('specgate() plugin option gates.no-such-gate: not a gate')
      writeConfig(cwd, 'specgate()')
      fs.writeFileSync(path.join(cwd, 'specgate.config.json'), JSON.stringify({ ledgerdir: 'x' }))
      const badConfig = await runVitest(leg, cwd, ['run'])
      expect(badConfig.code).toBe(1)
      expect(badConfig.output).toContain('unknown key "ledgerdir"; did you mean "ledgerDir"?')
      fs.writeFileSync(path.join(cwd, 'specgate.config.json'), JSON.stringify({ ledgerDir: 'vitest.config.ts/ledger' }))
      const unwritable = await runVitest(leg, cwd, ['run'])
      expect(unwritable.code).toBe(1)
      // the user's folder, named in one line: not an internal error, no stack trace
      expect(unwritable.stderr).toMatch(/\nspecgate: vitest\.config\.ts\/ledger\/vitest-[0-9a-f]+\.json: cannot write this ledger file: ENOTDIR: not a directory, mkdir '.*vitest\.config\.ts\/ledger'\n/)
      expect(unwritable.output).not.toMatch(/internal error|\n +at /)
    })

    test(title(links.internalError, 'a real fault inside specgate (its installed copy broken) fails the run in one line, and a failed test stays failed'), links.internalError, async () => {
      const cwd = await copyFixture('vitest-accepted', leg)
      // the project's own installed specgate, with the module that judges the run throwing
      const finishRun = path.join(installSpecgateCopy(leg, cwd), 'dist/reporters/vitest/finish-run.js')
      const text = fs.readFileSync(finishRun, 'utf8')
      const broken = text.replace(/(export async function finishRun\([^)]*\) \{)/, "$1\n    throw new Error('deliberately broken for the test');")
      expect(broken).not.toBe(text)
      fs.writeFileSync(finishRun, broken)
      const internal = "specgate: internal error (a bug in specgate, please report it), the run's evidence is incomplete: deliberately broken for the test (at finishRun "
      const r = await runVitest(leg, cwd, ['run'])
      // every test passed and the gate only reports (CI unset): the fault alone fails the run
      expect(r.stdout).toMatch(/Tests +5 passed \(5\)/)
      expect(r.code, r.output).toBe(1)
      expect(r.stderr).toContain(internal)
      expect(r.stderr.split('\n').filter((l) => l.startsWith('specgate:'))).toHaveLength(1)
      expect(r.output).not.toMatch(/\n\s+at /)
      expect(r.fragments).toEqual([])
      // a test that fails is still reported failed beside the fault
      fs.writeFileSync(path.join(cwd, 'test/broken.test.ts'), "import { expect, test } from 'vitest'\ntest('fails', () => { expect(1).toBe(2) })\n")
      const failed = await runVitest(leg, cwd, ['run'])
      expect(failed.code, failed.output).toBe(1)
      expect(failed.stdout).toMatch(/Tests +1 failed \| 5 passed \(6\)/)
      expect(failed.stderr).toContain(internal)
    })
  })
}

/** A record's steps as `Keyword text: status`. */
function stepsOf(e: Evidence): string[] | undefined {
  return e.steps?.map((s) => `${s.keyword} ${s.text}: ${s.status}`)
}

/** The vitest-accepted fixture's verdicts and evidence, however its tests were run (specgate's runner, a project's own, the browser). */
function expectAcceptedFixture(stdout: string, ledger: Ledger): void {
  expect(verdictLines(stdout)).toEqual({ 'KEYS-001': 'accepted', 'KEYS-002': 'accepted', 'KEYS-003': 'accepted' })
  expect(evidenceOf(ledger, 'KEYS-001')).toMatchObject({ status: 'passed', assertions: 2 })
  expect(evidenceOf(ledger, 'KEYS-001').steps?.map((s) => s.status)).toEqual(['passed', 'passed', 'passed'])
  expect(evidenceOf(ledger, 'KEYS-003').assertions).toBe(1)
}

function writeConfig(cwd: string, plugin: string): void {
  fs.writeFileSync(path.join(cwd, 'vitest.config.ts'), [
    "import { defineConfig } from 'vitest/config'",
    "import specgate from 'specgate/vitest'",
    `export default defineConfig({ plugins: [${plugin}], test: { include: ['test/**/*.test.ts'] } })`,
  ].join('\n'))
}

/** The ledger apart from what differs between runs by nature: source ids, timestamps, durations. */
function comparable(ledger: Ledger): unknown[] {
  return ledger.evidence.map((e) => ({
    ...e,
    source: '',
    durationMs: 0,
    steps: e.steps?.map((s) => ({ ...s, durationMs: 0 })) ?? null,
  }))
}

async function verdictsOf(ledger: Ledger, cwd: string): Promise<Record<string, string>> {
  const spec = await loadSpec({ root: cwd })
  const v = computeVerdicts(spec, ledger, configSchema.parse({}), { runners: ['vitest'] })
  return Object.fromEntries(v.clauses.map((c) => [c.clause.id!, `${c.verdict}`]))
}
