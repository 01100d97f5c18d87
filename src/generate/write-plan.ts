/** Carries out a plan: every file written whole and atomically, never outside its folder. */
import fs from 'node:fs'
import path from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { InputError } from '../diagnostics.js'
import { stampOf } from '../util/new-file.js'
import { dropStage, makeStage } from '../util/staging.js'
import { WriteQueue, writeFailure } from '../util/write-queue.js'
import type { PlannedWrite } from './plan-generate.js'
import type { Stamps } from './up-to-date.js'

/**
 * Every path checked before anything is written: a plan either stays inside its folders or writes
 * nothing. Defence in depth: each resolved file must be inside a resolved folder.
 */
export function assertAllInside(root: string, files: readonly string[], dirs: readonly string[]): void {
  const folders = dirs.map((d) => path.resolve(root, d) + path.sep)
  for (const file of files) {
    const abs = path.resolve(root, file)
    if (!folders.some((f) => abs.startsWith(f))) {
      throw new InputError(`refusing to write outside the configured folders (${dirs.join(', ')})`, { file })
    }
  }
}

/**
 * Writes a plan's files. New files go to a worker thread (see write-worker.ts) in batches, so the
 * file system's work overlaps the parsing and rendering of the next features; appends are done
 * here, at once.
 *
 * A new file in a folder that already exists is written to a hidden temporary file next to it
 * (`.<name>.<pid>-<n>.tmp`, which no test glob matches) and renamed over. A folder that does not
 * exist yet (on a first run, the whole generate folder) is built in a staging folder beside its
 * top-most missing ancestor and renamed into place once, at finish(): one rename per tree instead
 * of one per file. The staging folder sits under a `node_modules` folder (see staging.ts), so a
 * run killed half way leaves no file any runner's test discovery finds; the next run over the same
 * features removes it before it writes (removeDeadStages, called by generate), wherever it is.
 * Not write-file-atomic for new files: for a file that does not exist yet its realpath, stat, and
 * per-file exit handler are pure cost (they were most of a 60,000-skeleton run), and fsync buys
 * durability against power loss, not atomicity against a killed run.
 */
export class PlanWriter {
  /** size and mtime of every file written, for the up-to-date fingerprint */
  readonly stamps: Stamps = new Map()
  /** folder (absolute) -> the folder its files are written to now: itself, or its place in a staging tree */
  private readonly dirs = new Map<string, string>()
  /** a test file's folder as the plan names it (root-relative POSIX) -> that folder and where its files go now */
  private readonly relDirs = new Map<string, { dir: string; at: string }>()
  /** [staging folder, the folder it becomes] */
  private readonly staged: Array<[string, string]> = []
  private queue: WriteQueue | undefined
  private count = 0

  constructor(private readonly root: string) {}

  write(w: PlannedWrite): void {
    if (w.mode === 'append') {
      const abs = path.join(this.root, w.path)
      appendWhole(abs, w.text)
      this.stamps.set(w.path, stampOf(fs.statSync(abs)))
      return
    }
    // `w.path` is root-relative POSIX (see testFilePath): its folder is looked up, not worked out, per file
    const cut = w.path.lastIndexOf('/')
    const relDir = cut < 0 ? '' : w.path.slice(0, cut)
    let folder = this.relDirs.get(relDir)
    if (folder === undefined) {
      const dir = path.join(this.root, relDir)
      this.relDirs.set(relDir, (folder = { dir, at: this.dirFor(dir) }))
    }
    const { dir, at } = folder
    const name = w.path.slice(cut + 1)
    this.queue ??= new WriteQueue()
    if (at !== dir) this.queue.add({ rel: w.path, file: `${at}${path.sep}${name}`, text: w.text })
    else this.queue.add({ rel: w.path, file: `${dir}${path.sep}.${name}.${process.pid}-${++this.count}.tmp`, text: w.text, final: `${dir}${path.sep}${name}` })
  }

  /**
   * Waits for the worker, then moves every staging tree into place: a file that could not be
   * written does not keep the others from landing. Then throws for what was not written.
   */
  async finish(): Promise<void> {
    const done = await this.queue?.close()
    for (const [rel, stamp] of done?.stamps ?? []) this.stamps.set(rel, stamp)
    const kept: Array<[string, string]> = []
    for (const [stage, final] of this.staged.splice(0)) {
      moveInto(stage, final, kept)
      dropStage(stage)
    }
    if (kept.length > 0) {
      const [[file, at]] = kept as [[string, string]]
      const more = kept.length > 1 ? ` (and ${kept.length - 1} more)` : ''
      throw new InputError(`not replaced: this file appeared while generate ran; its skeleton is kept in ${path.relative(this.root, at)}${more} until the next run`, { file: path.relative(this.root, file) })
    }
    const failure = writeFailure(done, 'the skeleton')
    if (failure) throw failure
  }

  private dirFor(dir: string): string {
    let at = this.dirs.get(dir)
    if (at === undefined) {
      at = fs.existsSync(dir) ? dir : this.stagedDir(dir)
      this.dirs.set(dir, at)
    }
    return at
  }

  private stagedDir(dir: string): string {
    const parent = path.dirname(dir)
    const parentAt = this.dirFor(parent)
    if (parentAt !== parent) {
      const at = path.join(parentAt, path.basename(dir))
      fs.mkdirSync(at)
      return at
    }
    const stage = makeStage(parent, path.basename(dir))
    this.staged.push([stage, dir])
    return stage
  }
}

/**
 * Renames a staging folder to the folder it stands for. If that folder appeared meanwhile, the
 * staged entries are moved into it one by one; a file already there is never replaced, its
 * skeleton stays staged and is added to `kept`.
 */
function moveInto(stage: string, final: string, kept: Array<[string, string]>): void {
  try {
    fs.renameSync(stage, final)
    return
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw err
  }
  for (const entry of fs.readdirSync(stage, { withFileTypes: true })) {
    const from = path.join(stage, entry.name)
    const to = path.join(final, entry.name)
    if (!fs.existsSync(to)) fs.renameSync(from, to)
    else if (entry.isDirectory()) moveInto(from, to, kept)
    else kept.push([to, from])
  }
  if (fs.readdirSync(stage).length === 0) fs.rmdirSync(stage)
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

/**
 * The text of a file a plan would extend; undefined when there is none yet. `folders` keeps,
 * across calls, whether each folder exists: in one that does not, no file needs a look.
 */
export function existingText(root: string, file: string, folders: Map<string, boolean>): string | undefined {
  const dir = path.dirname(file)
  let there = folders.get(dir)
  if (there === undefined) folders.set(dir, (there = fs.existsSync(path.join(root, dir))))
  if (!there) return undefined
  const abs = path.join(root, file)
  try {
    // most targets do not exist yet: a stat that returns undefined is far cheaper than a thrown ENOENT
    return fs.statSync(abs, { throwIfNoEntry: false }) ? fs.readFileSync(abs, 'utf8') : undefined
  } catch (err) {
    throw new InputError(`cannot read test file: ${(err as Error).message}`, { file })
  }
}
