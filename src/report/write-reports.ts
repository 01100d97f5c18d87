/**
 * The one module that writes report files: renders each chosen format and streams its chunks to
 * the file, atomically (temp file + rename) so a reader never sees half a report. A file that
 * cannot be written is an input error naming it, after the other reports are written.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { InputError } from '../diagnostics.js'
import { relPosix } from '../util/paths.js'
import { FORMATS, type FormatName, type Rendered } from './formats.js'
import type { RenderContext, ReportModel } from './model.js'
import { phaseDone } from '../util/timings.js'

export interface WrittenReports {
  /** absolute paths of the files written */
  files: string[]
  /** what goes to standard output, in format order */
  stdout: string
  /** the Markdown report's file, when written, for the GitHub step summary */
  markdownFile?: string
}

/** `root`: errors name files relative to it. */
export async function writeReports(model: ReportModel, formats: readonly FormatName[], outDir: string, ctx: RenderContext, root: string): Promise<WrittenReports> {
  const out: WrittenReports = { files: [], stdout: '' }
  const failed: InputError[] = []
  for (const name of formats) {
    const format = FORMATS[name]
    const chunks = chunksOf(await format.render(model, ctx))
    if (format.file === 'stdout') {
      for (const chunk of chunks) out.stdout += chunk
      continue
    }
    const file = path.join(outDir, format.file)
    try {
      fs.mkdirSync(outDir, { recursive: true })
      writeAtomic(file, chunks)
    } catch (err) {
      failed.push(new InputError(`cannot write the report: ${(err as Error).message}`, { file: relPosix(root, file) }))
      continue
    }
    phaseDone(format.file)
    out.files.push(file)
    if (name === 'markdown') out.markdownFile = file
  }
  if (failed.length > 0) throw failed[0]
  return out
}

/**
 * Removes the report files check writes (every format's, not only this run's) from `outDir`, but
 * none of `keep` (absolute paths) and nothing else; returns the names removed.
 */
export function removeReports(outDir: string, keep: ReadonlySet<string>): string[] {
  const removed: string[] = []
  for (const format of Object.values(FORMATS)) {
    const file = path.join(outDir, format.file)
    if (format.file === 'stdout' || keep.has(file)) continue
    try {
      fs.rmSync(file) // a folder of that name, or a file already gone, throws and stays as it is
      removed.push(format.file)
    } catch {
      // nothing there to remove
    }
  }
  return removed
}

function chunksOf(rendered: Awaited<Rendered>): Iterable<string> {
  return typeof rendered === 'string' ? [rendered] : rendered
}

/** Chunks are gathered into writes of about this many characters: few system calls, little memory. */
const WRITE_SIZE = 1 << 20

/** No fsync: a report can be rewritten; the rename is what keeps readers from half a file. */
function writeAtomic(file: string, chunks: Iterable<string>): void {
  const name = `${file}.${randomUUID().slice(0, 8)}`
  const temp = `${name}.tmp`
  try {
    writeChunks(temp, chunks)
    replace(file, temp, `${name}.old`)
  } catch (err) {
    fs.rmSync(temp, { force: true })
    throw err
  }
}

/**
 * Renames `temp` over `file`. Whichever call drops the old report's last name frees its blocks,
 * which takes a while for tens of MB (one-off, 40 MB: a rename over it 14-22 ms, link and rename
 * 2-13 ms): a hard link keeps that out of the rename, and the unlink runs on libuv's threads while
 * the next report renders (the process waits for it before it exits).
 */
function replace(file: string, temp: string, old: string): void {
  let linked = true
  try {
    fs.linkSync(file, old)
  } catch {
    linked = false // no report there yet, or no hard links on this file system: a plain rename
  }
  try {
    fs.renameSync(temp, file)
  } finally {
    if (linked) fs.unlink(old, () => undefined) // at worst a stray `.old` copy of the previous report stays
  }
}

function writeChunks(file: string, chunks: Iterable<string>): void {
  const fd = fs.openSync(file, 'w')
  try {
    let pending = ''
    for (const chunk of chunks) {
      pending += chunk
      if (pending.length >= WRITE_SIZE) {
        writeAll(fd, pending)
        pending = ''
      }
    }
    writeAll(fd, pending)
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * Writes all of a text at the end of an open file. The string goes to the system as it is (Node
 * encodes it natively, without a Buffer per chunk: one-off, 120 MB in 1 MB chunks 93-99 ms against
 * 145-208 ms); a short write, which regular files do not give, goes on from the bytes left.
 */
function writeAll(fd: number, text: string): void {
  const written = fs.writeSync(fd, text)
  const length = Buffer.byteLength(text)
  if (written === length) return
  const bytes = Buffer.from(text, 'utf8')
  for (let done = written; done < length;) done += fs.writeSync(fd, bytes, done)
}
