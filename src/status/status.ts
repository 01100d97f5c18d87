/** `status` as functions: read the tests on disk, compare with the SPEC; accept reviewed hashes. */
import path from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import type { SpecgateConfig } from '../config/schema.js'
import { testGlobs, withCheckedFolders } from '../generate/generate.js'
import type { Spec } from '../spec/model.js'
import { applyHashEdits, type HashEdit, planAcceptHash } from './accept-hash.js'
import { computeDrift, type Drift } from './drift.js'
import { scanTests, type TestScan } from './scan-tests.js'
import { groupBy } from '../util/group-by.js'

export interface StatusInput {
  root: string
  config: SpecgateConfig
  configFile?: string
}

export interface StatusResult {
  drift: Drift
  scan: TestScan
}

export async function status(spec: Spec, input: StatusInput): Promise<StatusResult> {
  const config = withCheckedFolders(input.root, input.config, input.configFile)
  const scan = await scanTests(input.root, testGlobs(config))
  return { drift: computeDrift(spec, scan.files, config), scan }
}

/** Rewrites the hash literals of the ids' stale tests; returns what changed (empty: all current). */
export async function acceptHashes(spec: Spec, input: StatusInput, ids: readonly string[]): Promise<HashEdit[]> {
  const { scan } = await status(spec, input)
  const edits = planAcceptHash(spec, scan.files, ids)
  for (const [file, list] of groupBy(edits, (e) => e.claim.file)) {
    const text = applyHashEdits(scan.sources.get(file) ?? '', list)
    await writeFileAtomic(path.join(input.root, file), text, { encoding: 'utf8' })
  }
  return edits
}
