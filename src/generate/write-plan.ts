/** Carries out a plan: every file written whole and atomically, never outside its folder. */
import fs from 'node:fs'
import path from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { InputError } from '../diagnostics.js'
import type { PlannedWrite } from './plan-generate.js'
import { isInside } from './test-file-path.js'

/**
 * Synchronous on purpose: thousands of small files go faster one after another than through the
 * thread pool's promise round trips, and each folder is made once.
 */
export function writePlan(root: string, writes: readonly PlannedWrite[], dirs: readonly string[]): void {
  for (const w of writes) assertInside(root, w.path, dirs)
  const made = new Set<string>()
  for (const w of writes) {
    const dir = path.dirname(path.join(root, w.path))
    if (!made.has(dir)) fs.mkdirSync(dir, { recursive: true })
    made.add(dir)
    writeOne(root, w)
  }
}

function assertInside(root: string, file: string, dirs: readonly string[]): void {
  if (!dirs.some((d) => isInside(root, d, file))) {
    throw new InputError(`refusing to write outside the configured folders (${dirs.join(', ')})`, { file })
  }
}

/**
 * An append rewrites the whole file through a temporary file and a rename: a run killed half way
 * leaves the old file or the new one, never a torn one. The existing bytes are read again here,
 * so the new file is exactly them followed by the new block.
 */
function writeOne(root: string, w: PlannedWrite): void {
  const abs = path.join(root, w.path)
  const before = w.mode === 'append' ? fs.readFileSync(abs) : Buffer.alloc(0)
  // fsync off: the rename is what makes it atomic against a killed run; durability against power loss is the OS's job
  writeFileAtomic.sync(abs, Buffer.concat([before, Buffer.from(w.text, 'utf8')]), { fsync: false })
}

/** The text of the files a plan would extend; undefined where there is none yet. */
export async function readExisting(root: string, files: readonly string[]): Promise<Map<string, string | undefined>> {
  const out = new Map<string, string | undefined>()
  await Promise.all(files.map(async (f) => {
    out.set(f, await fs.promises.readFile(path.join(root, f), 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined
      throw new InputError(`cannot read test file: ${err.message}`, { file: f })
    }))
  }))
  return out
}
