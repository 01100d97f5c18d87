/**
 * The main thread's side of the write worker (write-worker.ts): new files are handed over in
 * batches and written on the other core while this thread renders the next. close() waits for
 * every write.
 */
import { Worker } from 'node:worker_threads'
import { InputError } from '../diagnostics.js'
import type { NewFile, WorkerDone, WriteJob } from './new-file.js'
import { workerAnswer } from './worker-answer.js'

/** New files per message: one message per file costs the main thread more than it saves. */
const BATCH = 64

export class WriteQueue {
  private readonly worker = new Worker(new URL('./write-worker.js', import.meta.url))
  private batch: NewFile[] = []

  /** A whole new file (see NewFile). */
  add(f: NewFile): void {
    this.batch.push(f)
    if (this.batch.length >= BATCH) this.flush()
  }

  async close(): Promise<WorkerDone> {
    this.flush()
    const done = workerAnswer<WorkerDone>(this.worker, "specgate's write worker")
    this.worker.postMessage(null satisfies WriteJob)
    return done
  }

  private flush(): void {
    if (this.batch.length > 0) this.worker.postMessage(this.batch satisfies WriteJob)
    this.batch = []
  }
}

/** The files the worker could not write, as one input error naming the first (undefined when none). */
export function writeFailure(done: WorkerDone | undefined, what: string): InputError | undefined {
  const [first, ...rest] = done?.errors ?? []
  if (!first) return undefined
  const more = rest.length > 0 ? ` (and ${rest.length} more ${rest.length === 1 ? 'file' : 'files'})` : ''
  return new InputError(`cannot write ${what}: ${first.message}${more}`, { file: first.rel })
}
