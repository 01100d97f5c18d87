/** Fixture projects for the generate and status tests: copied under .tmp so `specgate` resolves. */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { linkSpecgate, REPO, scratch } from './cli.js'

export const GEN_FIXTURES = path.join(REPO, 'test/fixtures')

export { linkSpecgate } from './cli.js'

export function copyGenFixture(name: string): string {
  linkSpecgate()
  const dir = scratch(name)
  fs.cpSync(path.join(GEN_FIXTURES, name), dir, { recursive: true })
  return dir
}

export function read(dir: string, file: string): string {
  return fs.readFileSync(path.join(dir, file), 'utf8')
}

/** Every file under a folder, root-relative POSIX, sorted. */
export function listFiles(dir: string, under = '.'): string[] {
  const base = path.join(dir, under)
  if (!fs.existsSync(base)) return []
  return (fs.readdirSync(base, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => fs.statSync(path.join(base, f)).isFile())
    .map((f) => path.posix.join(under, f.split(path.sep).join('/')))
    .sort()
}

export interface Spawned {
  code: number
  stdout: string
  stderr: string
}

/** A tool from the repo's node_modules (vitest, playwright, tsc), spawned in a fixture project. */
export function tool(bin: 'vitest' | 'playwright' | 'tsc', args: readonly string[], cwd: string): Spawned {
  const entry = { vitest: 'vitest/vitest.mjs', playwright: '@playwright/test/cli.js', tsc: 'typescript/bin/tsc' }[bin]
  const r = spawnSync(process.execPath, [path.join(REPO, 'node_modules', entry), ...args], {
    cwd, encoding: 'utf8', env: { ...process.env, CI: '', FORCE_COLOR: '0', NO_COLOR: '1' }, maxBuffer: 256 * 1024 * 1024,
  })
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}
