/** `specgate ids [paths...] [--write]`: lists (or writes) a new id for every clause without one. */
import { Option, type Command } from 'commander'
import { idsNamedByTests } from '../ids/ids-named-by-tests.js'
import { type Assignment, planIds } from '../ids/plan-ids.js'
import { writeIds } from '../ids/write-ids.js'
import type { Diagnostic } from '../diagnostics.js'
import { plural } from '../report/render-diagnostics.js'
import type { RegisterCommand } from './commands.js'
import { featurePatterns, type GlobalOptions, noFeaturesNote, openProject, openSpec } from './context.js'

interface IdsOptions {
  write?: boolean
  format: 'pretty' | 'json'
}

export const registerIds: RegisterCommand = (program, done) => {
  program.command('ids')
    .description('give every clause without an @id: tag a new unique id (lists them; --write edits the files)')
    .argument('[paths...]', 'feature files, folders or globs (default: the configured features globs)')
    .option('--write', 'write the new ids into the feature files (only tag lines change)')
    .addOption(new Option('--format <format>', 'output format').choices(['pretty', 'json']).default('pretty'))
    .action(async (paths: string[], opts: IdsOptions, cmd: Command) => {
      const project = await openProject(cmd.optsWithGlobals<GlobalOptions>())
      const spec = await openSpec(project, paths)
      const plan = planIds(spec, project.config, await idsNamedByTests(project.root, project.config, project.configFile))
      const { written, refused } = opts.write ? writeIds(spec, plan) : { written: [], refused: [] }
      const problems = [...plan.skipped, ...refused]
      const listed = opts.write ? written : plan.assignments
      const stdout = opts.format === 'json'
        ? `${JSON.stringify({ written: Boolean(opts.write), assignments: listed.map(toJson), problems }, null, 2)}\n`
        : renderPretty(listed, problems, Boolean(opts.write))
      done({ exitCode: problems.length ? 1 : 0, stdout, stderr: noFeaturesNote(spec.files.length, featurePatterns(project, paths)) })
    })
}

function toJson(a: Assignment): { file: string; line: number; id: string; clause: string } {
  return { file: a.file, line: a.clause.line, id: a.id, clause: a.clause.name }
}

function renderPretty(listed: readonly Assignment[], problems: readonly Diagnostic[], write: boolean): string {
  const out = listed.map((a) => `${a.file}:${a.clause.line}: @id:${a.id}  ${a.clause.keyword}: ${a.clause.name}`)
  for (const p of problems) out.push(`${p.file}:${p.line ?? 1}:${p.column ?? 1}: not changed, ${p.rule === 'parse-error' ? `does not parse: ${p.message}` : p.message}`)
  const files = new Set(listed.map((a) => a.file)).size
  if (!listed.length) out.push(problems.length ? 'no ids assigned' : 'every clause has an id')
  else if (write) out.push(`wrote ${plural(listed.length, 'id')} in ${plural(files, 'file')}`)
  else out.push(`would write ${plural(listed.length, 'id')} in ${plural(files, 'file')}; run \`specgate ids --write\` to write them`)
  return out.join('\n')
}
