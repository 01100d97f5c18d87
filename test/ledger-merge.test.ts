/**
 * Property tests of the ledger merge: deterministic, commutative, associative, idempotent, and
 * independent of the order shards arrive in. Random fragments come from fast-check; every merged
 * ledger must also still be a valid ledger.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { evidenceText, ledgerText, readLedger, writeLedger } from '../src/ledger/fragment-io.js'
import { mergeFragments, mergeLedgers } from '../src/ledger/merge.js'
import { sortedItem } from '../src/ledger/sorted-json.js'
import { ledgerSchema, type Evidence, type Ledger, type LedgerSource } from '../src/ledger/schema.js'

const runner = fc.constantFrom('vitest', 'playwright', 'cucumber' as const)
const clauseId = fc.constantFrom('KEYS-001', 'KEYS-002', 'BILL-001')
const stamp = fc.integer({ min: 0, max: 5 }).map((n) => new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString())

const sourceArb: fc.Arbitrary<LedgerSource> = fc.record({
  id: fc.stringMatching(/^[a-f0-9]{4}$/),
  runner,
  label: fc.constantFrom('', 'unit'),
  createdAt: stamp,
  shard: fc.option(fc.constantFrom({ index: 1, total: 3 }, { index: 2, total: 3 }, { index: 3, total: 3 }), { nil: undefined }),
  partial: fc.boolean(),
}).map((s) => ({ ...s, id: `${s.runner}-${s.id}`, shard: s.shard }))

function evidenceArb(source: LedgerSource): fc.Arbitrary<Evidence> {
  return fc.record({
    clauseId,
    row: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
    file: fc.constantFrom('test/a.test.ts', 'test/b.test.ts'),
    status: fc.constantFrom('passed', 'failed', 'skipped' as const),
    assertions: fc.option(fc.nat(3), { nil: null }),
    durationMs: fc.nat(100),
  }).map((r) => ({
    runner: source.runner,
    source: source.id,
    clauseId: r.clauseId,
    caseKey: r.row ? `${r.clauseId}[${r.row}]` : r.clauseId,
    clauseHash: 'abcdef012345',
    test: { file: r.file, title: `${r.clauseId} title` },
    status: r.status,
    skeleton: false,
    durationMs: r.durationMs,
    retries: 0,
    flaky: false,
    assertions: r.assertions,
    steps: null,
    attachments: [],
  }))
}

const fragmentArb: fc.Arbitrary<Ledger> = sourceArb.chain((source) =>
  fc.record({
    evidence: fc.array(evidenceArb(source), { maxLength: 5 }),
    errors: fc.array(fc.constantFrom('worker died', 'interrupted'), { maxLength: 1 }),
  }).map(({ evidence, errors }) => ({
    schemaVersion: 1 as const,
    kind: 'specgate-ledger' as const,
    sources: [source],
    evidence,
    errors: errors.map((message) => ({ source: source.id, message })),
  })),
)

/**
 * Re-runs of one runner and label: complete runs, filtered runs and shard attempts of the same few
 * tests, so every rule of supersede.ts and merge.ts meets every other, in any order.
 */
const rerunSourceArb: fc.Arbitrary<LedgerSource> = fc.record({
  id: fc.stringMatching(/^[a-f0-9]{4}$/),
  createdAt: stamp,
  kind: fc.constantFrom('complete', 'filtered', 'shard 1/2', 'shard 2/2'),
}).map(({ id, createdAt, kind }) => ({
  id: `vitest-${id}`, runner: 'vitest', label: '', createdAt, partial: kind !== 'complete',
  shard: kind.startsWith('shard') ? { index: Number(kind[6]), total: 2 } : undefined,
}))
const rerunArb: fc.Arbitrary<Ledger> = rerunSourceArb.chain((source) =>
  fc.array(evidenceArb(source).map((e) => ({ ...e, caseKey: e.clauseId, test: { file: 'test/a.test.ts', title: `${e.clauseId} title` } })), { maxLength: 4 })
    .map((evidence): Ledger => ({ schemaVersion: 1, kind: 'specgate-ledger', sources: [source], evidence, errors: [] })))

