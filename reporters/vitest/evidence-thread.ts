/**
 * The evidence thread (see run-thread.ts), loaded by run-worker.ts at the lowest priority: its own
 * SPEC parse, each file's evidence located (the line of each test, when Vitest has none), checked
 * and made into text as it comes, and at the end the fragment, the verdicts and the summary.
 */
import { parentPort } from 'node:worker_threads'
import { InputError } from '../../src/diagnostics.js'
import { checkEvidence, evidenceText } from '../../src/ledger/fragment-io.js'
import type { Evidence } from '../../src/ledger/schema.js'
import { loadSpec } from '../../src/spec/load-spec.js'
import type { Spec } from '../../src/spec/model.js'
import { finishRun } from './finish-run.js'
import { clauseLineIndex, locateTests } from './locate-clauses.js'
import type { RunAnswer, RunFinish, RunInit, RunMessage, ThreadError } from './run-thread.js'

const port = parentPort!

let init: RunInit | undefined
let spec: Promise<Spec> | undefined
const evidence: Evidence[] = []
const texts = new Map<Evidence, string>()
const lineOf = clauseLineIndex()
/** the first error while checking records; reported at the end, with the run */
let failure: unknown

port.on('message', (m: RunMessage) => {
  if ('init' in m) {
    init = m.init
    spec = loadSpec({ root: m.init.root, paths: m.init.config.features })
    spec.catch(() => undefined) // awaited at the end, where its error is reported
  } else if ('records' in m) {
    if (failure !== undefined) return
    try {
      for (const e of checkEvidence(locateTests(JSON.parse(m.records) as Evidence[], init!.root, lineOf))) {
        evidence.push(e)
        texts.set(e, evidenceText(e))
      }
    } catch (err) {
      failure = err
    }
  } else {
    void finish(m.finish)
  }
})

async function finish(f: RunFinish): Promise<void> {
  let answer: RunAnswer
  try {
    if (failure !== undefined) throw failure
    if (!init || !spec) throw new Error('the evidence thread was never told about the run')
    answer = { end: await finishRun(init, await spec, init.source, { evidence, texts }, f.errors, f.color) }
  } catch (err) {
    answer = { error: threadError(err) }
  }
  port.postMessage(answer)
  port.close()
}

function threadError(err: unknown): ThreadError {
  if (err instanceof InputError) return { message: err.message, input: { file: err.file, line: err.line, column: err.column } }
  return err instanceof Error ? { message: err.message, stack: err.stack } : { message: String(err) }
}
