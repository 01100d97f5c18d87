/**
 * Fixture projects for `specgate check` tests: a copy of test/fixtures/check-*, and ledger
 * fragments built from the real schema and the clause hashes of the copied SPEC.
 */
import fs from 'node:fs'
import path from 'node:path'
import { loadSpec } from '../../src/spec/load-spec.js'
import type { Spec } from '../../src/spec/model.js'
import { ledgerSchema, type EvidenceInput, type Ledger } from '../../src/ledger/schema.js'
import { specRevision } from '../../src/ledger/source.js'
import type { Runner } from '../../src/config/schema.js'
import { REPO, scratch } from './cli.js'

export interface FixtureProject {
  root: string
  spec: Spec
}

export async function fixtureProject(fixture: string, name = fixture): Promise<FixtureProject> {
  const root = scratch(name)
  fs.cpSync(path.join(REPO, 'test/fixtures', fixture), root, { recursive: true })
  return { root, spec: await loadSpec({ root }) }
}

/** Evidence of a passing, honest test for one case of a clause (steps and hash as the SPEC says). */
export function passed(spec: Spec, caseKey: string, over: Partial<EvidenceInput> = {}): EvidenceInput {
  const id = caseKey.replace(/\[\d+\]$/, '')
  const clause = spec.byId.get(id)
  const c = clause?.cases.find((k) => k.key === caseKey)
  const steps = (clause?.steps ?? []).map((s) => ({ keyword: s.keyword, text: interpolate(s.text, c?.values), status: 'passed' as const }))
  const runner: Runner = clause?.levels.includes('e2e') ? 'playwright' : 'vitest'
  return {
    runner,
    source: 'set-by-fragment',
    clauseId: id,
    caseKey,
    clauseHash: clause?.hash,
    test: { file: runner === 'vitest' ? 'test/spec/keys.test.ts' : 'e2e/keys.spec.ts', line: 10, title: `${caseKey} ${clause?.name ?? ''}` },
    status: 'passed',
    durationMs: 5,
    assertions: 2,
    steps,
    ...(runner === 'playwright' ? { data: { observed: [{ entity: 'keys', count: 3 }], emptyMarkers: [] } } : {}),
    ...over,
  }
}

function interpolate(text: string, values: Record<string, string> | undefined): string {
  return values ? text.replace(/<([^<>]+)>/g, (w, n: string) => values[n] ?? w) : text
}

export interface FragmentOptions {
  runner: Runner
  id: string
  createdAt?: string
  commit?: string
  spec?: Spec
  shard?: { index: number; total: number }
  label?: string
}

export function fragment(o: FragmentOptions, evidence: EvidenceInput[]): Ledger {
  return ledgerSchema.parse({
    schemaVersion: 1,
    kind: 'specgate-ledger',
    sources: [{
      id: o.id, runner: o.runner, label: o.label ?? '', createdAt: o.createdAt ?? '2026-01-10T10:00:00.000Z',
      commit: o.commit, specRevision: o.spec ? specRevision(o.spec) : undefined, shard: o.shard, partial: Boolean(o.shard),
    }],
    evidence: evidence.map((e) => ({ ...e, source: o.id })),
    errors: [],
  })
}

export function writeFragment(root: string, name: string, ledger: Ledger | string): string {
  const file = path.join(root, '.specgate/ledger', name)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, typeof ledger === 'string' ? ledger : `${JSON.stringify(ledger, null, 2)}\n`)
  return file
}
