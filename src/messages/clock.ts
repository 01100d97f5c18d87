/** A deterministic clock for the replayed run: starts at a given instant, advances by recorded durations. */
import type * as messages from '@cucumber/messages'

export class ReplayClock {
  private ms: number
  constructor(startMs: number) {
    this.ms = startMs
  }

  now(): messages.Timestamp {
    return { seconds: Math.floor(this.ms / 1000), nanos: Math.round((this.ms % 1000) * 1e6) }
  }

  /** advances the clock and returns the duration as Cucumber writes it */
  advance(durationMs: number): messages.Duration {
    const ms = Math.max(0, Math.round(durationMs * 1000) / 1000)
    this.ms += ms
    return { seconds: Math.floor(ms / 1000), nanos: Math.round((ms % 1000) * 1e6) }
  }
}
