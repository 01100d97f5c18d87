/**
 * The clause ids the project's tests name (`clause('AUTH-012', ...)`). A clause may be gone from the
 * SPEC while a test still names its id; handing that number to a new clause would make the old
 * test look like evidence for it, so ids --write counts these as taken.
 */
import { readFileSync } from 'node:fs'
import { glob } from 'tinyglobby'

const CLAUSE_CALL = /\bclause\(\s*(['"`])([^'"`\s]+)\1/g

export async function idsNamedByTests(root: string, patterns: readonly string[]): Promise<string[]> {
  const files = await glob([...patterns], { cwd: root, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**', '**/dist/**', '**/.git/**'] })
  const ids: string[] = []
  for (const file of files) {
    for (const m of readFileSync(file, 'utf8').matchAll(CLAUSE_CALL)) ids.push(m[2]!)
  }
  return ids
}
