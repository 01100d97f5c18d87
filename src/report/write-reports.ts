/** The one module that writes report files: renders each chosen format and writes it atomically. */
import fs from 'node:fs'
import path from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { FORMATS, type FormatName } from './formats.js'
import type { RenderContext, ReportModel } from './model.js'

export interface WrittenReports {
  /** absolute paths of the files written */
  files: string[]
  /** what goes to standard output, in format order */
  stdout: string
  /** the Markdown report, when rendered, for the GitHub step summary */
  markdown?: string
}

export async function writeReports(model: ReportModel, formats: readonly FormatName[], outDir: string, ctx: RenderContext): Promise<WrittenReports> {
  const out: WrittenReports = { files: [], stdout: '' }
  for (const name of formats) {
    const format = FORMATS[name]
    const text = await format.render(model, ctx)
    if (name === 'markdown') out.markdown = text
    if (format.file === 'stdout') {
      out.stdout += text
      continue
    }
    const file = path.join(outDir, format.file)
    await fs.promises.mkdir(outDir, { recursive: true })
    // atomic (temp file + rename) so a reader never sees half a report; no fsync: a report can be rewritten
    await writeFileAtomic(file, text, { fsync: false })
    out.files.push(file)
  }
  return out
}
