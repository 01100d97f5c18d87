/** Spawns the built `specgate` CLI the way a user runs it; no mocks of the process or the file system. */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const CLI = path.join(REPO, 'dist/cli.js')
export const CORPUS = path.resolve(REPO, '../shared/corpora/gherkin')

export interface RunResult {
  code: number
  stdout: string
  stderr: string
}

export function specgate(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): RunResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CI: '', ...env },
    maxBuffer: 64 * 1024 * 1024,
  })
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}

/** The phases a run with SPECGATE_TIMINGS=1 named on stderr, in order. */
export function timedPhases(r: RunResult): string[] {
  return [...r.stderr.matchAll(/^specgate timing: (.+?) \d+ ms \(at \d+ ms; rss \d+ MB, heap \d+ MB\)$/gm)].map((m) => m[1]!)
}

/** A scratch folder under the repo's .tmp (so fixtures resolve the repo's node_modules), removed by the caller. */
export function scratch(name: string): string {
  const base = path.join(REPO, '.tmp')
  fs.mkdirSync(base, { recursive: true })
  return fs.mkdtempSync(path.join(base, `${name}-`))
}

/** Writes a tree of files: `{ 'features/a.feature': '...' }`. */
export function writeTree(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(root, rel)
    fs.mkdirSync(path.dirname(abs), { recursive: true })
    fs.writeFileSync(abs, text)
  }
}

export function tmpOutside(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `specgate-${name}-`))
}

/**
 * Makes `specgate` resolve the way it does in a user's project, idempotently (suites run in
 * parallel and each calls this): fixture copies under .tmp find .tmp/node_modules/specgate, and
 * tools that import reporters from their own install folder (cucumber-js `--format
 * specgate/cucumber`) find node_modules/specgate; both link to this checkout.
 */
export function linkSpecgate(): void {
  link(path.join(REPO, '.tmp/node_modules/specgate'), REPO)
  link(path.join(REPO, 'node_modules/specgate'), '..')
}

function link(at: string, target: string): void {
  if (fs.existsSync(path.join(at, 'package.json'))) return
  fs.mkdirSync(path.dirname(at), { recursive: true })
  fs.rmSync(at, { force: true })
  try {
    fs.symlinkSync(target, at, 'dir')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
  }
}

/** The colour rule's cases (src/cli/tty.ts), each with whether the output is coloured: the output is piped, never a terminal. */
export const COLOUR_CASES: readonly [env: Record<string, string>, coloured: boolean][] = [
  [{ NO_COLOR: '', FORCE_COLOR: '1' }, true],
  [{ NO_COLOR: '', FORCE_COLOR: '' }, false], // piped: no terminal
  [{ NO_COLOR: '', FORCE_COLOR: '0' }, false],
  [{ NO_COLOR: '1', FORCE_COLOR: '1' }, false],
]

/** An ANSI colour code. */
export const ESC = /\x1b\[\d+m/