/** Source ids are unique per fragment (a uuid in real runs): draw fragments from a pool of distinct ones, repeats allowed. */
const poolOf = (arb: fc.Arbitrary<Ledger>) => fc.uniqueArray(arb, { selector: (f) => f.sources[0]!.id, minLength: 1, maxLength: 8 })
const fromPool = (p: Ledger[]) => fc.array(fc.constantFrom(...p), { maxLength: 6 })
const pools = [['any fragments', poolOf(fragmentArb)], ['re-runs of one runner and label', poolOf(rerunArb)]] as const
const same = (a: Ledger, b: Ledger) => expect(sortedItem(a)).toBe(sortedItem(b))

describe.each(pools)('mergeLedgers on %s', (_, pool) => {
  const fragments = pool.chain(fromPool)
  const threeFrom = pool.chain((p) => fc.tuple(fromPool(p), fromPool(p), fromPool(p)))

  test('is deterministic and yields a valid ledger', () => {
    fc.assert(fc.property(fragments, (ls) => {
      const merged = mergeLedgers(ls)
      same(merged, mergeLedgers(structuredClone(ls)))
      expect(ledgerSchema.safeParse(merged).success).toBe(true)
    }))
  })

  test('is commutative: any order of fragments gives the same ledger', () => {
    fc.assert(fc.property(fragments.chain((ls) => fc.tuple(fc.constant(ls), fc.shuffledSubarray(ls, { minLength: ls.length }))), ([ls, shuffled]) => {
      same(mergeLedgers(ls), mergeLedgers(shuffled))
    }))
  })

  test('is associative: merging merged ledgers is merging their fragments', () => {
    fc.assert(fc.property(threeFrom, ([a, b, c]) => {
      const left = mergeLedgers([mergeLedgers([...a, ...b]), ...c])
      const right = mergeLedgers([...a, mergeLedgers([...b, ...c])])
      same(left, right)
      same(left, mergeLedgers([...a, ...b, ...c]))
    }))
  })

  test('is idempotent: a ledger merged with itself, or again, does not change', () => {
    fc.assert(fc.property(fragments, (ls) => {
      const merged = mergeLedgers(ls)
      same(mergeLedgers([merged]), merged)
      same(mergeLedgers([merged, merged]), merged)
      same(mergeLedgers([...ls, ...ls]), merged)
    }))
  })

  test('keeps exactly the records the re-run rules leave, and names what it superseded', () => {
    fc.assert(fc.property(fragments, (ls) => {
      const { ledger, superseded } = mergeFragments(ls)
      const expected = byTheRules(ls)
      expect(ledger.sources.map((s) => s.id)).toEqual(expected.live)
      expect(new Set(ledger.evidence.map((e) => sortedItem(e)))).toEqual(expected.evidence)
      expect(ledger.evidence).toHaveLength(expected.evidence.size)
      expect(superseded.map(({ source, by, records }) => `${source.id} by ${by.id}: ${records ?? 'all'}`)).toEqual(expected.superseded)
    }))
  })

  test('names the same superseded fragments whatever order the fragments come in', () => {
    fc.assert(fc.property(fragments.chain((ls) => fc.tuple(fc.constant(ls), fc.shuffledSubarray(ls, { minLength: ls.length }))), ([ls, shuffled]) => {
      expect(mergeFragments(shuffled).superseded).toEqual(mergeFragments(ls).superseded)
    }))
  })
})

/**
 * The re-run rules, written out one by one on every pair (the merge does it without pairs): the
 * live sources' ids, the texts of the records that count, and `<source> by <source>: <records>`.
 */
