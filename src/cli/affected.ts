/**
 * `specgate affected --since <git-ref>`: clauses whose @covers: globs match files changed since the
 * ref (committed, staged, unstaged and untracked), and whether the latest ledger accepts them.
 * Exit 1 when an affected clause is not accepted, so CI can ask "is this diff proven?".
 */
import { execFileSync } from 'node:child_process'
import type { Command } from 'commander'
import { InputError } from '../diagnostics.js'
import { affectedClauses, renderAffected } from '../check/affected-clauses.js'
import type { RegisterCommand } from './commands.js'
import { openProject, openSpec, type CommandResult, type GlobalOptions } from './context.js'
import { latestModel } from './latest-model.js'

interface AffectedOptions {
  since: string
  json?: boolean
  ledger?: string
}

export const registerAffected: RegisterCommand = (program, done) => {
  program
    .command('affected')
    .description('clauses whose @covers: globs match files changed since a git ref, and whether the latest ledger accepts them')
    .requiredOption('--since <git-ref>', 'compare the working tree with this ref (a branch, tag or commit)')
    .option('--json', 'print the result as JSON')
    .option('--ledger <file>', 'a ledger or fragment folder to read (default: the ledger folder, else the last report\'s ledger.json)')
    .action(async (opts: AffectedOptions, cmd: Command) => {
      done(await affected(opts, cmd.optsWithGlobals<GlobalOptions>()))
    })
}

async function affected(opts: AffectedOptions, global: GlobalOptions): Promise<CommandResult> {
  const project = await openProject(global)
  const changed = changedFiles(project.root, opts.since)
  const spec = await openSpec(project)
  const model = await latestModel(project, spec, { ledger: opts.ledger })
  const list = affectedClauses(spec, changed, model)
  const stdout = opts.json ? `${JSON.stringify({ since: opts.since, changed, clauses: list }, null, 2)}\n` : renderAffected(opts.since, changed, list)
  return { exitCode: list.every((a) => a.accepted || a.verdict === 'waived') ? 0 : 1, stdout }
}

/** Root-relative POSIX paths changed since the ref, plus untracked files (a new file is a change too). */
function changedFiles(root: string, since: string): string[] {
  const diff = git(root, ['diff', '--name-only', '--relative', since, '--'], since)
  const untracked = git(root, ['ls-files', '--others', '--exclude-standard'], since)
  return [...new Set([...diff, ...untracked])].sort()
}

function git(root: string, args: string[], since: string): string[] {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 }).split('\n').filter(Boolean)
  } catch (err) {
    const stderr = String((err as { stderr?: unknown }).stderr ?? '').trim().split('\n')[0] ?? ''
    throw new InputError(`--since ${since}: git could not list changed files: ${stderr || (err as Error).message}`)
  }
}
