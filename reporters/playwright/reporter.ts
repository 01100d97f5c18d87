/**
 * The Playwright reporter: at the end of the run, every clause-linked test becomes Evidence, the
 * fragment is written to config `ledgerDir`, and the per-clause summary is printed. A failing gate
 * (enforce) or a run rejected for empty state fails the run; after `playwright merge-reports`,
 * which ignores onEnd's status, it throws so the process still exits non-zero.
 */
import type { FullConfig, FullResult, Reporter, Suite, TestError } from '@playwright/test/reporter'
import { colorFor } from '../../src/cli/tty.js'
import { runCommit } from '../../src/util/run-commit.js'
import { projectRoot } from './settings.js'
import { toEvidence } from './to-evidence.js'

export interface SpecgateReporterOptions {
  /** project root (default: the Playwright config's folder) */
  root?: string
  /** the specgate config file, relative to root */
  config?: string
  /** overrides config `gate` */
  gate?: 'enforce' | 'report'
  /** names this Playwright config's fragments when a project runs several */
  label?: string
  /** the run covers only part of the tests (a file filter): clauses it did not run are not uncovered */
  partial?: boolean
}

export class SpecgateReporter implements Reporter {
  private config?: FullConfig
  private suite?: Suite
  private readonly errors: string[] = []
  private ownFailure?: string

  constructor(private readonly options: SpecgateReporterOptions = {}) {
    // workers inherit the environment: the fixture then reads the same specgate config
    if (options.root) process.env.SPECGATE_ROOT = options.root
  }

  printsToStdio(): boolean {
    return true
  }

  onBegin(config: FullConfig, suite: Suite): void {
    this.config = config
    this.suite = suite
  }

  onError(error: TestError): void {
    const message = error.message ?? error.value ?? 'unknown error'
    if (this.ownFailure && message.includes(this.ownFailure)) return
    this.errors.push(message.split('\n')[0]!)
  }

  async onEnd(result: FullResult): Promise<{ status?: FullResult['status'] } | undefined> {
    const outcome = await this.finish()
    if (!outcome) return undefined
    if (isMerge()) {
      process.stderr.write(`${outcome}\n`)
      this.ownFailure = outcome
      throw new Error(outcome)
    }
    return { status: result.status === 'passed' ? 'failed' : result.status }
  }

  /** Prints the summary; returns why the run must fail. */
  private async finish(): Promise<string | undefined> {
    const root = this.options.root ?? projectRoot(this.config?.configFile)
    const tests = this.suite?.allTests() ?? []
    try {
      const { finishRun } = await import('./finish-run.js')
      const outcome = await finishRun({
        root,
        configFile: this.options.config,
        label: this.options.label,
        shard: shardOf(this.config),
        partial: this.options.partial,
        gate: this.options.gate,
        ci: Boolean(process.env.CI),
        color: colorFor('stdout'),
        commit: runCommit(root, process.env),
        evidence: (source) => tests.flatMap((t) => toEvidence(t, { source, root }) ?? []),
        errors: this.errors,
      })
      process.stdout.write(`\n${outcome.summary}`)
      return outcome.failure
    } catch (err) {
      const message = oneLine(err)
      process.stderr.write(`specgate: ${message}\n`)
      return `specgate could not report this run: ${message}`
    }
  }
}

function shardOf(config: FullConfig | undefined): { index: number; total: number } | undefined {
  const shard = config?.shard
  return shard ? { index: shard.current, total: shard.total } : undefined
}

function oneLine(err: unknown): string {
  const e = err as { oneLine?: () => string; message?: string }
  return typeof e.oneLine === 'function' ? e.oneLine() : String(e.message ?? err).split('\n')[0]!
}

/** `playwright merge-reports` exits with 0 whatever onEnd returns; only a reporter error fails it. */
function isMerge(): boolean {
  return process.argv.includes('merge-reports')
}
