/**
 * Where a command's time goes: with SPECGATE_TIMINGS set, each phase's wall time goes to stderr as
 * it ends (`specgate timing: read 84 ms (at 356 ms; rss 120 MB, heap 60 MB)`, "at" counted from the
 * process's start, the memory as the phase ends). For the benchmarks and for anyone who asks why
 * a run is slow; silent and next to free otherwise.
 */
import { performance } from 'node:perf_hooks'

const ON = Boolean(process.env.SPECGATE_TIMINGS)
let last = 0

/** Ends the phase that began where the last one ended (the first began at the process's start). */
export function phaseDone(name: string): void {
  if (!ON) return
  const now = performance.now()
  const { rss, heapUsed } = process.memoryUsage()
  process.stderr.write(`specgate timing: ${name} ${Math.round(now - last)} ms (at ${Math.round(now)} ms; rss ${mb(rss)} MB, heap ${mb(heapUsed)} MB)\n`)
  last = now
}

function mb(bytes: number): number {
  return Math.round(bytes / 1e6)
}
