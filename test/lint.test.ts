/** `specgate lint`, spawned as a user runs it, on the fixture SPECs under test/fixtures/lint-*. */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { clause } from 'specgate/vitest'
import { LINT_RULES } from '../src/config/schema.js'
import { REPO, scratch, specgate, writeTree } from './helpers/cli.js'

const FIXTURES = path.join(REPO, 'test/fixtures')
const clean = path.join(FIXTURES, 'lint-clean')
const findings = path.join(FIXTURES, 'lint-findings')

interface LintJson {
  files: number
  clauses: number
  cases: number
  findings: { rule: string; severity: string; file: string; line: number; column: number; message: string }[]
}

function lintJson(cwd: string, ...args: string[]): { code: number; json: LintJson } {
  const r = specgate(['lint', '--format', 'json', ...args], cwd)
  return { code: r.code, json: JSON.parse(r.stdout) as LintJson }
}

const where = (f: LintJson['findings'][number]): string => `${f.rule} ${f.file}:${f.line}:${f.column}`

describe('specgate lint', () => {
  it('LINT-001 passes a clean SPEC with Rules, Backgrounds, Outlines, tables, DocStrings, French and Markdown Gherkin', clause('LINT-001', 'eff758872b65'), () => {
    const r = specgate(['lint'], clean)
    expect(r.stderr).toBe('')
    expect(r.stdout.trim()).toBe('no findings in 3 files, 8 clauses, 10 cases')
    expect(r.code).toBe(0)
  })

  it('LINT-005[2] json: one document with files, clauses, cases (every Scenario plus every Examples row) and findings', clause('LINT-005', '7c0048a7c9d7', { row: 2 }), () => {
    const { code, json } = lintJson(clean)
    expect(code).toBe(0)
    expect(json).toEqual({ files: 3, clauses: 8, cases: 10, findings: [] })
  })

  it('LINT-002 reports every rule at its file:line:col with its severity and exits 1', clause('LINT-002', 'b704c9220ace'), () => {
    const { code, json } = lintJson(findings)
    expect(code).toBe(1)
    expect(json.findings.map(where)).toEqual([
      'parse-error features/broken.feature:8:7',
      'no-error-branch features/clauses.feature:2:1',
      'missing-id features/clauses.feature:5:3',
      'missing-level features/clauses.feature:10:3',
      'conflicting-levels features/clauses.feature:15:3',
      'no-steps features/clauses.feature:20:3',
      'no-outcome features/clauses.feature:23:3',
      'empty-examples features/clauses.feature:32:5',
      'unknown-placeholder features/clauses.feature:37:5',
      'duplicate-id features/dup-a.feature:5:3',
      'duplicate-id features/dup-b.feature:5:3',
      'malformed-owner features/tags.feature:1:13',
      'unknown-tag features/tags.feature:4:9',
      'unknown-tag features/tags.feature:9:16',
      'unknown-risk features/tags.feature:9:26',
      'malformed-requires-data features/tags.feature:14:9',
      'malformed-covers features/tags.feature:14:33',
      'malformed-id features/tags.feature:14:49',
      'malformed-id features/tags.feature:19:22',
    ])
    expect(json.findings.find((f) => f.rule === 'conflicting-levels')?.severity).toBe('warning')
    expect(json.findings.filter((f) => f.severity !== 'error').map((f) => f.rule)).toEqual(['conflicting-levels'])
    expect({ files: json.files, clauses: json.clauses, cases: json.cases }).toEqual({ files: 5, clauses: 13, cases: 12 })
  })

  it('LINT-003 says what is wrong in each message, with did-you-mean for near misses', clause('LINT-003', '481f0007d807'), () => {
    const messages = lintJson(findings).json.findings.map((f) => f.message)
    expect(messages).toEqual(expect.arrayContaining([
      'inconsistent cell count within the table',
      'unknown tag @e2ee; did you mean @e2e?',
      'unknown tag @ower:bob; did you mean @owner:bob?',
      expect.stringMatching(/^unknown risk "securty": did you mean @risk:security\? known: security, cost/),
      expect.stringMatching(/^@requires-data:orders>3 is malformed: expected @requires-data:<entity>>=<n>/),
      expect.stringMatching(/^@covers:\/etc\/\*\* is malformed: an absolute path/),
      expect.stringMatching(/^malformed id "tags-3": expected/),
      'a clause has one id, this one has 2: @id:TAGS-004 @id:TAGS-005',
      'duplicate id DUP-001: also on features/dup-b.feature:5',
      'duplicate id DUP-001: also on features/dup-a.feature:5',
      'clause "Without steps" has no steps: it accepts nothing',
      'clause "Without an outcome" has no Then step: it checks nothing',
      '<m> is filled by no column of the Examples at line 40 (columns: n)',
      'Examples of "Examples without rows" have no rows: they run no case',
      'feature "Clauses" has no @error or @edge clause: only the happy path is specified',
    ]))
    // the same words in the default (pretty) format a user reads
    expect(specgate(['lint', 'features/tags.feature'], findings).stdout).toContain('unknown tag @e2ee; did you mean @e2e?  unknown-tag')
  })

  it('allows the configured tags: exact names and @prefix:*', () => {
    const tagFindings = lintJson(findings).json.findings.filter((f) => f.file === 'features/tags.feature' && f.line === 4)
    expect(tagFindings.map((f) => f.message)).toEqual(['unknown tag @e2ee; did you mean @e2e?'])
    const dir = scratch('lint-allowed')
    writeTree(dir, { 'features/a.feature': fs.readFileSync(path.join(findings, 'features/tags.feature'), 'utf8') })
    const without = lintJson(dir).json.findings.filter((f) => f.line === 4).map((f) => f.message)
    expect(without).toEqual(expect.arrayContaining([expect.stringMatching(/^unknown tag @smoke; add it to tags.allowed/), expect.stringMatching(/^unknown tag @jira:SG-12/)]))
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('LINT-005[1] pretty: findings grouped by file with a source excerpt, and no colour off a terminal', clause('LINT-005', '7c0048a7c9d7', { row: 1 }), () => {
    const r = specgate(['lint', 'features/tags.feature'], findings)
    expect(r.code).toBe(1)
    expect(r.stdout).toContain([
      'features/tags.feature',
      '  1:13    error   @acceptor: is malformed: expected @acceptor:<who>, a team or person (letters, digits, . _ - / @ +)  malformed-owner',
      '    1 | @owner:core @acceptor:',
      '      |             ^',
    ].join('\n'))
    expect(r.stdout).toContain('    4 |   @unit @e2ee @id:TAGS-001 @smoke @jira:SG-12\n      |         ^')
    expect(r.stdout.trim().split('\n').at(-1)).toBe('8 errors, 0 warnings in 1 file, 4 clauses, 4 cases')
    expect(r.stdout).not.toMatch(/\x1b\[/)
  })

  it('colours pretty output when forced (as on a terminal)', () => {
    const r = specgate(['lint', 'features/tags.feature'], findings, { NO_COLOR: '', FORCE_COLOR: '1' })
    expect(r.stdout).toMatch(/\x1b\[31merror/)
  })

  it('LINT-005[3] github: one workflow annotation per finding', clause('LINT-005', '7c0048a7c9d7', { row: 3 }), () => {
    const r = specgate(['lint', '--format', 'github', 'features/tags.feature', 'features/dup-a.feature'], findings)
    expect(r.code).toBe(1)
    const lines = r.stdout.trim().split('\n')
    expect(lines).toContain('::error file=features/tags.feature,line=4,col=9,title=specgate unknown-tag::unknown tag @e2ee; did you mean @e2e?')
    expect(lines).toContain('::error file=features/tags.feature,line=1,col=13,title=specgate malformed-owner::@acceptor: is malformed: expected @acceptor:<who>, a team or person (letters, digits, . _ - / @ +)')
    expect(lines.filter((l) => l.startsWith('::')).length).toBe(8)
  })

  it('LINT-004 follows the configured severities: off silences a rule, warning does not fail', clause('LINT-004', 'c73f14438427'), () => {
    const dir = scratch('lint-severity')
    writeTree(dir, {
      'features/clauses.feature': fs.readFileSync(path.join(findings, 'features/clauses.feature'), 'utf8'),
      'specgate.config.yaml': [
        'lint:',
        '  rules:',
        '    no-error-branch: off',
        '    missing-id: warning',
        '    missing-level: warning',
        '    no-steps: warning',
        '    no-outcome: warning',
        '    empty-examples: warning',
        '    unknown-placeholder: warning',
        '',
      ].join('\n'),
    })
    const { code, json } = lintJson(dir)
    expect(json.findings.map((f) => f.rule)).not.toContain('no-error-branch')
    expect(new Set(json.findings.map((f) => f.severity))).toEqual(new Set(['warning']))
    expect(code).toBe(0)
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('uses the configured id pattern and risk categories', () => {
    const dir = scratch('lint-pattern')
    writeTree(dir, {
      'features/a.feature': '@owner:a @acceptor:b\nFeature: A\n\n  @unit @error @risk:legal @id:REQ_7\n  Scenario: s\n    Then ok\n',
      'specgate.config.json': JSON.stringify({ ids: { pattern: '^REQ_\\d+$' }, tags: { risks: ['legal'] } }),
    })
    expect(lintJson(dir)).toEqual({ code: 0, json: { files: 1, clauses: 1, cases: 1, findings: [] } })
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('lints the other files when one does not parse', () => {
    const { json } = lintJson(findings, 'features/broken.feature', 'features/clauses.feature')
    expect(new Set(json.findings.map((f) => f.file))).toEqual(new Set(['features/broken.feature', 'features/clauses.feature']))
  })

  it('LINT-006 names an unknown format, a missing path and a bad config in one line with exit 2', clause('LINT-006', 'a0adfe8fa1e9'), () => {
    const format = specgate(['lint', '--format', 'xml'], clean)
    expect(format.code).toBe(2)
    expect(format.stderr).toContain("argument 'xml' is invalid. Allowed choices are pretty, json, github.")
    const missing = specgate(['lint', 'features/nope.feature'], clean)
    expect(missing.code).toBe(2)
    expect(missing.stderr.trim()).toBe('specgate: features/nope.feature: no such file or folder')
    const dir = scratch('lint-badconfig')
    writeTree(dir, { 'specgate.config.json': JSON.stringify({ lint: { rules: { 'missing-id': 'fatal' } } }) })
    const config = specgate(['lint'], dir)
    expect(config.code).toBe(2)
    for (const r of [format, missing, config]) expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(config.stderr).toMatch(/^specgate: specgate.config.json: lint.rules.missing-id: Invalid option: expected one of "error"\|"warning"\|"off"/)
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('reports an id on a Feature, an Outline without Examples, a bare @owner and a covers glob outside the project', () => {
    const dir = scratch('lint-more')
    writeTree(dir, {
      'features/more.feature': [
        '@id:MORE-001 @owner @acceptor:lead',
        'Feature: More',
        '',
        '  @unit @error @covers:../elsewhere/** @id:MORE-002',
        '  Scenario Outline: No examples',
        '    When <n> runs',
        '    Then it passes',
        '',
      ].join('\n'),
    })
    const { code, json } = lintJson(dir)
    expect(code).toBe(1)
    expect(json.findings.map((f) => `${where(f)} ${f.message}`)).toEqual([
      'malformed-id features/more.feature:1:1 @id:MORE-001 stands on a Feature; an id names one Scenario, so it belongs on the Scenario',
      'unknown-tag features/more.feature:1:14 unknown tag @owner; did you mean @owner:<value>?',
      'malformed-covers features/more.feature:4:16 @covers:../elsewhere/** is malformed: a path outside the project (..); expected a glob relative to the project root, e.g. @covers:src/auth/**',
      'empty-examples features/more.feature:5:3 Outline "No examples" has no Examples: it runs no case',
    ])
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('lists every rule with its severity in this project and its docs line', () => {
    const dir = scratch('lint-rules')
    writeTree(dir, { 'specgate.config.json': JSON.stringify({ lint: { rules: { 'no-error-branch': 'warning', 'missing-id': 'off' } } }) })
    const r = specgate(['lint', '--list-rules'], dir)
    expect(r.code).toBe(0)
    const rows = r.stdout.trim().split('\n').map((l) => l.split(/\s{2,}/))
    expect(rows.map((row) => row[0])).toEqual([...LINT_RULES])
    expect(rows.find((row) => row[0] === 'no-error-branch')?.[1]).toBe('warning')
    expect(rows.find((row) => row[0] === 'missing-id')?.[1]).toBe('off')
    expect(rows.find((row) => row[0] === 'duplicate-id')?.[1]).toBe('error')
    for (const row of rows) expect(row[2]?.length).toBeGreaterThan(20)
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('passes on specgate\'s own SPEC', () => {
    const r = specgate(['lint', 'features'], REPO)
    expect(r.stdout).toMatch(/^no findings in \d+ files?, /m)
    expect(r.code).toBe(0)
  })
})
