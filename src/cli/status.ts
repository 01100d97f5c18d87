/** `specgate status`: SPEC vs tests on disk, no run needed; exit 1 when anything is out of step. */
import { Option, type Command } from 'commander'
import { DIAGNOSTIC_FORMATS, type DiagnosticFormat } from '../report/render-diagnostics.js'
import { outOfStep } from '../status/drift.js'
import { renderAccepted, renderStatus } from '../status/render-status.js'
import { acceptHashes, status } from '../status/status.js'
import type { RegisterCommand } from './commands.js'
import { featurePatterns, type GlobalOptions, noFeaturesNote, openProject, openSpec } from './context.js'
import { colorFor } from './tty.js'

interface StatusFlags {
  format: DiagnosticFormat
  acceptHash?: string[]
}

export const registerStatus: RegisterCommand = (program, done) => {
  program.command('status')
    .description('compare the SPEC with the tests on disk: uncovered clauses, stale tests, orphans, level mismatches')
    .addOption(new Option('--format <format>', 'output format').choices(DIAGNOSTIC_FORMATS).default('pretty'))
    .option('--accept-hash <id>', 'a stale test was reviewed and still holds: write the clause\'s current hash into its tests (repeatable)', collect, [])
    .action(async (flags: StatusFlags, cmd: Command) => {
      const project = await openProject(cmd.optsWithGlobals<GlobalOptions>())
      const spec = await openSpec(project)
      const input = { root: project.root, config: project.config, configFile: project.configFile }
      if (flags.acceptHash?.length) {
        done({ exitCode: 0, stdout: renderAccepted(await acceptHashes(spec, input, flags.acceptHash)) })
        return
      }
      const { drift, scan } = await status(spec, input)
      const sources = new Map([...spec.files.map((f) => [f.file, f.source] as const), ...scan.sources])
      const stdout = renderStatus(drift, { format: flags.format, color: colorFor('stdout'), source: (f) => sources.get(f) })
      done({ exitCode: outOfStep(drift) ? 1 : 0, stdout, stderr: noFeaturesNote(spec.files.length, featurePatterns(project)) })
    })
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}