function byTheRules(ledgers: readonly Ledger[]): { live: string[]; evidence: Set<string>; superseded: string[] } {
  const sources = [...new Map(ledgers.flatMap((l) => l.sources).map((s) => [s.id, s])).values()]
  const newer = (a: LedgerSource, b: LedgerSource) => a.createdAt > b.createdAt || (a.createdAt === b.createdAt && sortedItem(a) > sortedItem(b))
  const group = (a: LedgerSource, b: LedgerSource) => a.runner === b.runner && a.label === b.label
  const shardOf = (s: LedgerSource) => (s.shard ? `${s.shard.index}/${s.shard.total}` : undefined)
  const supersedes = (t: LedgerSource, s: LedgerSource) => group(t, s) && newer(t, s) && ((!t.partial && !t.shard) || (shardOf(t) !== undefined && shardOf(t) === shardOf(s)))
  const superseders = (s: LedgerSource) => sources.filter((t) => supersedes(t, s)).sort((a, b) => (newer(a, b) ? -1 : 1))
  const live = sources.filter((s) => superseders(s).length === 0)
  const sourceOf = (e: Evidence) => live.find((s) => s.id === e.source)
  const identity = (e: Evidence) => JSON.stringify([e.clauseId, e.caseKey, e.runner, e.test.project ?? '', e.test.file, e.test.title])
  const records = [...new Map(ledgers.flatMap((l) => l.evidence).filter(sourceOf).map((e) => [sortedItem(e), e])).values()]
  const replacedBy = (e: Evidence): LedgerSource | undefined => {
    const s = sourceOf(e)!
    const newerOfSameTest = records.filter((o) => identity(o) === identity(e)).map((o) => sourceOf(o)!).filter((o) => group(o, s) && o.partial && !o.shard && newer(o, s))
    return newerOfSameTest.sort((a, b) => (newer(a, b) ? -1 : 1))[0]
  }
  const newestOfItsSource = (e: Evidence) => !records.some((o) => o.source === e.source && identity(o) === identity(e) && sortedItem(o) > sortedItem(e))
  const kept = records.filter((e) => newestOfItsSource(e) && !replacedBy(e))
  const counts = new Map<string, number>()
  for (const e of records.filter(newestOfItsSource)) {
    const by = replacedBy(e)
    if (by) counts.set(`${e.source} by ${by.id}`, (counts.get(`${e.source} by ${by.id}`) ?? 0) + 1)
  }
  const whole = sources.filter((s) => superseders(s).length > 0).map((s) => `${s.id} by ${superseders(s)[0]!.id}: all`)
  const parts = [...counts].map(([k, n]) => `${k}: ${n}`)
  return {
    live: live.map((s) => s.id).sort(),
    evidence: new Set(kept.map((e) => sortedItem(e))),
    superseded: [...whole, ...parts].sort(),
  }
}

