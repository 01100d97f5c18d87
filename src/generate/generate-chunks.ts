/**
 * Generate chunk after chunk of feature files: parse, plan, render, write, then let the chunk go,
 * so the models and texts of a large SPEC are never held at once. What it returns is small.
 */
import type { SpecgateConfig } from '../config/schema.js'
import { type Diagnostic, InputError } from '../diagnostics.js'
import { parseSpecFile } from '../spec/load-spec.js'
import type { FeatureModel } from '../spec/model.js'
import type { Chunk } from './feature-chunks.js'
import { type Covered, type PlannedWrite, planTargets, renderTarget } from './plan-generate.js'
import { skippedLine } from './render-generate.js'
import type { Stamps } from './up-to-date.js'
import { existingText, PlanWriter } from './write-plan.js'
import { phaseDone } from '../util/timings.js'

export interface FeatureSource {
  absPath: string
  source: string
}

export interface ChunksJob {
  root: string
  /** with checked, root-relative generate folders */
  config: SpecgateConfig
  covered: Covered
  dryRun: boolean
  /** the chunks (see feature-chunks.ts), each with its sources in file order */
  chunks: FeatureSource[][]
}

/** A file generate wrote or would write; `text` only on a dry run (a real run lets it go once written). */
export type GeneratedFile = Omit<PlannedWrite, 'text'> & { text?: string }

export interface ChunksResult {
  writes: GeneratedFile[]
  /** the `skipped ...` lines, in file order */
  skipped: string[]
  errors: Diagnostic[]
  /** the stamp of every file written */
  stamps: Stamps
}

export async function generateChunks(job: ChunksJob): Promise<ChunksResult> {
  const seen = new Set<string>()
  const writer = job.dryRun ? undefined : new PlanWriter(job.root)
  const out: ChunksResult = { writes: [], skipped: [], errors: [], stamps: writer?.stamps ?? new Map() }
  const folders = new Map<string, boolean>()
  // a test file that cannot be read gets nothing; the others still get theirs, then the first problem is thrown
  const unreadable: InputError[] = []
  try {
    for (const chunk of job.chunks) {
      const features = parseChunk(job.root, chunk, out.errors)
      const { targets, skipped } = planTargets(features, job.config, job.covered, seen)
      out.skipped.push(...skipped.map(skippedLine))
      for (const t of targets) {
        let existing: string | undefined
        try {
          existing = existingText(job.root, t.path, folders)
        } catch (err) {
          if (!(err instanceof InputError)) throw err
          unreadable.push(err)
          continue
        }
        out.writes.push(writeOne(renderTarget(t, existing), writer))
      }
    }
  } finally {
    phaseDone('parsed, planned, rendered')
    await writer?.finish()
    phaseDone('written')
  }
  if (unreadable.length > 0) throw unreadable[0]
  return out
}

function parseChunk(root: string, chunk: readonly FeatureSource[], errors: Diagnostic[]): FeatureModel[] {
  const features: FeatureModel[] = []
  for (const { absPath, source } of chunk) {
    const file = parseSpecFile(root, absPath, source)
    errors.push(...file.errors)
    if (file.feature) features.push(file.feature)
  }
  return features
}

function writeOne(planned: PlannedWrite, writer: PlanWriter | undefined): GeneratedFile {
  if (!writer) return planned
  writer.write(planned)
  const { text: _written, ...rest } = planned
  return rest
}

/** The sources of each chunk of a feature list. */
export function sourcesOf(sources: readonly FeatureSource[], chunks: readonly Chunk[]): FeatureSource[][] {
  return chunks.map(([start, end]) => sources.slice(start, end))
}
