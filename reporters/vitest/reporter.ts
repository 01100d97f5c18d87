/**
 * The specgate reporter Vitest runs next to the user's own. While the tests run it turns each test
 * file's results into evidence once the next file is collected (see test-windows.ts) and hands
 * them to the evidence thread (run-thread.ts), which checks them, parses the SPEC and, at the end,
 * writes the fragment and judges the run; the reporter prints the clause summary and applies the
 * gate. It may only add failures: an error inside specgate is printed as such and fails the run too.
 */
import type { Reporter, TestModule, TestRunEndReason, Vitest } from 'vitest/node'
import type { SerializedError } from '@vitest/utils'
import { colorFor } from '../../src/cli/tty.js'
import { InputError } from '../../src/diagnostics.js'
import type { LedgerSource } from '../../src/ledger/schema.js'
import type { SpecgatePluginOptions } from './plugin-options.js'
import type { ProjectState } from './project-state.js'
import { RunThread } from './run-thread.js'
import { runSource } from './run-source.js'
import { TestWindows } from './test-windows.js'
import { evidenceOfModule } from './to-evidence.js'

interface RunInProgress {
  source: LedgerSource
  /** started once the project state is known */
  thread?: RunThread
  /** test files whose evidence is handed over */
  recorded: Set<string>
}

export class SpecgateReporter implements Reporter {
  private vitest?: Vitest
  private ready?: ProjectState
  private run?: RunInProgress
  private windows = new TestWindows()
  /** test files ended and not yet recorded */
  private ended: TestModule[] = []

  constructor(
    private readonly state: Promise<ProjectState>,
    private readonly options: SpecgatePluginOptions,
  ) {
    state.then((s) => (this.ready = s), () => undefined)
  }

  onInit(vitest: Vitest): void {
    this.vitest = vitest
  }

  onTestRunStart(): void {
    if (!this.vitest) return
    this.run = this.newRun(this.vitest)
    // watch mode: each run paces its own work
    this.windows = new TestWindows()
    this.ended = []
  }

  /** Each collected file opens a window for the evidence of the files that ended before it (see test-windows.ts). */
  onTestModuleCollected(module: TestModule): void {
    this.windows.collected(module.id)
    const ended = this.ended.splice(0)
    if (ended.length) this.windows.next().then(() => this.recordEnded(ended))
  }

  onTestModuleEnd(module: TestModule): void {
    this.windows.ended(module.id)
    this.ended.push(module)
  }

  /** Files recorded here are not recorded again at the end, where any error is reported. */
  private recordEnded(modules: readonly TestModule[]): void {
    for (const module of modules) {
      // a test that never finished is judged at the end, knowing the run's unhandled errors
      if (!this.ready || [...module.children.allTests()].some((t) => t.result().state === 'pending')) continue
      try {
        this.record(this.ready, module, [])
      } catch {
        // recorded again at the end, where the error is reported
      }
    }
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

  private newRun(vitest: Vitest): RunInProgress {
    return { source: runSource(vitest, this.options.label, new Date()), recorded: new Set() }
  }

  private threadOf(state: ProjectState): RunThread {
    const run = this.run!
    return (run.thread ??= new RunThread({ root: state.root, config: state.config, source: run.source }))
  }

  private record(state: ProjectState, module: TestModule, unhandled: readonly string[]): void {
    const run = this.run!
    if (run.recorded.has(module.id)) return
    this.threadOf(state).records(evidenceOfModule(module, { root: state.root, source: run.source.id, unhandled }))
    run.recorded.add(module.id)
  }

  private async report(vitest: Vitest, modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError>, reason: TestRunEndReason): Promise<void> {
    this.windows.finish()
    const state = await this.state
    // --merge-reports replays no test run: the run and every file's evidence are recorded here
    this.run ??= this.newRun(vitest)
    const unhandledText = unhandled.map((e) => e.message ?? String(e))
    for (const module of modules) this.record(state, module, unhandledText)
    const errors = [
      ...unhandledText.map((m) => `Vitest reported an unhandled error: ${m}`),
      ...(reason === 'interrupted' ? ['the Vitest run was interrupted: its evidence is incomplete'] : []),
    ]
    const end = await this.threadOf(state).finish({ errors, color: colorFor('stdout') })
    if (this.options.summary !== false) vitest.logger.log(`\n${end.summary}`)
    if (end.gateFailed && state.gate === 'enforce') {
      vitest.logger.error('specgate: the gate failed (gate: enforce), so the run fails; set gate: \'report\' to only report')
      process.exitCode = 1
    }
  }
}

/** One line: a user's mistake names its file; a fault of specgate's own says so and where it was thrown, for the bug report, without the whole stack. */
function describeError(err: unknown): string {
  if (err instanceof InputError) return err.oneLine()
  const message = (err instanceof Error ? err.message : String(err)).split('\n')[0]
  const at = err instanceof Error ? err.stack?.split('\n').find((line) => /^\s+at /.test(line))?.trim() : undefined
  return `internal error (a bug in specgate, please report it), the run's evidence is incomplete: ${message}${at ? ` (${at})` : ''}`
}