describe('mergeLedgers', () => {
  test('is independent of the order shards arrive in, and keeps every shard\'s evidence', () => {
    const shardRun = fc.tuple(fc.constantFrom('vitest', 'playwright' as const), stamp).chain(([r, at]) =>
      fc.tuple(...[1, 2, 3].map((index) => {
        const source: LedgerSource = { id: `${r}-${index}of3`, runner: r, label: '', createdAt: at, shard: { index, total: 3 }, partial: true }
        return fc.array(evidenceArb(source), { maxLength: 4 }).map((evidence): Ledger => ({
          schemaVersion: 1, kind: 'specgate-ledger', sources: [source], evidence, errors: [],
        }))
      })))
    fc.assert(fc.property(shardRun.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: 3 }))), ([shards, arrived]) => {
      const merged = mergeLedgers(arrived)
      same(merged, mergeLedgers(shards))
      expect(merged.sources.map((s) => s.shard?.index).sort()).toEqual([1, 2, 3])
      const keys = new Set(shards.flatMap((s) => s.evidence.map((e) => `${e.test.file}|${e.caseKey}`)))
      expect(new Set(merged.evidence.map((e) => `${e.test.file}|${e.caseKey}`))).toEqual(keys)
    }))
  })

  test('a re-run of the same slot supersedes the older fragment', () => {
    const old: LedgerSource = { id: 'vitest-old', runner: 'vitest', label: '', createdAt: '2026-01-01T00:00:00.000Z', partial: false }
    const fresh: LedgerSource = { ...old, id: 'vitest-new', createdAt: '2026-01-02T00:00:00.000Z' }
    const ledger = (s: LedgerSource, status: Evidence['status']): Ledger => ({
      schemaVersion: 1, kind: 'specgate-ledger', sources: [s], errors: [],
      evidence: [{ runner: 'vitest', source: s.id, clauseId: 'KEYS-001', caseKey: 'KEYS-001', test: { file: 't.ts', title: 'x' }, status, skeleton: false, durationMs: 1, retries: 0, flaky: false, assertions: 1, steps: null, attachments: [] }],
    })
    const merged = mergeLedgers([ledger(fresh, 'passed'), ledger(old, 'failed')])
    expect(merged.sources.map((s) => s.id)).toEqual(['vitest-new'])
    expect(merged.evidence.map((e) => e.status)).toEqual(['passed'])
  })

  describe('re-runs of one runner and label', () => {
    const at = (hour: number) => `2026-01-01T${String(hour).padStart(2, '0')}:00:00.000Z`
    const run = (id: string, hour: number, over: Partial<LedgerSource>, tests: [string, Evidence['status']][]): Ledger => ({
      schemaVersion: 1, kind: 'specgate-ledger', errors: [],
      sources: [{ id, runner: 'vitest', label: '', createdAt: at(hour), partial: false, ...over }],
      evidence: tests.map(([file, status]) => ({ runner: 'vitest', source: id, clauseId: `C-${file}`, caseKey: `C-${file}`, test: { file: `${file}.test.ts`, title: file }, status, skeleton: false, durationMs: 1, retries: 0, flaky: false, assertions: 1, steps: null, attachments: [] })),
    })
    const statuses = (l: Ledger) => Object.fromEntries(l.evidence.map((e) => [e.test.title, `${e.status} (${e.source})`]))

    test('a filtered re-run replaces only the tests it ran: the full run\'s other tests stay', () => {
      const full = run('full', 1, {}, [['a', 'failed'], ['b', 'passed'], ['c', 'passed']])
      const one = run('one', 2, { partial: true }, [['a', 'passed']])
      const { ledger, superseded } = mergeFragments([one, full])
      expect(statuses(ledger)).toEqual({ a: 'passed (one)', b: 'passed (full)', c: 'passed (full)' })
      expect(superseded).toEqual([{ source: full.sources[0], by: one.sources[0], records: 1 }])
    })

    test('a later complete run supersedes every older shard; a later shard attempt only its own shard', () => {
      const s1 = run('s1', 1, { partial: true, shard: { index: 1, total: 2 } }, [['a', 'failed']])
      const s2 = run('s2', 1, { partial: true, shard: { index: 2, total: 2 } }, [['b', 'failed']])
      const s2again = run('s2-again', 2, { partial: true, shard: { index: 2, total: 2 } }, [['b', 'passed']])
      expect(statuses(mergeLedgers([s1, s2, s2again]))).toEqual({ a: 'failed (s1)', b: 'passed (s2-again)' })
      const all = run('all', 3, {}, [['a', 'passed'], ['b', 'passed']])
      const { ledger, superseded } = mergeFragments([s1, s2, s2again, all])
      expect(statuses(ledger)).toEqual({ a: 'passed (all)', b: 'passed (all)' })
      expect(superseded.map((x) => `${x.source.id} by ${x.by.id}${x.records ? `: ${x.records}` : ''}`)).toEqual(['s1 by all', 's2 by all', 's2-again by all'])
    })

    test('another label, or an older complete run than a shard, still counts beside it', () => {
      const unit = run('unit', 1, { label: 'unit' }, [['a', 'failed']])
      const full = run('full', 1, {}, [['a', 'failed']])
      const shard = run('shard', 2, { partial: true, shard: { index: 1, total: 2 } }, [['a', 'passed']])
      const merged = mergeFragments([unit, full, shard])
      expect(merged.ledger.evidence.map((e) => `${e.source} ${e.status}`)).toEqual(['full failed', 'shard passed', 'unit failed'])
      expect(merged.superseded).toEqual([])
    })
  })
})

