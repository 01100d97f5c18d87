/** Conformance on the public Gherkin corpus: one case per reference pickle, every bad file located. */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadSpec } from '../src/index.js'
import { CORPUS } from './helpers/cli.js'

const present = fs.existsSync(CORPUS)
if (!present && process.env.CI) throw new Error(`the Gherkin corpus is missing at ${CORPUS}; CI must have ../shared`)
if (!present) console.warn(`skipping corpus conformance: ${CORPUS} not found (run beside ../shared to include it)`)

describe.runIf(present)('Gherkin conformance corpus', () => {
  it('loads every good/ source with exactly as many cases as the reference pickles', async () => {
    const spec = await loadSpec({ root: CORPUS, paths: ['good'] })
    expect(spec.files.length).toBeGreaterThanOrEqual(55)
    for (const f of spec.files) {
      const pickles = fs.readFileSync(`${f.absPath}.pickles.ndjson`, 'utf8').split('\n').filter(Boolean)
      const cases = (f.feature?.clauses ?? []).flatMap((c) => c.cases)
      expect({ file: f.file, errors: f.errors, cases: cases.length }).toEqual({ file: f.file, errors: [], cases: pickles.length })
    }
  })

  it('reports every bad/ source as located errors at the reference parser positions', async () => {
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
