/** Carries out a plan: every file written whole and atomically, never outside its folder. */
import fs from 'node:fs'
import path from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { InputError } from '../diagnostics.js'
import type { PlannedWrite } from './plan-generate.js'
import { isInside } from './test-file-path.js'
import { type Stamps, stampOf } from './up-to-date.js'

/** Every path checked before anything is written: a plan either stays inside its folders or writes nothing. */
export function assertAllInside(root: string, files: readonly string[], dirs: readonly string[]): void {
  for (const file of files) {
    if (!dirs.some((d) => isInside(root, d, file))) {
      throw new InputError(`refusing to write outside the configured folders (${dirs.join(', ')})`, { file })
    }
  }
}

/**
 * Writes one planned file after another. Synchronous on purpose: thousands of small files go
 * faster one after another than through the thread pool's promise round trips. Each folder is
 * made once.
 */
export class PlanWriter {
  /** size and mtime of every file written, for the up-to-date fingerprint */
  readonly stamps: Stamps = new Map()
  private readonly made = new Set<string>()
  private count = 0

  constructor(private readonly root: string) {}

  write(w: PlannedWrite): void {
    const abs = path.join(this.root, w.path)
    const dir = path.dirname(abs)
    if (!this.made.has(dir)) fs.mkdirSync(dir, { recursive: true })
    this.made.add(dir)
    if (w.mode === 'append') {
      appendWhole(abs, w.text)
      this.stamps.set(w.path, stampOf(fs.statSync(abs)))
    } else {
      this.stamps.set(w.path, this.create(abs, w.text))
    }
  }

  /**
   * A new file: written to a hidden temporary file next to it, then renamed over. A run killed
   * half way leaves at most that temporary file (hidden, ending in `.tmp`, so no test glob finds
   * it), never a torn test file. Not write-file-atomic here: for a file that does not exist yet its
   * realpath, stat, and per-file exit handler are pure cost (they were most of a 60,000-skeleton
   * run), and fsync buys durability against power loss, not atomicity against a killed run.
   */
  private create(abs: string, text: string): string {
    const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}-${++this.count}.tmp`)
    let fd: number | undefined
    try {
      fd = fs.openSync(tmp, 'wx')
      fs.writeFileSync(fd, text)
      // the last write sets the mtime; the rename keeps it, so this is the file's final stamp
      const stamp = stampOf(fs.fstatSync(fd))
      fs.closeSync(fd)
      fd = undefined
      fs.renameSync(tmp, abs)
      return stamp
    } catch (err) {
      if (fd !== undefined) fs.closeSync(fd)
      fs.rmSync(tmp, { force: true })
      throw err
    }
  }
}

/** Checks every path, then writes the whole plan. */
export function writePlan(root: string, writes: readonly PlannedWrite[], dirs: readonly string[]): void {
  assertAllInside(root, writes.map((w) => w.path), dirs)
  const writer = new PlanWriter(root)
  for (const w of writes) writer.write(w)
}

/**
 * An append rewrites the whole file through write-file-atomic (a temporary file and a rename,
 * keeping the file's mode and owner and writing through a symlink): a run killed half way leaves
 * the old file or the new one, never a torn one. The existing bytes are read again here, so the
 * new file is exactly them followed by the new block.
 */
function appendWhole(abs: string, text: string): void {
  const before = fs.readFileSync(abs)
  // fsync off: the rename is what makes it atomic against a killed run; durability against power loss is the OS's job
  writeFileAtomic.sync(abs, Buffer.concat([before, Buffer.from(text, 'utf8')]), { fsync: false })
}

/** The text of the files a plan would extend; undefined where there is none yet. */
export function readExisting(root: string, files: readonly string[]): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>()
  for (const f of files) out.set(f, readIfThere(root, f))
  return out
}

function readIfThere(root: string, file: string): string | undefined {
  const abs = path.join(root, file)
  try {
    // most targets do not exist yet: a stat that returns undefined is far cheaper than a thrown ENOENT
    return fs.statSync(abs, { throwIfNoEntry: false }) ? fs.readFileSync(abs, 'utf8') : undefined
  } catch (err) {
    throw new InputError(`cannot read test file: ${(err as Error).message}`, { file })
  }
}
