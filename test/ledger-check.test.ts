/**
 * The check of every ledger specgate reads (src/ledger/check-ledger.ts): ajv's code generated from
 * the published schema, which must accept the same ledgers as zod, the schema's source, and give
 * the same records, so fragments changed at random from
 * valid ones are read by both; end to end, a refused fragment is one line naming the file and the
 * key path, and the other fragments still count.
 */
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { clause } from 'specgate/vitest'
import { checkLedger } from '../src/ledger/check-ledger.js'
import { RUNNERS } from '../src/config/schema.js'
import { ledgerSchema, STEP_STATUSES, TEST_STATUSES } from '../src/ledger/schema.js'
import { sortedItem } from '../src/ledger/sorted-json.js'
import { REPO, specgate } from './helpers/cli.js'
import { heldToZod } from './helpers/json-changes.js'
import { fixtureProject, fragment, passed, writeFragment } from './helpers/check-fixture.js'

const text = fc.string({ maxLength: 6 })
const count = fc.oneof(fc.nat(), fc.integer({ min: -3, max: -1 }))

const stepArb = fc.record(
  { keyword: fc.constantFrom('Given', 'And'), text, status: fc.constantFrom(...STEP_STATUSES), durationMs: fc.double({ min: 0, max: 1e6, noNaN: true }), error: text },
  { requiredKeys: ['keyword', 'text', 'status'] },
)

const dataArb = fc.record({
  probe: fc.dictionary(text, fc.integer()),
  observed: fc.array(fc.record({ entity: text, count, source: text }, { requiredKeys: ['entity', 'count'] }), { maxLength: 2 }),
  responses: fc.record({ withData: fc.nat(), empty: fc.nat() }),
  emptyMarkers: fc.array(fc.record({ marker: text, at: fc.constantFrom('then', 'end'), step: text }, { requiredKeys: ['marker', 'at'] }), { maxLength: 2 }),
}, { requiredKeys: [] })

/** Every field of a record, the optional and defaulted ones present or not. */
const recordArb = fc.record({
  runner: fc.constantFrom(...RUNNERS), source: text, clauseId: text, caseKey: text, clauseHash: text,
  test: fc.record({ file: text, line: fc.integer(), column: fc.integer(), title: text, project: text }, { requiredKeys: ['file', 'title'] }),
  status: fc.constantFrom(...TEST_STATUSES), detail: text, skeleton: fc.boolean(),
  durationMs: fc.oneof(fc.nat(), fc.double({ min: 0, max: 1e6, noNaN: true })), retries: fc.nat(), flaky: fc.boolean(),
  failure: fc.record({ message: text, step: text }, { requiredKeys: ['message'] }),
  assertions: fc.option(fc.nat(), { nil: null }),
  steps: fc.option(fc.array(stepArb, { maxLength: 3 }), { nil: null }),
  data: dataArb,
  attachments: fc.array(fc.record({ name: text, contentType: text, path: text }, { requiredKeys: ['name', 'contentType'] }), { maxLength: 2 }),
}, { requiredKeys: ['runner', 'source', 'clauseId', 'caseKey', 'test', 'status', 'durationMs', 'assertions', 'steps'] })

const sourceArb = fc.record({
  id: text, runner: fc.constantFrom(...RUNNERS), label: text, createdAt: text, commit: text, specRevision: text,
  shard: fc.record({ index: fc.integer({ min: 1, max: 4 }), total: fc.integer({ min: 1, max: 4 }) }), partial: fc.boolean(), rejected: text,
}, { requiredKeys: ['id', 'runner', 'createdAt'] })

const ledgerArb = fc.record({
  $schema: text, schemaVersion: fc.constant(1), kind: fc.constant('specgate-ledger'),
  sources: fc.array(sourceArb, { maxLength: 2 }), evidence: fc.array(recordArb, { maxLength: 3 }),
  errors: fc.array(fc.record({ source: text, message: text }), { maxLength: 2 }),
}, { requiredKeys: ['schemaVersion', 'kind', 'sources', 'evidence'] })

/** A key path as problems spell it: plain keys joined by dots, any other key as `["..."]`. */
const PATH = /^(?:[\w$-]+|\["(?:[^"\\]|\\.)*"\])(?:\.[\w$-]+|\["(?:[^"\\]|\\.)*"\])*/

