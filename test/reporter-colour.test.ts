/**
 * REPORT-010 for the Vitest and Playwright reporters: their summaries follow the same colour rule
 * as the commands and the Cucumber formatter (test/check.test.ts), in real runs with piped output.
 * Only the summary's block is looked at: the runners colour their own lines by their own rules.
 */
import path from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { clause } from 'specgate/vitest'
import { COLOUR_CASES as CASES, ESC, linkSpecgate, REPO } from './helpers/cli.js'
import { copyFixture, runVitest, VITEST4 } from './helpers/vitest-fixtures.js'
import { copyApp, playwright } from './helpers/playwright-app.js'

/** Scratch copies directly under .tmp: the Vitest leg's own base folder is wiped by other suites. */
const LEG = { ...VITEST4, base: path.join(REPO, '.tmp') }
/** specgate's summary block: from its heading to the end of the output. */
function summaryOf(stdout: string, runner: string): string {
  const at = stdout.indexOf(`specgate (${runner})`)
  if (at < 0) throw new Error(`no specgate (${runner}) summary in:\n${stdout}`)
  return stdout.slice(at)
}

beforeAll(() => linkSpecgate())

describe('the runner reporters\' summaries', () => {
  test('REPORT-010 the Vitest reporter colours its summary only when the rule says so', clause('REPORT-010', '8acd53d1b3c8'), async () => {
    const root = await copyFixture('vitest-accepted', LEG)
    const seen: boolean[] = []
    for (const [env] of CASES) {
      const run = await runVitest(LEG, root, ['run'], env)
      expect(run.code, run.output).toBe(0)
      const summary = summaryOf(run.stdout, 'vitest')
      expect(summary.replace(/\x1b\[\d+m/g, '')).toMatch(/clauses: \d+ accepted/)
      seen.push(ESC.test(summary))
    }
    expect(seen).toEqual(CASES.map(([, coloured]) => coloured))
  })

  test('REPORT-010 the Playwright reporter colours its summary only when the rule says so', clause('REPORT-010', '8acd53d1b3c8'), async () => {
    const dir = await copyApp('pw-colour', path.join(REPO, 'test/fixtures/pw-errors'))
    const seen: boolean[] = []
    for (const [env] of CASES) {
      const r = await playwright(['test'], dir, { SG_CASE: 'valid', ...env })
      expect(r.code, r.stdout + r.stderr).toBe(0)
      const summary = summaryOf(r.stdout, 'playwright')
      expect(summary.replace(/\x1b\[\d+m/g, '')).toMatch(/clauses?: \d+ accepted/)
      seen.push(ESC.test(summary))
    }
    expect(seen).toEqual(CASES.map(([, coloured]) => coloured))
  })
})
