/**
 * The registry of CLI commands; each module adds one command to the program. Modules load on
 * demand: a run loads only the module of the command it names (start-up is part of every run),
 * help and anything unrecognised load them all, so help and suggestions stay complete.
 */
import type { Command } from 'commander'
import type { CommandResult } from './context.js'

export type RegisterCommand = (program: Command, done: (result: CommandResult) => void) => void

export const COMMANDS = {
  init: async () => (await import('./init.js')).registerInit,
  lint: async () => (await import('./lint.js')).registerLint,
  ids: async () => (await import('./ids.js')).registerIds,
  generate: async () => (await import('./generate.js')).registerGenerate,
  status: async () => (await import('./status.js')).registerStatus,
  check: async () => (await import('./check.js')).registerCheck,
  explain: async () => (await import('./explain.js')).registerExplain,
  affected: async () => (await import('./affected.js')).registerAffected,
  // lint, ids, init, generate, status, check, explain, affected: one module each, added here
} satisfies Record<string, () => Promise<RegisterCommand>>

export type CommandName = keyof typeof COMMANDS

/** Global options that take a value: the word after them is not a command name. */
const VALUE_OPTIONS = new Set(['--root', '--config'])

/** The command an argv names, when it is one of ours; undefined for help, typos and no command. */
export function commandNamed(argv: readonly string[]): CommandName | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (VALUE_OPTIONS.has(arg)) i++
    else if (!arg.startsWith('-')) return Object.hasOwn(COMMANDS, arg) ? (arg as CommandName) : undefined
  }
  return undefined
}

/** The register functions a run needs, in registry order. */
export async function commandsFor(argv: readonly string[]): Promise<RegisterCommand[]> {
  const named = commandNamed(argv)
  const names = named ? [named] : (Object.keys(COMMANDS) as CommandName[])
  return Promise.all(names.map((n) => COMMANDS[n]()))
}
