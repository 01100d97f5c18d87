/**
 * The `specgate` entry point: the only module that touches the process (argv, stdout, exit code).
 * Each command lives in its own module and returns a CommandResult.
 */
import { Command, CommanderError } from 'commander'
import { InputError } from '../diagnostics.js'
import type { CommandResult } from './context.js'
import { commandsFor } from './commands.js'
import { specgateVersion } from '../version.js'

export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('specgate')
    .description('Gherkin SPECs with acceptance tags, mapped to the test evidence that proves them')
    .version(specgateVersion(), '-V, --version', 'print the version of specgate')
    .option('--root <dir>', 'project root (default: the current folder)')
    .option('--config <file>', 'config file (default: the first of specgate.config.{ts,mts,mjs,js,json,yaml,yml} in the root)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) })
    .showSuggestionAfterError(true)
  let result: CommandResult = { exitCode: 0 }
  for (const register of await commandsFor(argv)) {
    register(program, (r) => { result = r })
  }
  try {
    await program.parseAsync(argv, { from: 'user' })
  } catch (err) {
    return handleError(err)
  }
  if (result.stdout) process.stdout.write(result.stdout.endsWith('\n') ? result.stdout : `${result.stdout}\n`)
  if (result.stderr) process.stderr.write(result.stderr.endsWith('\n') ? result.stderr : `${result.stderr}\n`)
  return result.exitCode
}

function handleError(err: unknown): number {
  if (err instanceof CommanderError) {
    // commander already printed its one line (unknown option, missing argument, ...); help exits 0
    return err.exitCode === 0 ? 0 : 2
  }
  if (err instanceof InputError) {
    process.stderr.write(`specgate: ${err.oneLine()}\n`)
    return 2
  }
  const e = err as Error
  process.stderr.write(`specgate: internal error (a bug in specgate, please report it): ${e?.stack ?? String(err)}\n`)
  return 2
}

// A reader that stops early (`specgate check --help | head -2`) closes the pipe: what is left to
// print is not wanted, which is no error of the command; its exit code stands.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err
  })
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code },
  (err: unknown) => { process.exitCode = handleError(err) },
)
