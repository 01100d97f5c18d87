/**
 * Test lines without Vitest's includeTaskLocation (which costs a stack trace per test): each test
 * file that linked a clause is read once and its `clause('<ID>', '<HASH>'` calls located by the
 * static scan `specgate status` uses. Done in the evidence thread, not on Vitest's main thread
 * (the benchmark's 50 files: 34 ms there).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Evidence } from '../../src/ledger/schema.js'
import { caseKey } from '../../src/spec/model.js'
import { scanSource } from '../../src/status/scan-source.js'

export type LineIndex = (file: string, caseKey: string, clauseId: string) => number | undefined

/** Fills in `test.line` where the runner gave none; the test object is remade with its keys in order. */
export function locateTests(records: Evidence[], root: string, lineOf: LineIndex): Evidence[] {
  // a batch is one test file's records: its path is resolved once, not per test
  let file: string | undefined
  let abs = ''
  for (const r of records) {
    const t = r.test
    if (t.line !== undefined) continue
    if (t.file !== file) abs = path.resolve(root, (file = t.file))
    const line = lineOf(abs, r.caseKey, r.clauseId)
    if (line !== undefined) r.test = { column: t.column, file: t.file, line, project: t.project, title: t.title }
  }
  return records
}

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