describe('a test\'s identity', () => {
  const source: LedgerSource = { id: 'vitest-1', runner: 'vitest', label: '', createdAt: '2026-01-01T00:00:00.000Z', partial: false }
  const base: Evidence = {
    runner: 'vitest', source: 'vitest-1', clauseId: 'KEYS-002', caseKey: 'KEYS-002[1]', clauseHash: 'abcdef012345',
    test: { file: 'test/keys.test.ts', title: 'KEYS-002 row 1' }, status: 'passed', skeleton: false,
    durationMs: 1, retries: 0, flaky: false, assertions: 1, steps: null, attachments: [],
  }
  const merged = (evidence: Evidence[]) => mergeLedgers([{ schemaVersion: 1, kind: 'specgate-ledger', sources: [source], evidence, errors: [] }]).evidence

  // what tells two results of one source apart: each of these alone makes another test
  test.each([
    ['title', { test: { ...base.test, title: 'KEYS-002 row 1, again' } }],
    ['file', { test: { ...base.test, file: 'test/keys-2.test.ts' } }],
    ['project', { test: { ...base.test, project: 'firefox' } }],
    ['runner', { runner: 'playwright' as const }],
    ['case', { caseKey: 'KEYS-002[2]' }],
    ['clause', { clauseId: 'KEYS-003', caseKey: 'KEYS-003[1]' }],
  ])('two results that differ only in their %s are both kept', (_, other) => {
    expect(merged([base, { ...base, ...other }])).toHaveLength(2)
    expect(merged([{ ...base, ...other }, base])).toHaveLength(2)
  })

  test('the same test twice in one source is one result, the same whichever comes first', () => {
    const failed: Evidence = { ...base, status: 'failed', durationMs: 7 }
    expect(merged([base, failed])).toEqual(merged([failed, base]))
    expect(merged([base, failed])).toHaveLength(1)
  })
})

describe('a superseded source takes only its own records with it', () => {
  const source = (id: string, createdAt: string, over: Partial<LedgerSource> = {}): LedgerSource =>
    ({ id, runner: 'cucumber', label: '', createdAt, partial: false, ...over })
  const record = (src: string): Evidence => ({
    runner: 'cucumber', source: src, clauseId: 'KEYS-002', caseKey: 'KEYS-002[1]', clauseHash: 'abcdef012345',
    test: { file: 'features/keys.feature', title: 'KEYS-002 row 1' }, status: 'passed', skeleton: false,
    durationMs: 1, retries: 0, flaky: false, assertions: null, steps: null, attachments: [],
  })
  const ledgerOf = (s: LedgerSource, evidence: Evidence[]): Ledger =>
    ({ schemaVersion: 1, kind: 'specgate-ledger', sources: [s], evidence, errors: [] })

  // Found by the associativity property (seed 401224110): a shard's record was deduplicated
  // against a newer record of another slot, and lost when that slot was superseded in turn.
  test('the same test reported by a shard and by a re-run slot survives any merge order', () => {
    const shard = ledgerOf(source('cucumber-80ff', '2026-01-01T00:00:01Z', { shard: { index: 3, total: 3 } }), [record('cucumber-80ff')])
    const first = ledgerOf(source('cucumber-4ab7', '2026-01-01T00:00:02Z', { label: 'unit' }), [record('cucumber-4ab7')])
    const rerun = ledgerOf(source('cucumber-b39c', '2026-01-01T00:00:03Z', { label: 'unit' }), [])
    const left = mergeLedgers([mergeLedgers([shard, first]), rerun])
    const right = mergeLedgers([shard, mergeLedgers([first, rerun])])
    expect(sortedItem(left)).toBe(sortedItem(right))
    expect(left.evidence.map((e) => e.source)).toEqual(['cucumber-80ff'])
  })
})

