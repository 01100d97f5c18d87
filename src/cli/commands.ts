/** The registry of CLI commands; each module adds one command to the program. */
import type { Command } from 'commander'
import type { CommandResult } from './context.js'

export type RegisterCommand = (program: Command, done: (result: CommandResult) => void) => void

export const COMMANDS: RegisterCommand[] = [
  // lint, ids, init, generate, status, check, explain, affected: one module each, added here
]
