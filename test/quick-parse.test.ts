/**
 * The SPEC model's fast path (src/spec/quick-parse.ts) against @cucumber/gherkin: the same model
 * for every file it takes, and every file the reference rejects left to the reference.
 */
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { clause } from 'specgate/vitest'
import { dialects as packageDialects } from '@cucumber/gherkin'
import { buildFeature } from '../src/spec/build-feature.js'
import { dialects } from '../src/spec/gherkin-lib.js'
import { parseFeature } from '../src/spec/parse-feature.js'
import { quickFeature, STATES } from '../src/spec/quick-parse.js'
import { CORPUS, REPO } from './helpers/cli.js'

/** Both paths' models of one source; `quick` is undefined where the fast path left it to the reference. */
function both(source: string) {
  const reference = parseFeature('x.feature', source, 'text/x.cucumber.gherkin+plain')
  const quick = quickFeature('x.feature', source)
  return {
    errors: reference.errors,
    reference: reference.document && buildFeature('x.feature', reference.document),
    quick: quick?.feature,
    taken: quick !== undefined,
  }
}

test('its state table is the installed @cucumber/gherkin parser\'s', () => {
  const parser = fs.readFileSync(path.join(REPO, 'node_modules/@cucumber/gherkin/dist/Parser.js'), 'utf8')
  const installed: Record<number, string> = {}
  for (const [, state, body] of parser.matchAll(/matchTokenAt_(\d+)\(token, context\) \{([\s\S]*?)\n {4}\}\n/g)) {
    installed[Number(state)] = [...body!.matchAll(/this\.match_(\w+)\(context, token\)[^{]*\{([\s\S]*?)return (\d+);/g)]
      .map((m) => `${m[1]}${/lookahead_(\d+)/.exec(m[0])?.[1] !== undefined ? `?${/lookahead_(\d+)/.exec(m[0])![1]}` : ''}>${m[3]}`)
      .join(' ')
  }
  expect(Object.keys(installed).length).toBeGreaterThan(40)
  expect(STATES).toEqual(installed)
})

test('its keywords are the installed @cucumber/gherkin\'s dialects, read without loading the parser', () => {
  expect(Object.keys(dialects).length).toBeGreaterThan(70)
  expect(dialects).toEqual(packageDialects)
})

describe.runIf(fs.existsSync(CORPUS))('on the Gherkin conformance corpus', () => {
  const files = (dir: string) => fs.readdirSync(path.join(CORPUS, dir)).filter((f) => f.endsWith('.feature')).map((f) => path.join(CORPUS, dir, f))

  test('MODEL-007 every good file it takes gives the reference\'s model, and it takes nearly all of them', clause('MODEL-007', '3e1aa4b34e59'), () => {
    const good = files('good')
    let taken = 0
    for (const file of good) {
      const r = both(fs.readFileSync(file, 'utf8'))
      if (!r.taken) continue
      taken++
      expect(r.quick, path.basename(file)).toEqual(r.reference)
    }
    expect(taken / good.length).toBeGreaterThan(0.9)
  })

  test('MODEL-007 every bad file is left to the reference, which reports its errors', clause('MODEL-007', '3e1aa4b34e59'), () => {
    for (const file of files('bad')) {
      const r = both(fs.readFileSync(file, 'utf8'))
      expect(r.errors.length, path.basename(file)).toBeGreaterThan(0)
      expect(r.taken, path.basename(file)).toBe(false)
    }
  })
})

describe.runIf(fs.existsSync(path.join(REPO, '../shared/bench/make-corpus.mjs')))('on the benchmark corpus', () => {
  test('every file gives the reference\'s model through the fast path', async () => {
    const dir = fs.mkdtempSync(path.join(REPO, '.tmp', 'quick-corpus-'))
    try {
      const { spawnSync } = await import('node:child_process')
      spawnSync(process.execPath, [path.join(REPO, '../shared/bench/make-corpus.mjs'), dir, '60', '10', '--ids'], { stdio: 'ignore' })
      const sources = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.feature')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
      expect(sources.length).toBe(60)
      for (const source of sources) {
        const r = both(source)
        expect(r.taken).toBe(true)
        expect(r.quick).toEqual(r.reference)
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('on generated features, tricky lines included', () => {
  // lines that look like one thing in one state and another in the next
  const noise = fc.constantFrom(
    '', '   ', '\t', '# a comment', '  #language: fr', '@tag', '@a @b #c', '@a b', '@@x', '  @t1\t@t2  ', '@😀',
    '| a | b |', '|a|', '| \\| | \\\\ | \\n |', '| x ', '"""', '"""json', '```', '```md', '  \\"\\"\\" escaped', '\\"\\"\\" and \\"\\"\\" twice', '\\`\\`\\` and \\`\\`\\` ticks', 'free text', 'Given: not a step',
    'Given a step', '* star step', 'And more', 'But not', 'Scenario: s', 'Scenario Outline: o <x>', 'Example: e', 'Examples:', 'Scenarios: named',
    'Background:', 'Rule: r', 'Feature: again', '\u00a0 Given nbsp indent', '  |  cell  |  other\t|', 'Then <x> is done',
    // cell padding the reference trims (\v \f \u0085 \u00a0) and padding it keeps (an em space, which String#trim would take)
    '| \u00a0nbsp\u000b | \u0085x\f |', '|\u2003em\u2003| b |', '@a😀 @b #c @d', '@x #😀 @y',
  )
  const indent = fc.constantFrom('', '  ', '    ', '\t', '      ')
  const line = fc.tuple(indent, noise).map(([i, l]) => i + l)
  const skeleton = fc.constantFrom(
    ['Feature: f', '  Scenario: s', '    Given a'],
    ['@f', 'Feature: f', '  desc', '  Background:', '    Given b', '  @s', '  Scenario Outline: o', '    When <x>', '    Examples:', '      | x |', '      | 1 |'],
    ['# language: fr', 'Fonctionnalité: f', '  Scénario: s', '    Soit a', '    Et b', '    Alors c'],
    ['Feature: f', '  Rule: r', '    Background:', '      Given b', '    Example: e', '      Given a', '        """', '        x', '        """', '      Then t', '        | a |', '        | b |'],
  )
  const source = fc.tuple(skeleton, fc.array(fc.tuple(fc.nat(), line), { maxLength: 6 }), fc.boolean()).map(([base, inserts, crlf]) => {
    const lines: string[] = [...base]
    for (const [at, l] of inserts) lines.splice(at % (lines.length + 1), 0, l)
    return lines.join(crlf ? '\r\n' : '\n')
  })

  test('MODEL-007 whatever it takes gives the reference\'s model; whatever the reference rejects it leaves', clause('MODEL-007', '3e1aa4b34e59'), () => {
    let taken = 0
    let runs = 0
    fc.assert(fc.property(source, (text) => {
      runs++
      const r = both(text)
      if (r.errors.length > 0) expect(r.taken).toBe(false)
      if (!r.taken) return
      taken++
      expect(r.quick).toEqual(r.reference)
    }), { numRuns: 2000 })
    // the property means something only if the fast path takes a good share of these
    expect(taken / runs).toBeGreaterThan(0.3)
  })
})
