/**
 * The specgate reporter Vitest runs next to the user's own. At the end of a run it writes the
 * fragment, prints the clause summary and applies the gate. It may only add failures: an error
 * inside specgate is printed as such and fails the run too.
 */
import type { Reporter, TestModule, TestRunEndReason, Vitest } from 'vitest/node'
import type { SerializedError } from '@vitest/utils'
import { InputError } from '../../src/diagnostics.js'
import { finishRun } from './finish-run.js'
import { clauseLineIndex } from './locate-clauses.js'
import type { SpecgatePluginOptions } from './plugin-options.js'
import type { ProjectState } from './project-state.js'
import { runSource } from './run-source.js'
import { evidenceOfModules } from './to-evidence.js'

export class SpecgateReporter implements Reporter {
  private vitest?: Vitest

  constructor(
    private readonly state: Promise<ProjectState>,
    private readonly options: SpecgatePluginOptions,
  ) {}

  onInit(vitest: Vitest): void {
    this.vitest = vitest
  }

  /** Parses the SPEC while the tests run, off Vitest's start-up path; its errors surface at the end. */
  onTestRunStart(): void {
    this.state.then((s) => s.spec().catch(() => undefined), () => undefined)
  }

  async onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError>, reason: TestRunEndReason): Promise<void> {
    const vitest = this.vitest
    if (!vitest) return
    try {
      await this.report(vitest, modules, unhandled, reason)
    } catch (err) {
      vitest.logger.error(`specgate: ${describeError(err)}`)
      process.exitCode = 1
    }
  }

  private async report(vitest: Vitest, modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError>, reason: TestRunEndReason): Promise<void> {
    const state = await this.state
    const spec = await state.spec()
    const source = runSource(vitest, spec, this.options.label, new Date())
    const unhandledText = unhandled.map((e) => e.message ?? String(e))
    const evidence = evidenceOfModules(modules, { root: state.root, source: source.id, unhandled: unhandledText, lineOf: clauseLineIndex() })
    const errors = [
      ...unhandledText.map((m) => `Vitest reported an unhandled error: ${m}`),
      ...(reason === 'interrupted' ? ['the Vitest run was interrupted: its evidence is incomplete'] : []),
    ]
    const end = await finishRun(state, spec, source, evidence, errors, colorWanted())
    if (this.options.summary !== false) vitest.logger.log(`\n${end.summary}`)
    if (end.gateFailed && state.gate === 'enforce') {
      vitest.logger.error('specgate: the gate failed (gate: enforce), so the run fails; set gate: \'report\' to only report')
      process.exitCode = 1
    }
  }
}

function colorWanted(): boolean {
  return !process.env.NO_COLOR && (Boolean(process.env.FORCE_COLOR) || Boolean(process.stdout.isTTY))
}

function describeError(err: unknown): string {
  if (err instanceof InputError) return err.oneLine()
  if (err instanceof Error) return `internal error, the run's evidence is incomplete: ${err.stack ?? err.message}`
  return `internal error: ${String(err)}`
}
