/** The registry of CLI commands; each module adds one command to the program. */
import type { Command } from 'commander'
import type { CommandResult } from './context.js'
import { registerCheck } from './check.js'
import { registerExplain } from './explain.js'
import { registerAffected } from './affected.js'
import { registerIds } from './ids.js'
import { registerInit } from './init.js'
import { registerLint } from './lint.js'
import { registerGenerate } from './generate.js'
import { registerStatus } from './status.js'

export type RegisterCommand = (program: Command, done: (result: CommandResult) => void) => void

export const COMMANDS: RegisterCommand[] = [
  registerInit,
  registerLint,
  registerIds,
  registerGenerate,
  registerStatus,
  registerCheck,
  registerExplain,
  registerAffected,
  // lint, ids, init, generate, status, check, explain, affected: one module each, added here
]
