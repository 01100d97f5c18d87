/**
 * The evidence thread's entry point (see run-thread.ts). It lowers the thread's priority before it
 * loads anything: the thread's modules (the SPEC parser, the schema checks) took about 0.1 s of CPU
 * to load when zod was among them, which, as static imports of the thread itself, ran at normal
 * priority, beside the test files. Messages the reporter posts meanwhile wait in the port until
 * evidence-thread.ts listens.
 */
import os from 'node:os'

// Linux sets niceness per thread, so this lowers this thread only; elsewhere it would lower all of
// Vitest's main process, so the thread runs at normal priority there.
if (process.platform === 'linux') {
  try {
    os.setPriority(19)
  } catch {
    // not permitted: normal priority
  }
}

await import('./evidence-thread.js')
