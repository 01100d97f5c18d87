/**
 * Lints feature files on disk part by part: each part is read, modelled, linted and let go, so
 * memory stays flat however large the SPEC is. Keeps the text of the files that have findings,
 * for the excerpts of the pretty format.
 */
import type { SpecgateConfig } from '../config/schema.js'
import { findFeatureFiles } from '../spec/find-features.js'
import { buildSpec, readSource } from '../spec/load-spec.js'
import { createLinter, type LintReport } from './lint-spec.js'

// Small parts: a part's model dies young, in V8's new space, which keeps garbage collection cheap.
const PART_SIZE = 8

export interface LintFilesResult {
  report: LintReport
  /** source text by root-relative path, for the files with findings */
  sources: Map<string, string>
}

export async function lintFiles(root: string, patterns: readonly string[], config: SpecgateConfig): Promise<LintFilesResult> {
  const files = await findFeatureFiles(root, patterns)
  const linter = createLinter(config)
  const sources = new Map<string, string>()
  for (let i = 0; i < files.length; i += PART_SIZE) {
    const part = files.slice(i, i + PART_SIZE).map((absPath) => readSource(root, absPath))
    const spec = buildSpec(root, part, { hashes: false })
    const withFindings = new Set(linter.add(spec).map((f) => f.file))
    for (const f of spec.files) if (withFindings.has(f.file)) sources.set(f.file, f.source)
  }
  const report = linter.finish()
  // duplicate ids are found last, across parts; their files' text is read again for the excerpt
  for (const f of report.findings) if (!sources.has(f.file)) sources.set(f.file, readSource(root, `${root}/${f.file}`).source)
  return { report, sources }
}
