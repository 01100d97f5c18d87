/** Conformance on the public Gherkin corpus: one case per reference pickle, every bad file located. */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { clause } from 'specgate/vitest'
import { loadSpec } from '../src/index.js'
import { CORPUS, specgate } from './helpers/cli.js'

const present = fs.existsSync(CORPUS)
if (!present && process.env.CI) throw new Error(`the Gherkin corpus is missing at ${CORPUS}; CI must have ../shared`)
if (!present) console.warn(`skipping corpus conformance: ${CORPUS} not found (run beside ../shared to include it)`)

describe.runIf(present)('Gherkin conformance corpus', () => {
  it('MODEL-001 loads every good/ source with exactly as many cases as the reference pickles', clause('MODEL-001', '32ee2ad4da57'), async () => {
    const spec = await loadSpec({ root: CORPUS, paths: ['good'] })
    expect(spec.files.length).toBeGreaterThanOrEqual(55)
    for (const f of spec.files) {
      const pickles = fs.readFileSync(`${f.absPath}.pickles.ndjson`, 'utf8').split('\n').filter(Boolean)
      const cases = (f.feature?.clauses ?? []).flatMap((c) => c.cases)
      expect({ file: f.file, errors: f.errors, cases: cases.length }).toEqual({ file: f.file, errors: [], cases: pickles.length })
    }
  })

  it('MODEL-002 reports every bad/ source as located errors at the reference parser positions', clause('MODEL-002', '0c723e2ba96e'), async () => {
    const spec = await loadSpec({ root: CORPUS, paths: ['bad'] })
    expect(spec.files.length).toBeGreaterThanOrEqual(12)
    for (const f of spec.files) {
      const expected = fs.readFileSync(`${f.absPath}.errors.ndjson`, 'utf8').split('\n').filter(Boolean)
        .map((l) => JSON.parse(l) as { parseError: { source: { location: { line: number; column?: number } } } })
        .map((e) => e.parseError.source.location)
      const got = f.errors.map((e) => ({ line: e.line, column: e.column }))
      expect(got.length, f.file).toBeGreaterThan(0)
      expect(got.map((g) => g.line), f.file).toEqual(expected.map((e) => e.line))
      for (const e of f.errors) expect(e.file).toBe(path.posix.join('bad', path.basename(f.absPath)))
    }
  })
})

describe.runIf(present)('Gherkin conformance corpus through `specgate lint`', () => {
  interface Finding { rule: string; file: string; line: number; column: number; message: string }

  it('LINT-007 reports every bad/ source as file:line:col findings, exits 1, and still lints the other files', clause('LINT-007', '8d31623db2eb'), () => {
    const r = specgate(['lint', '--format', 'json', 'bad', 'good/minimal.feature'], CORPUS)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(1)
    const findings = (JSON.parse(r.stdout) as { findings: Finding[] }).findings
    const bad = fs.readdirSync(path.join(CORPUS, 'bad')).filter((f) => /\.feature(\.md)?$/.test(f))
    expect(bad.length).toBeGreaterThanOrEqual(12)
    for (const name of bad) {
      const expected = fs.readFileSync(path.join(CORPUS, 'bad', `${name}.errors.ndjson`), 'utf8').split('\n').filter(Boolean)
        .map((l) => (JSON.parse(l) as { parseError: { source: { location: { line: number; column?: number } } } }).parseError.source.location)
      const got = findings.filter((f) => f.file === `bad/${name}` && f.rule === 'parse-error')
      expect(got.map((f) => f.line), name).toEqual(expected.map((e) => e.line))
      for (const f of got) expect(f.column).toBeGreaterThan(0)
    }
    // the good file beside them is linted all the same (it has no acceptance tags)
    expect(findings.filter((f) => f.file === 'good/minimal.feature').map((f) => f.rule)).toEqual(expect.arrayContaining(['missing-id', 'missing-level']))
  })

  it('prints each bad/ finding as file, then line:col, in the pretty format', () => {
    const r = specgate(['lint', 'bad/multiple_parser_errors.feature'], CORPUS)
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/^bad\/multiple_parser_errors\.feature\n {2}\d+:\d+ +error +expected: .+ parse-error$/m)
    expect(r.stderr).toBe('')
  })
})
