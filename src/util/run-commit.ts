/**
 * The commit a run belongs to, one rule for all three reporters and for `specgate check`: the CI
 * system's variable when there is one (it names the commit the job was started for), else the git
 * HEAD of the folder, read from the files. No git process: a reporter runs inside the test runner
 * and `check` after it, where a spawn per run costs time and git may not even be installed.
 */
import fs from 'node:fs'
import path from 'node:path'

/** CI variables that hold the commit under test, in the order they are trusted. */
export const COMMIT_VARIABLES = [
  'GITHUB_SHA', // GitHub Actions
  'CI_COMMIT_SHA', // GitLab CI, Woodpecker
  'BUILDKITE_COMMIT', // Buildkite
  'CIRCLE_SHA1', // CircleCI
  'BITBUCKET_COMMIT', // Bitbucket Pipelines
  'BUILD_SOURCEVERSION', // Azure Pipelines
  'GIT_COMMIT', // Jenkins git plugin, and a name many scripts set by hand
] as const

/** The commit of a run in `dir`, or undefined when neither a CI variable nor a git checkout says. */
export function runCommit(dir: string, env: Readonly<Record<string, string | undefined>>): string | undefined {
  for (const name of COMMIT_VARIABLES) {
    const value = env[name]?.trim()
    if (value) return value
  }
  return gitHead(dir)
}

const OBJECT_ID = /^[0-9a-f]{40}([0-9a-f]{24})?$/

/** HEAD's commit of the work tree `dir` is in; undefined when there is none or it cannot be read. */
function gitHead(dir: string): string | undefined {
  try {
    const git = findGitDir(path.resolve(dir))
    return git && resolveRef(git, 'HEAD', 0)
  } catch {
    return undefined // an unreadable repository is no commit, never an error: nothing to compare then
  }
}

interface GitDir {
  /** the work tree's own git folder: HEAD and per-worktree refs */
  own: string
  /** where the shared refs and packed-refs live (a linked worktree's main repository) */
  common: string
}

/** `.git` is a folder, or (a linked worktree, a submodule) a file `gitdir: <path>`. */
function findGitDir(start: string): GitDir | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const dotGit = path.join(dir, '.git')
    const stat = fs.statSync(dotGit, { throwIfNoEntry: false })
    if (stat?.isDirectory()) return withCommon(dotGit)
    if (stat?.isFile()) {
      const target = /^gitdir: (.+)$/m.exec(fs.readFileSync(dotGit, 'utf8'))?.[1]?.trim()
      return target ? withCommon(path.resolve(dir, target)) : undefined
    }
    if (path.dirname(dir) === dir) return undefined
  }
}

function withCommon(own: string): GitDir {
  const common = readIfThere(path.join(own, 'commondir'))?.trim()
  return { own, common: common ? path.resolve(own, common) : own }
}

/** A ref's commit: a symbolic ref (`ref: refs/heads/main`) is followed, loose files before packed-refs. */
function resolveRef(git: GitDir, ref: string, depth: number): string | undefined {
  if (depth > 5) return undefined // a loop of symbolic refs
  const text = (readIfThere(path.join(git.own, ref)) ?? readIfThere(path.join(git.common, ref)))?.trim()
  if (text === undefined) return packedRef(git.common, ref)
  if (text.startsWith('ref:')) return resolveRef(git, text.slice(4).trim(), depth + 1)
  return OBJECT_ID.test(text) ? text : undefined
}

function packedRef(common: string, ref: string): string | undefined {
  const lines = readIfThere(path.join(common, 'packed-refs'))?.split('\n') ?? []
  for (const line of lines) {
    const [id, name] = line.trim().split(' ')
    if (name === ref && id && OBJECT_ID.test(id)) return id
  }
  return undefined
}

function readIfThere(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined
    throw err
  }
}