function expectProblemAt(json: unknown, problem: string): void {
  if (problem.startsWith('(top level): ')) return
  const path = PATH.exec(problem)?.[0]
  expect(path !== undefined && /^: [^\n]+$/.test(problem.slice(path.length)), `${problem}: not "key path: what is wrong"`).toBe(true)
  let at = json
  for (const [, plain, quoted] of path!.matchAll(/([\w$-]+)|\[("(?:[^"\\]|\\.)*")\]/g)) {
    const key = plain ?? (JSON.parse(quoted!) as string)
    expect(typeof at === 'object' && at !== null && Object.hasOwn(at, key), `${problem}: no "${key}" there`).toBe(true)
    at = (at as Record<string, unknown>)[key]
  }
}

describe('the ledger check', () => {
  test('CHECK-017 A fragment that breaks the ledger schema is refused with its first problem: the generated check and zod agree', clause('CHECK-017', '16c29e84a4d5'), () => {
    const stricter = heldToZod(ledgerArb, ledgerSchema, (text, byZod) => {
      // what the generated check lets through, zod accepts; what it refuses, zod refuses too (but
      // for a "__proto__" key in a record of counts, which zod leaves out of its copy)
      const checked = checkLedger(JSON.parse(text))
      if (checked.success && byZod.success) expect(sortedItem(checked.data)).toBe(sortedItem(byZod.data))
      // a refusal is one line: a key path that leads to a value in the ledger, then what is wrong there
      if (!checked.success) expectProblemAt(JSON.parse(text), checked.problem)
      return checked.success
    })
    for (const t of stricter) {
      const probes = (JSON.parse(t) as { evidence: { data?: { probe?: object } }[] }).evidence.map((e) => e.data?.probe ?? {})
      expect(probes.some((p) => Object.hasOwn(p, '__proto__'))).toBe(true)
    }
  })

  test('fills in the defaults zod fills in, in place', () => {
    const raw = { schemaVersion: 1, kind: 'specgate-ledger', sources: [{ id: 's', runner: 'vitest', createdAt: 'now' }], evidence: [{
      runner: 'vitest', source: 's', clauseId: 'A-1', caseKey: 'A-1', test: { file: 'a.ts', title: 'A-1' }, status: 'passed', durationMs: 1, assertions: 1, steps: null, data: {},
    }] }
    const checked = checkLedger(raw)
    expect(checked.success && checked.data).toBe(raw)
    expect(raw).toEqual(ledgerSchema.parse(structuredClone(raw)))
    expect(raw.evidence[0]).toMatchObject({ skeleton: false, retries: 0, flaky: false, attachments: [], data: { observed: [], emptyMarkers: [] } })
  })

  test('is the code generated from specs/ledger.schema.json (run `npm run schemas` after changing the schema)', async () => {
    const generator = path.join(REPO, 'scripts/validator-code.mjs')
    const { ledgerValidatorCode, VALIDATORS_FILE } = (await import(generator)) as { ledgerValidatorCode: (schema: object) => string; VALIDATORS_FILE: string }
    const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'specs/ledger.schema.json'), 'utf8')) as object
    expect(fs.readFileSync(path.join(REPO, VALIDATORS_FILE), 'utf8')).toBe(ledgerValidatorCode(schema))
  })
})

describe('a fragment the schema refuses, end to end', () => {
  test('CHECK-017 A fragment that breaks the ledger schema is one line naming the file and the key path; the others count', clause('CHECK-017', '16c29e84a4d5'), async () => {
    const p = await fixtureProject('check-basic', 'check-schema-broken')
    const { root, spec } = p
    writeFragment(root, 'good.json', fragment({ runner: 'vitest', id: 'vitest-1', spec }, [passed(spec, 'KEYS-001'), passed(spec, 'KEYS-002')]))
    const broken = fragment({ runner: 'vitest', id: 'vitest-2', spec }, [passed(spec, 'KEYS-005'), passed(spec, 'KEYS-006')])
    writeFragment(root, 'zz-broken.json', JSON.stringify(broken).replace('"status":"passed","steps"', '"status":"green","steps"').replace(/"durationMs":5/, '"durationMs":-5'))
    const r = specgate(['check', '--today', '2026-01-15'], root)
    expect(r.stderr).toMatch(/^specgate: \.specgate\/ledger\/zz-broken\.json: not a specgate ledger: evidence\.0\.durationMs: [^\n]+\n$/)
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/FAIL {2}fragments-readable \(1\)/)
    expect(r.stdout).toContain('8 clauses: 2 accepted')
  })
})
