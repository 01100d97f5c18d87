/**
 * Staging folders: a tree of new files is built out of sight and renamed into place whole, one
 * rename per tree. The tree is `<parent>/.specgate-stage-<pid>-XXXXXX/node_modules/<name>`:
 * - beside the folder it becomes, so the rename never crosses a file system;
 * - under a `node_modules` folder, which Vitest's default exclude, Playwright's walk and specgate's
 *   own test globs all skip (generate.test.ts runs both runners on a killed run's leftovers). A dot
 *   name alone does not hide it: both runners find test files in dot folders;
 * - named by the run's process id, so a later run can remove what a dead run left behind (killed
 *   half way, or a skeleton kept aside) and leaves a live one's alone.
 */
import fs from 'node:fs'
import path from 'node:path'
import { InputError } from '../diagnostics.js'

const PREFIX = '.specgate-stage-'
const HOLDER = 'node_modules'
const LEFT_BY = new RegExp(`^${PREFIX.replace(/\./g, '\\.')}(\\d+)-`)

/**
 * A new staging folder that will become `<parent>/<name>`. Dead runs' leftovers are not looked for
 * here: removeDeadStages swept `parent`, with every other folder a stage could be in, before the run wrote.
 */
export function makeStage(parent: string, name: string): string {
  const wrapper = fs.mkdtempSync(path.join(parent, `${PREFIX}${process.pid}-`))
  // mkdir, not mkdtemp, for the folder that is renamed into place: it gets the umask's mode, not 0700
  fs.mkdirSync(path.join(wrapper, HOLDER))
  const at = path.join(wrapper, HOLDER, name)
  fs.mkdirSync(at)
  return at
}

/** After the stage's tree has moved out: removes the folders around it, when nothing is left in them. */
export function dropStage(at: string): void {
  const holder = path.dirname(at)
  for (const dir of [at, holder, path.dirname(holder)]) {
    try {
      fs.rmdirSync(dir)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code === 'ENOENT') continue
      if (code === 'ENOTEMPTY' || code === 'EEXIST') return
      throw err
    }
  }
}

/**
 * Removes dead runs' staging folders from every folder a stage for one of `files` (root-relative
 * POSIX) could have been made in: a stage goes beside the top-most missing folder on a file's way,
 * so into the root or any existing folder above a file's own. Wherever the last run stopped, the
 * next one that writes these files finds what it left. Top down, one read per existing folder: a
 * folder its parent does not list is not looked for.
 */
export function removeDeadStages(root: string, files: Iterable<string>): void {
  sweep(root, '', foldersAbove(files))
}

/** folder ('' the root) -> the child folders on the way to a file's own folder */
type Way = Map<string, Set<string>>

function foldersAbove(files: Iterable<string>): Way {
  const way: Way = new Map()
  const done = new Set<string>()
  for (const file of files) {
    const dir = file.slice(0, Math.max(0, file.lastIndexOf('/')))
    if (done.has(dir)) continue
    done.add(dir)
    let at = ''
    for (const part of dir.split('/').slice(0, -1)) {
      let children = way.get(at)
      if (!children) way.set(at, (children = new Set()))
      children.add(part)
      at = at ? `${at}/${part}` : part
    }
  }
  return way
}

function sweep(dir: string, rel: string, way: Way): void {
  const next = way.get(rel)
  for (const entry of readFolder(dir, rel)) {
    const pid = LEFT_BY.exec(entry.name)?.[1]
    if (pid !== undefined) {
      if (!isAlive(Number(pid))) fs.rmSync(path.join(dir, entry.name), { recursive: true, force: true })
    } else if (next?.has(entry.name) && (entry.isDirectory() || entry.isSymbolicLink())) {
      sweep(path.join(dir, entry.name), rel ? `${rel}/${entry.name}` : entry.name, way)
    }
  }
}

function readFolder(dir: string, rel: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true })
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    // gone meanwhile, or a symlink to a file: no stage can be in it
    if (code === 'ENOENT' || code === 'ENOTDIR') return []
    throw new InputError(`cannot read folder: ${(err as Error).message}`, { file: rel || '.' })
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: alive, another user's
    return (err as NodeJS.ErrnoException).code !== 'ESRCH'
  }
}
