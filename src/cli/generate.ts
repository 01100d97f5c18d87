/** `specgate generate [paths...]`: a skeleton for every clause that has no test yet. */
import type { Command } from 'commander'
import { generate, generateCached } from '../generate/generate.js'
import { type GenerateMode, renderGenerate } from '../generate/render-generate.js'
import type { RegisterCommand } from './commands.js'
import { featurePatterns, type GlobalOptions, noFeaturesNote, openProject } from './context.js'
import { phaseDone } from '../util/timings.js'

interface GenerateFlags {
  dryRun?: boolean
  check?: boolean
}

export const registerGenerate: RegisterCommand = (program, done) => {
  program.command('generate')
    .description('write a Vitest or Playwright test skeleton for every clause that has no test yet')
    .argument('[paths...]', 'feature files, folders or globs (default: the configured features globs)')
    .option('--dry-run', 'print what would be written, write nothing')
    .option('--check', 'write nothing; exit 1 if any clause has no test (for CI)')
    .action(async (paths: string[], flags: GenerateFlags, cmd: Command) => {
      const project = await openProject(cmd.optsWithGlobals<GlobalOptions>())
      phaseDone('start-up and config')
      const mode: GenerateMode = flags.check ? 'check' : flags.dryRun ? 'dry-run' : 'write'
      const options = { root: project.root, config: project.config, configFile: project.configFile, dryRun: mode !== 'write' }
      // the fast path covers the whole SPEC only; named paths always take the full run
      const result = paths.length ? await generate({ ...options, paths }) : await generateCached(options)
      const missing = mode === 'check' && result.writes.length > 0
      const notes = [noFeaturesNote(result.features, featurePatterns(project, paths)), 'warning' in result ? result.warning : undefined]
      const stderr = notes.filter(Boolean).join('\n') || undefined
      done({ exitCode: missing || result.errors.length ? 1 : 0, stdout: renderGenerate(result, mode), stderr })
    })
}
