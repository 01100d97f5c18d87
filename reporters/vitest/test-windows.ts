/**
 * When the reporter's work on Vitest's main thread (turning a test file's results into evidence
 * records; the rest is in the evidence thread) may run. While a test file loads, its worker asks
 * the main process for the modules it imports, so work done then holds the file up; once the file
 * is collected its tests run and it asks for little, so the reporter's work waits for that.
 * `node bench/vitest-overhead.mjs` prints what the plugin still adds to the gaps between files and
 * to the files' running time.
 */
export class TestWindows {
  private readonly running = new Set<string>()
  private over = false
  private readonly waiting: Array<() => void> = []

  /** a test file is collected: its tests run now */
  collected(id: string): void {
    this.running.add(id)
    for (const resolve of this.waiting.splice(0)) setImmediate(resolve)
  }

  ended(id: string): void {
    this.running.delete(id)
  }

  /** the run is over: whatever waits goes on */
  finish(): void {
    this.over = true
    for (const resolve of this.waiting.splice(0)) setImmediate(resolve)
  }

  /** resolves on a later turn of the event loop, while a test file runs (or once the run is over) */
  next(): Promise<void> {
    return new Promise((resolve) => {
      if (this.running.size > 0 || this.over) setImmediate(resolve)
      else this.waiting.push(resolve)
    })
  }
}
