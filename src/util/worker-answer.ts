import type { Worker } from 'node:worker_threads'

/** The next message a worker thread posts; rejects when the thread fails or stops before it answers. */
export function workerAnswer<T>(worker: Worker, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`${what} stopped (exit code ${code}) before it answered`)))
  })
}
