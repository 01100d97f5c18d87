/** `specgate explain <clause-id> [--json]`: everything about one clause, and what would make it accepted. */
import type { Command } from 'commander'
import { InputError } from '../diagnostics.js'
import { nearIdHint } from '../spec/near-id.js'
import { explainClause, renderExplanation } from '../check/explain-clause.js'
import type { RegisterCommand } from './commands.js'
import { openProject, openSpec, type CommandResult, type GlobalOptions } from './context.js'
import { latestModel } from './latest-model.js'

interface ExplainOptions {
  json?: boolean
  ledger?: string
}

export const registerExplain: RegisterCommand = (program, done) => {
  program
    .command('explain')
    .description('everything about one clause: Gherkin text, tests, latest evidence and verdict, waiver, and what would make it accepted')
    .argument('<clause-id>', 'the clause id, e.g. AUTH-012')
    .option('--json', 'print the same as JSON, for agents')
    .option('--ledger <file>', 'a ledger or fragment folder to read (default: the ledger folder, else the last report\'s ledger.json)')
    .action(async (id: string, opts: ExplainOptions, cmd: Command) => {
      done(await explain(id, opts, cmd.optsWithGlobals<GlobalOptions>()))
    })
}

async function explain(id: string, opts: ExplainOptions, global: GlobalOptions): Promise<CommandResult> {
  const project = await openProject(global)
  const spec = await openSpec(project)
  if (!spec.byId.has(id)) throw new InputError(`the SPEC has no clause ${id}${nearIdHint(id, spec)}`)
  const model = await latestModel(project, spec, { ledger: opts.ledger })
  const x = explainClause(model, id, project.config)!
  return { exitCode: 0, stdout: opts.json ? `${JSON.stringify(x, null, 2)}\n` : renderExplanation(x) }
}
