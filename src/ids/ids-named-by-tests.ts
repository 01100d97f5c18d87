/**
 * The clause ids the project's tests name (`clause('AUTH-012', ...)`, under whatever name the test
 * imports `clause`). A clause may be gone from the SPEC while a test still names its id; handing
 * that number to a new clause would make the old test look like evidence for it, so ids --write
 * counts these as taken. The tests are found and read as status and generate find and read them
 * (the configured globs and the generate folders, scan-tests.ts): all three see the same tests.
 */
import type { SpecgateConfig } from '../config/schema.js'
import { testGlobs, withCheckedFolders } from '../generate/generate.js'
import { scanTests } from '../status/scan-tests.js'

export async function idsNamedByTests(root: string, config: SpecgateConfig, configFile?: string): Promise<string[]> {
  const globs = testGlobs(withCheckedFolders(root, config, configFile))
  const { files } = await scanTests(root, globs, { sources: false })
  return files.flatMap((f) => f.claims.map((c) => c.id))
}
