/**
 * The static test scanner: which clauses a test file names, found by its `clause('<ID>', '<HASH>'`
 * calls (string literals), with no test run and no TypeScript parse. The helpers are found under
 * the names the file gives them (`import { clause as link } from 'specgate/vitest'`). Pure: text
 * in, claims out.
 */
import { escapeName, importedNames, SPECGATE_MODULES, specgateLocals } from './imported-names.js'
import { stepLiteral, type StepLiteral } from './step-literal.js'
import { OPTIONS_OPEN, STRING, unescape } from './string-literal.js'

export type TestRunner = keyof typeof SPECGATE_MODULES

/** One test naming one clause. */
export interface Claim {
  file: string
  id: string
  hash: string
  row?: number
  skeleton: boolean
  line: number
  column: number
  /** where the hash's characters are in the file (inside the quotes), for --accept-hash */
  hashStart: number
  hashEnd: number
  /** the step calls between this claim and the next one: what the test says it does */
  steps: ClaimStep[]
}

/** A step call's text, and the DocString and DataTable it passes when they are literals. */
export interface ClaimStep extends StepLiteral {
  text: string
}

export interface TestFileScan {
  file: string
  /** from the file's import of specgate/vitest or specgate/playwright; undefined when neither or both */
  runner?: TestRunner
  claims: Claim[]
}

/** The helpers a test calls, by the names specgate exports them under. */
const STEP_HELPERS = ['Given', 'When', 'Then', 'And', 'But'] as const

interface CallPatterns {
  /** `clause('<ID>', '<HASH>'`: groups 1-3 the id, 4-6 the hash (one per quote kind) */
  clause: RegExp
  /** `Given('<text>'` or `step('<keyword>', '<text>'`: groups 4-6 the text */
  step: RegExp
}

/**
 * The names to look for: each helper's own name (it may come through a wrapper of the file's own,
 * a module of the project's or a namespace, `sg.clause(`), and every name the file imports it under
 * from specgate/vitest or specgate/playwright (`import { clause as link }`).
 */
function callPatterns(text: string): CallPatterns {
  const imported = importedNames(text)
  const names = (helper: string): string[] => [...new Set([helper, ...specgateLocals(imported, helper)])]
  const clause = names('clause')
  const steps = STEP_HELPERS.flatMap(names)
  const step = names('step')
  const key = `${clause.join(',')}|${steps.join(',')}|${step.join(',')}`
  let patterns = PATTERNS.get(key)
  if (!patterns) PATTERNS.set(key, (patterns = { clause: clausePattern(clause), step: stepPattern(steps, step) }))
  return patterns
}

/** Patterns by the names they look for: most files use the same few sets. */
const PATTERNS = new Map<string, CallPatterns>()

function alternatives(names: readonly string[]): string {
  return names.map(escapeName).join('|')
}

function clausePattern(names: readonly string[]): RegExp {
  return new RegExp(String.raw`(?<![\w$])(?:${alternatives(names)})\s*\(\s*(?:${STRING})\s*,\s*(?:${STRING})`, 'dg')
}

function stepPattern(steps: readonly string[], step: readonly string[]): RegExp {
  return new RegExp(String.raw`(?<![\w$])(?:(?:${alternatives(steps)})\s*\(|(?:${alternatives(step)})\s*\(\s*(?:${STRING})\s*,)\s*(?:${STRING})`, 'g')
}

export function scanSource(file: string, text: string): TestFileScan {
  if (!text.includes('clause')) return { file, runner: runnerOf(text), claims: [] }
  const lines = lineStarts(text)
  const patterns = callPatterns(text)
  const claims: Claim[] = []
  for (const m of text.matchAll(patterns.clause)) claims.push(claimOf(file, text, m, lines))
  attachSteps(text, claims, patterns.step)
  return { file, runner: runnerOf(text), claims }
}

function claimOf(file: string, text: string, m: RegExpExecArray, lines: number[]): Claim {
  const id = unescape(m[1] ?? m[2] ?? m[3] ?? '')
  const hashGroup = m[4] !== undefined ? 4 : m[5] !== undefined ? 5 : 6
  const [hashStart, hashEnd] = m.indices?.[hashGroup] ?? [0, 0]
  const options = optionsAfter(text, m.index + m[0].length)
  const { line, column } = position(lines, m.index)
  const claim: Claim = {
    file, id, hash: unescape(m[hashGroup] ?? ''), skeleton: /\bskeleton\s*:\s*true\b/.test(options),
    line, column, hashStart, hashEnd, steps: [],
  }
  const row = /\brow\s*:\s*(\d+)/.exec(options)
  if (row?.[1]) claim.row = Number(row[1])
  return claim
}

/** How far a clause's options object is followed: `skeleton`, `row` and the tags fit many times over. */
const CLAUSE_OPTIONS_LIMIT = 5000

/**
 * The text of `, { ... }` right after a clause's hash, up to its closing brace (strings skipped).
 * (A step's options are read in place instead, see stepLiteral.)
 */
function optionsAfter(text: string, from: number): string {
  OPTIONS_OPEN.lastIndex = from
  if (!OPTIONS_OPEN.test(text)) return ''
  let depth = 0
  let quoteChar = ''
  const start = OPTIONS_OPEN.lastIndex - 1
  for (let i = start; i < text.length && i < start + CLAUSE_OPTIONS_LIMIT; i++) {
    const ch = text[i]
    if (quoteChar) {
      if (ch === '\\') i++
      else if (ch === quoteChar) quoteChar = ''
    } else if (ch === "'" || ch === '"' || ch === '`') quoteChar = ch
    else if (ch === '{') depth++
    else if (ch === '}' && --depth === 0) return text.slice(start, i + 1)
  }
  return ''
}

/** Step calls belong to the claim before them: a test's body follows its clause() call. */
function attachSteps(text: string, claims: Claim[], pattern: RegExp): void {
  if (claims.length === 0) return
  const starts = claims.map((c) => c.hashEnd)
  for (const m of text.matchAll(pattern)) {
    const owner = lastBefore(starts, m.index)
    const body = m[4] ?? m[5] ?? m[6]
    if (owner >= 0 && body !== undefined) claims[owner]!.steps.push({ text: unescape(body), ...stepLiteral(text, m.index + m[0].length) })
  }
}

function lastBefore(sorted: number[], at: number): number {
  let lo = 0
  let hi = sorted.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid]! < at) { found = mid; lo = mid + 1 } else hi = mid - 1
  }
  return found
}

const IMPORT_OF = {
  vitest: importFrom(SPECGATE_MODULES.vitest),
  playwright: importFrom(SPECGATE_MODULES.playwright),
} satisfies Record<TestRunner, RegExp>

/** The module names hold letters and `/` only: nothing in them needs escaping in a pattern. */
function importFrom(module: string): RegExp {
  return new RegExp(String.raw`from\s*['"]${module}['"]`)
}

export function runnerOf(text: string): TestRunner | undefined {
  const vitest = IMPORT_OF.vitest.test(text)
  const playwright = IMPORT_OF.playwright.test(text)
  return vitest === playwright ? undefined : vitest ? 'vitest' : 'playwright'
}

function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return starts
}

function position(starts: number[], offset: number): { line: number; column: number } {
  const index = lastBefore(starts, offset + 1)
  return { line: index + 1, column: offset - starts[index]! + 1 }
}