describe('a ledger as written', () => {
  // the Vitest reporter turns each test file's records into text while later files run; the
  // fragment must be the bytes the whole ledger gives, whichever records were made ahead
  const tricky = fc.constantFrom('worker died', '\n  "evidence": []', 'a $& and $\' and $` in a message', '"quoted"\n\tline')
  const withTricky = fragmentArb.chain((l) => fc.tuple(fc.array(tricky, { maxLength: 2 }), fc.array(fc.string(), { minLength: l.evidence.length, maxLength: l.evidence.length })).map(([messages, titles]): Ledger => ({
    ...l,
    errors: messages.map((message) => ({ source: l.sources[0]!.id, message })),
    evidence: l.evidence.map((e, i) => ({ ...e, test: { ...e.test, title: titles[i]! } })),
  })))
  test('is the same text whichever records were made ahead', () => {
    fc.assert(fc.property(withTricky, fc.array(fc.boolean()), (ledger, ahead) => {
      const texts = new Map(ledger.evidence.filter((_, i) => ahead[i]).map((e) => [e, evidenceText(e)]))
      expect(ledgerText(ledger, texts)).toBe(ledgerText(ledger))
    }))
  })
  test('holds the ledger, one record per line, the same bytes whatever order its keys were made in', () => {
    fc.assert(fc.property(withTricky, fc.integer(), (ledger, seed) => {
      const text = ledgerText(ledger)
      expect(text).toBe(ledgerText(reorderKeys(ledger, seed) as Ledger))
      // every key already in order, as zod's output of the ledger schema: the path without a sorted copy
      expect(ledgerText(JSON.parse(sortedItem(ledger)) as Ledger)).toBe(text)
      expect(JSON.parse(text)).toEqual(JSON.parse(sortedItem(ledger)))
      expect(text.split('\n').filter((line) => line.startsWith('    {"assertions":'))).toHaveLength(ledger.evidence.length)
    }))
  })
  test('is any JSON value\'s text with every key in code-unit order, whatever values came before', () => {
    // the key orders are kept across values: {} and {"": 0}, or {"a\u0000": 1, b: 2} and {a: 1, "\u0000b": 2}, once shared one
    // and an own "__proto__" key (as JSON.parse makes it), with an index key or without
    const proto = () => JSON.parse('[{"__proto__": {"z": 1, "a": 2}, "b": 3}, {"__proto__": 1, "0": [{"y": 2, "x": 1}]}]') as unknown
    const keyed = fc.jsonValue({ maxDepth: 3 }).map((v) => ({ '': v, 'a\u0000': 1, b: [{}, { '': 0 }, { a: 1, '\u0000b': 2 }, proto()] }))
    fc.assert(fc.property(fc.array(fc.oneof(fc.jsonValue({ maxDepth: 3 }), keyed), { maxLength: 4 }), fc.integer(), (values, seed) => {
      for (const v of values) expect(sortedItem(reorderKeys(v, seed))).toBe(canonicalText(v))
    }))
  })
})

/** The reference: JSON text written key by key in code-unit order. */
function canonicalText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalText).join(',')}]`
  if (!value || typeof value !== 'object') return JSON.stringify(value)
  const entries = Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalText((value as Record<string, unknown>)[k])}`)
  return `{${entries.join(',')}}`
}

/** The same value with every object's keys inserted in another order. */
function reorderKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v) => reorderKeys(v, seed))
  if (!value || typeof value !== 'object') return value
  const keys = Object.keys(value)
  const turned = [...keys.slice(Math.abs(seed) % (keys.length || 1)), ...keys.slice(0, Math.abs(seed) % (keys.length || 1))].reverse()
  return Object.fromEntries(turned.map((k) => [k, reorderKeys((value as Record<string, unknown>)[k], seed)]))
}

describe('a ledger file', () => {
  // the reader copies an ASCII file's bytes instead of decoding them: any other text must still
  // come back as it was written (accents, CJK, emoji, lone control characters)
  const anyText = fc.string({ unit: 'binary', maxLength: 12 })
  test('reads back as the ledger written, whatever characters its texts hold', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'specgate-ledger-file-'))
    try {
      await fc.assert(fc.asyncProperty(fragmentArb, fc.array(anyText, { minLength: 5, maxLength: 5 }), async (ledger, titles) => {
        const withTitles: Ledger = { ...ledger, evidence: ledger.evidence.map((e, i) => ({ ...e, test: { ...e.test, title: titles[i]! } })) }
        const file = path.join(dir, 'fragment.json')
        await writeLedger(file, withTitles)
        same(readLedger(file), withTitles)
      }), { numRuns: 60 })
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
