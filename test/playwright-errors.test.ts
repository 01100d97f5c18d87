/**
 * The Playwright adapter's user-facing errors, each shown with its message, on a fixture that
 * needs no server (page.setContent); and the pure pieces it is built from.
 */
import path from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { clause } from 'specgate/vitest'
// imported under another name: `specgate status` reads any call of `clause` with two string
// literals as a test naming that clause, and the calls below are fixture values, not links to
// specgate's own SPEC
import { clause as playwrightClause } from '../reporters/playwright/clause.js'
import { apiMatcher, classifyBody } from '../reporters/playwright/classify-response.js'
import { REPO } from './helpers/cli.js'
import { copyApp, fragments, freePort, playwright } from './helpers/playwright-app.js'

let dir: string
const run = async (env: Record<string, string>) => playwright(['test'], dir, env)

beforeAll(async () => {
  dir = await copyApp('pw-errors', path.join(REPO, 'test/fixtures/pw-errors'))
})

describe('with the real Playwright', () => {
  test('a probe function and a valid config: accepted on the probe\'s counts', async () => {
    const r = await run({ SG_CASE: 'valid' })
    expect(r.stdout).toContain('accepted    PAGE-001')
    expect(r.code).toBe(0)
    expect(fragments(dir).length).toBeGreaterThan(0)
  })

  test('PW-015 an unknown key in the specgate config: one line naming the file and key path, run failed', clause('PW-015', '8593730ac522'), async () => {
    const r = await run({ SG_CASE: 'unknown-key' })
    expect(r.stderr).toContain('specgate: specgate.config.mjs: unknown key "e2e.probes"; did you mean "probe"?')
    expect(r.code).toBe(1)
  })

  test('PW-015 a ledger folder that cannot be made: one line naming the fragment, run failed', clause('PW-015', '8593730ac522'), async () => {
    const r = await run({ SG_CASE: 'unwritable-ledger' })
    expect(r.stderr).toMatch(/^specgate: playwright\.config\.ts\/ledger\/playwright-[\w-]+\.json: cannot write this ledger file: ENOTDIR: not a directory, mkdir '[^']+'$/m)
    expect(r.stderr).not.toMatch(/\n\s+at /)
    expect(r.code).toBe(1)
  })

  test('PW-017 an e2e.api pattern that is not a regular expression fails the test with the key path', clause('PW-017', 'f2ee20a88bae'), async () => {
    const r = await run({ SG_CASE: 'bad-api-pattern' })
    expect(r.stdout).toContain('specgate: specgate.config.mjs: e2e.api.0: /api\\/(/ is not a valid regular expression')
    expect(r.code).toBe(1)
  })

  test('PW-017 an empty-state selector that is not valid CSS fails the test, naming it', clause('PW-017', 'f2ee20a88bae'), async () => {
    const r = await run({ SG_CASE: 'bad-selector' })
    expect(r.stdout).toContain('specgate: config e2e.emptyState.selectors: ..empty-state is not a valid CSS selector')
    expect(r.code).toBe(1)
  })

  test('PW-016 a probe that does not answer fails the test with the URL', clause('PW-016', '72e8c52b5c4f'), async () => {
    const port = await freePort()
    const r = await run({ SG_CASE: 'probe-down', SG_DEAD_PORT: String(port) })
    expect(r.stdout).toContain(`specgate: config e2e.probe http://127.0.0.1:${port}/counts did not answer`)
    expect(r.code).toBe(1)
  })
})

describe('clause()', () => {
  test('carries id, hash, row and tags as Playwright test details; a skeleton is fixme', () => {
    expect(playwrightClause('KEYS-004', 'ffee00112233', { row: 2, skeleton: true, tags: ['@e2e', 'owner:core'] })).toEqual({
      tag: ['@e2e', '@owner:core', '@id:KEYS-004'],
      annotation: [
        { type: 'specgate:clause', description: 'KEYS-004' },
        { type: 'specgate:hash', description: 'ffee00112233' },
        { type: 'specgate:row', description: '2' },
        { type: 'fixme', description: 'specgate skeleton: not implemented: KEYS-004' },
      ],
    })
  })

  test('misuse is a TypeError that says what was expected', () => {
    expect(() => playwrightClause('KEYS-004', 'ffee00112233', { row: 0 })).toThrow("specgate: clause('KEYS-004', hash, { row }) needs row as a whole number >= 1, got 0")
    expect(() => playwrightClause(12 as unknown as string, 'x')).toThrow('specgate: clause(id, hash) needs the clause id as a string, got number')
  })
})

describe('what counts as a data-carrying API response', () => {
  test.each([
    [200, [{ id: 1 }], 'data'],
    [200, { items: [{ id: 1 }] }, 'data'],
    [200, { data: { rows: [1] } }, 'data'],
    [200, { total: 3 }, 'data'],
    [200, { page: { count: 2 } }, 'data'],
    [200, [], 'empty'],
    [200, { items: [] }, 'empty'],
    [200, { total: 0, items: [] }, 'empty'],
    [204, null, 'empty'],
    [200, { ok: true }, 'neither'],
    [200, 'text', 'neither'],
  ] as const)('HTTP %i %j is %s', (status, body, kind) => {
    expect(classifyBody(status, body)).toBe(kind)
  })

  test('e2e.api patterns: substrings and /regular expressions/', () => {
    const match = apiMatcher(['/graphql', '/\\/api\\/v\\d+\\//'], 'specgate.config.json')!
    expect(['https://x/graphql', 'https://x/api/v2/orders', 'https://x/static/app.js'].map(match)).toEqual([true, true, false])
    expect(apiMatcher([], 'specgate.config.json')).toBeUndefined()
  })
})
