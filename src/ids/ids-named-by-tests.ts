/**
 * The clause ids the project's tests name (`clause('AUTH-012', ...)`, under whatever name the test
 * imports `clause`). A clause may be gone from the SPEC while a test still names its id; handing
 * that number to a new clause would make the old test look like evidence for it, so ids --write
 * counts these as taken. Read by the status scanner, so both agree on what names a clause.
 */
import { readFileSync } from 'node:fs'
import { glob } from 'tinyglobby'
import { scanSource } from '../status/scan-source.js'

export async function idsNamedByTests(root: string, patterns: readonly string[]): Promise<string[]> {
  const files = await glob([...patterns], { cwd: root, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**', '**/dist/**', '**/.git/**'] })
  return files.flatMap((file) => scanSource(file, readFileSync(file, 'utf8')).claims.map((c) => c.id))
}
