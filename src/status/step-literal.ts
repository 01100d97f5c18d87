/**
 * The DocString and DataTable a step call passes as literals (`{ docString: '...', dataTable:
 * [['a', 'b']] }`, as generated skeletons write them), read in place from the test's text, right
 * after the step's own text. A value that is not a literal (a variable, a template with `${}`) is
 * not read: the test does not say what it is. Pure.
 */
import { OPTIONS_OPEN, STRING, unescape } from './string-literal.js'

export interface StepLiteral {
  docString?: string
  dataTable?: string[][]
}

/** A string literal at `at` (sticky): groups 1-3, one per quote kind. */
const STRING_AT = new RegExp(STRING, 'y')
const KEY_AT = /([\w$]+)\s*:\s*/y
const SPACE_AT = /\s*/y

/**
 * The literals of the `, { ... }` that follows `from` in `text` (the end of a step call's text);
 * nothing when no object follows. Read in place and once: nothing of the object is walked before,
 * and nothing after the last literal.
 */
export function stepLiteral(text: string, from: number): StepLiteral {
  const out: StepLiteral = {}
  const r = { at: from }
  if (!stickyMatch(OPTIONS_OPEN, text, r)) return out
  for (;;) {
    skipSpace(text, r)
    const key = stickyMatch(KEY_AT, text, r)?.[1]
    if (key === 'docString') {
      const value = stringAt(text, r)
      if (value === undefined) return out
      out.docString = value
    } else if (key === 'dataTable') {
      const table = tableAt(text, r)
      if (table === undefined) return out
      out.dataTable = table
    } else return out // `}`, or a key whose value cannot be skipped without parsing it
    skipSpace(text, r)
    if (text[r.at] !== ',') return out
    r.at++
  }
}

/** `[['a', 'b'], ['c', 'd']]`; undefined when it is anything else. */
function tableAt(text: string, r: { at: number }): string[][] | undefined {
  return listAt(text, r, () => listAt(text, r, () => stringAt(text, r)))
}

/** `[item, item, ...]` (a trailing comma allowed); undefined as soon as an item is not one. */
function listAt<T>(text: string, r: { at: number }, item: () => T | undefined): T[] | undefined {
  skipSpace(text, r)
  if (text[r.at] !== '[') return undefined
  r.at++
  const out: T[] = []
  for (;;) {
    skipSpace(text, r)
    if (text[r.at] === ']') {
      r.at++
      return out
    }
    const value = item()
    if (value === undefined) return undefined
    out.push(value)
    skipSpace(text, r)
    if (text[r.at] === ',') r.at++
    else if (text[r.at] !== ']') return undefined
  }
}

function stringAt(text: string, r: { at: number }): string | undefined {
  skipSpace(text, r)
  const m = stickyMatch(STRING_AT, text, r)
  const body = m?.[1] ?? m?.[2] ?? m?.[3]
  return body === undefined ? undefined : unescape(body)
}

function skipSpace(text: string, r: { at: number }): void {
  stickyMatch(SPACE_AT, text, r)
}

function stickyMatch(re: RegExp, text: string, r: { at: number }): RegExpExecArray | null {
  re.lastIndex = r.at
  const m = re.exec(text)
  if (m) r.at = re.lastIndex
  return m
}
