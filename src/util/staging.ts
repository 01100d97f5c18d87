/**
 * Staging folders: a tree of new files is built out of sight and renamed into place whole, one
 * rename per tree. The tree is `<parent>/.specgate-stage-<pid>-XXXXXX/node_modules/<name>`:
 * - beside the folder it becomes, so the rename never crosses a file system;
 * - under a `node_modules` folder, which test discovery skips everywhere (Vitest's default exclude,
 *   Playwright's walk, Jest, tsc, specgate's own test globs). A dot name alone does not hide it:
 *   Vitest globs with `dot: true`, so a killed run's half-written files would run;
 * - named by the run's process id, so the next run can remove what a dead run left behind and
 *   leaves a live one's alone.
 */
import fs from 'node:fs'
import path from 'node:path'

const PREFIX = '.specgate-stage-'
const HOLDER = 'node_modules'
const LEFT_BY = new RegExp(`^${PREFIX.replace(/\./g, '\\.')}(\\d+)-`)

/** A new staging folder that will become `<parent>/<name>`; a dead run's leftovers in `parent` go first. */
export function makeStage(parent: string, name: string): string {
  removeDeadStages(parent)
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

/** Removes the staging folders in `parent` whose run is no longer alive (killed half way, or a kept skeleton). */
export function removeDeadStages(parent: string): void {
  for (const name of fs.readdirSync(parent)) {
    const pid = LEFT_BY.exec(name)?.[1]
    if (pid !== undefined && !isAlive(Number(pid))) fs.rmSync(path.join(parent, name), { recursive: true, force: true })
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
