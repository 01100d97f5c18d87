/**
 * Test lines without Vitest's includeTaskLocation (which costs a stack trace per test): each test
 * file that linked a clause is read once and its `clause('<ID>', '<HASH>'` calls located by the
 * static scan `specgate status` uses.
 */
import fs from 'node:fs'
import { caseKey } from '../../src/spec/model.js'
import { scanSource } from '../../src/status/scan-source.js'

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
  for (const claim of scanSource(file, text).claims) {
    const key = caseKey(claim.id, claim.row)
    if (!lines.has(key)) lines.set(key, claim.line)
  }
  return lines
}
