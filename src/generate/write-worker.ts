/**
 * The write worker: writes the new files generate renders, on the other core, while the main
 * thread parses and renders the next features. Batches of NewFile in; `null` means no more, and
 * is answered with the stamps of the files written (and the first error, after which it writes
 * nothing more, as the synchronous writer would have stopped).
 */
import { parentPort } from 'node:worker_threads'
import { type NewFile, type WorkerDone, writeNewFile } from './new-file.js'

const port = parentPort!
const done: WorkerDone = { stamps: [] }

port.on('message', (batch: NewFile[] | null) => {
  if (batch === null) {
    port.postMessage(done)
    port.close()
    return
  }
  for (const f of batch) {
    if (done.error) return
    try {
      done.stamps.push([f.rel, writeNewFile(f)])
    } catch (err) {
      const e = err as NodeJS.ErrnoException
      done.error = { message: e.message, code: e.code, rel: f.rel }
    }
  }
})
