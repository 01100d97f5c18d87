/**
 * The reporter's work, off Vitest's main thread. A worker thread (run-worker.ts), at the lowest CPU
 * priority where the system sets it per thread (Linux), checks each test file's evidence against
 * the schema, makes its text in the fragment and parses the SPEC while the tests run, on CPU time
 * the tests leave idle; at the end it writes the fragment and judges the run. Vitest's main thread,
 * which the test files wait on for their modules, only turns Vitest's results into evidence
 * records and hands them over.
 */
import { Worker } from 'node:worker_threads'
import type { SpecgateConfig } from '../../src/config/schema.js'
import { InputError } from '../../src/diagnostics.js'
import type { Evidence, LedgerSource } from '../../src/ledger/schema.js'
import { workerAnswer } from '../../src/util/worker-answer.js'
import type { RunEnd } from './finish-run.js'

export interface RunInit {
  root: string
  config: SpecgateConfig
  source: LedgerSource
}

export interface RunFinish {
  errors: string[]
  color: boolean
}

/** `records`: a test file's evidence records as JSON text (see RunThread.records) */
export type RunMessage = { init: RunInit } | { records: string } | { finish: RunFinish }

/** An error thrown in the thread, as it crosses back: an input error keeps its place. */
export interface ThreadError {
  message: string
  stack?: string
  input?: { file?: string; line?: number; column?: number }
}

export type RunAnswer = { end: RunEnd } | { error: ThreadError }

export class RunThread {
  private readonly worker = new Worker(new URL('./run-worker.js', import.meta.url))

  constructor(init: RunInit) {
    this.post({ init })
  }

  /**
   * A test file's evidence, not yet checked. As JSON text: for the 5,000 records of the Vitest
   * benchmark, stringifying and posting the texts took 39 ms of Vitest's main thread in a CPU
   * profile where posting the objects had taken 68 ms; and the records' keys keep their order.
   */
  records(records: Evidence[]): void {
    if (records.length > 0) this.post({ records: JSON.stringify(records) })
  }

  /** Writes the fragment and judges the run; the thread ends after it answers. */
  async finish(finish: RunFinish): Promise<RunEnd> {
    const answer = workerAnswer<RunAnswer>(this.worker, "specgate's evidence thread")
    this.post({ finish })
    const a = await answer
    if ('end' in a) return a.end
    if (a.error.input) throw new InputError(a.error.message, a.error.input)
    throw Object.assign(new Error(a.error.message), { stack: a.error.stack })
  }

  private post(message: RunMessage): void {
    this.worker.postMessage(message)
  }
}
