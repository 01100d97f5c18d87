/**
 * `specgate/cucumber`: a cucumber-js formatter. `npx cucumber-js --format specgate/cucumber` writes a
 * ledger fragment for the scenarios Cucumber ran and prints the clause summary to the formatter's
 * stream. Options: `--format-options '{"specgate": {"label": "smoke"}}'` (see ./cucumber/options.ts).
 */
import { Formatter, type IFormatterOptions } from '@cucumber/cucumber'
import type * as messages from '@cucumber/messages'
import { colorFor } from '../src/cli/tty.js'
import { InputError } from '../src/diagnostics.js'
import { runCommit } from '../src/util/run-commit.js'
import { EnvelopeLog } from './cucumber/envelope-log.js'
import { finishRun } from './cucumber/finish-run.js'
import { readFormatterOptions, type FormatterOptions } from './cucumber/options.js'

export default class SpecgateFormatter extends Formatter {
  static override readonly documentation: string = 'Writes a specgate ledger fragment: the SPEC clauses the scenarios prove'
  private readonly envelopes = new EnvelopeLog()
  private readonly options: FormatterOptions

  constructor(options: IFormatterOptions) {
    super(options)
    this.options = oneLineErrors(() => readFormatterOptions(options.parsedArgvOptions))
    options.eventBroadcaster.on('envelope', (e: messages.Envelope) => this.envelopes.add(e))
  }

  /** Cucumber awaits this; a rejection fails the run, so an error inside specgate is never swallowed. */
  override async finished(): Promise<void> {
    const end = await oneLineErrors(() => finishRun(this.envelopes, {
      cwd: this.cwd,
      options: this.options,
      ci: Boolean(process.env.CI),
      commit: runCommit(this.cwd, process.env),
      color: colorFor(this.stream),
    }))
    if (this.options.summary) this.log(end.summary)
    await super.finished()
    if (end.enforce) throw quietError(`specgate: a gate failed (see the summary above); evidence in ${end.file}`)
  }
}

/** cucumber-js prints a thrown error with its stack; a gate failure or a user error is one line, not a crash. */
function quietError(message: string): Error {
  const err = new Error(message)
  err.stack = message
  return err
}

function oneLineErrors<T>(run: () => T): T {
  const asOneLine = (err: unknown): never => {
    throw err instanceof InputError ? quietError(`specgate: ${err.oneLine()}`) : err
  }
  try {
    const result = run()
    return (result instanceof Promise ? result.catch(asOneLine) : result) as T
  } catch (err) {
    return asOneLine(err)
  }
}
