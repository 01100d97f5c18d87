/**
 * Test lines without Vitest's includeTaskLocation (which costs a stack trace per test): at the end
 * of the run, each test file that linked a clause is read once and its `clause('<ID>', '<HASH>'`
 * calls located, the same static scan `specgate status` uses.
 */
import fs from 'node:fs'

const CLAUSE_CALL = /\bclause\(\s*(['"`])([^'"`]+)\1\s*,\s*(['"`])[^'"`]*\3\s*(?:,\s*\{[^}]*?\brow\s*:\s*(\d+))?/g

export type LineIndex = (file: string, caseKey: string, clauseId: string) => number | undefined

/** Lines by case key (`KEYS-004[2]`), then by clause id; files read lazily, once each. */
export function clauseLineIndex(): LineIndex {
  const cache = new Map<string, Map<string, number>>()
  return (file, caseKey, clauseId) => {
    let lines = cache.get(file)
    if (!lines) cache.set(file, (lines = scanFile(file)))
    return lines.get(caseKey) ?? lines.get(clauseId)
  }
}

function scanFile(file: string): Map<string, number> {
  const lines = new Map<string, number>()
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    return lines
  }
  for (const m of text.matchAll(CLAUSE_CALL)) {
    const line = text.slice(0, m.index).split('\n').length
    const key = m[4] ? `${m[2]}[${m[4]}]` : m[2]!
    if (!lines.has(key)) lines.set(key, line)
  }
  return lines
}
