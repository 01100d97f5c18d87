/** `specgate init`: a commented config and a first feature file; never overwrites a file. */
import path from 'node:path'
import { Option, type Command } from 'commander'
import { InputError } from '../diagnostics.js'
import { INIT_FORMATS, type InitFormat } from '../init/starter-files.js'
import { writeStarter } from '../init/write-starter.js'
import type { RegisterCommand } from './commands.js'
import type { GlobalOptions } from './context.js'

export const registerInit: RegisterCommand = (program, done) => {
  program.command('init')
    .description('write a commented specgate.config and a starter features/example.feature (never overwrites)')
    .addOption(new Option('--format <format>', 'config file format').choices(INIT_FORMATS).default('ts'))
    .action((opts: { format: InitFormat }, cmd: Command) => {
      const root = path.resolve(cmd.optsWithGlobals<GlobalOptions>().root ?? process.cwd())
      let result
      try {
        result = writeStarter(root, opts.format)
      } catch (err) {
        throw new InputError(`cannot write the starter files: ${(err as Error).message}`, { file: root })
      }
      const lines = [
        ...result.created.map((p) => `created ${p}`),
        ...result.kept.map((k) => `kept ${k.path} (${k.reason})`),
        'next: npx specgate lint, then npx specgate generate',
      ]
      done({ exitCode: 0, stdout: lines.join('\n') })
    })
}
