/** Writing files, shared by the main thread and the write worker (so it imports nothing else). */
import fs from 'node:fs'

/** mtimeMs keeps sub-microsecond precision as a double, and a plain Stats is cheaper than a BigIntStats. */
export function stampOf(st: fs.Stats): string {
  return `${st.size} ${st.mtimeMs}`
}

/** Writes a file that must not exist yet; returns its stamp (the last write set the mtime, a rename keeps it). */
export function writeNew(file: string, text: string): string {
  const fd = fs.openSync(file, 'wx')
  try {
    fs.writeFileSync(fd, text)
    return stampOf(fs.fstatSync(fd))
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * A whole new file: `file` is written, then renamed to `final` when there is one (a hidden
 * temporary next to a file that must appear whole); the stamp is kept under `rel`.
 */
export interface NewFile {
  rel: string
  file: string
  text: string
  final?: string
}

/** What the write worker is sent: a batch of new files, or `null` when there is nothing more. */
export type WriteJob = NewFile[] | null

/** The write worker's answer to `null`. */
export interface WorkerDone {
  stamps: Array<[string, string]>
  /** one per file that could not be written, named by its `rel` (where it was to land, not the temporary) */
  errors: Array<{ message: string; rel: string }>
}

/** Writes a NewFile; a temporary left by a failed rename is removed. */
export function writeNewFile(f: NewFile): string {
  if (f.final === undefined) return writeNew(f.file, f.text)
  try {
    const stamp = writeNew(f.file, f.text)
    fs.renameSync(f.file, f.final)
    return stamp
  } catch (err) {
    fs.rmSync(f.file, { force: true })
    throw err
  }
}
