/**
 * The write worker: writes the new files generate renders, on the other core, while the main
 * thread parses and renders the next features. Batches of NewFile in; `null` is answered with the
 * stamps of the files written and the errors. A file that cannot be written is one error (its
 * temporary file removed); every other file is still written.
 */
import { parentPort } from 'node:worker_threads'
import { type WorkerDone, type WriteJob, writeNewFile } from './new-file.js'

const port = parentPort!
const done: WorkerDone = { stamps: [], errors: [] }

port.on('message', (job: WriteJob) => {
  if (job === null) {
    port.postMessage(done)
    port.close()
    return
  }
  for (const f of job) {
    try {
      done.stamps.push([f.rel, writeNewFile(f)])
    } catch (err) {
      done.errors.push({ message: (err as Error).message, rel: f.rel })
    }
  }
})
