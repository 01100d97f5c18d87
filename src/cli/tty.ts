/** Colour only on a terminal, and never when NO_COLOR says so (FORCE_COLOR turns it on). */
import pc from 'picocolors'

export function colorFor(stream: 'stdout' | 'stderr'): boolean {
  if (process.env.NO_COLOR) return false
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true
  return Boolean(process[stream].isTTY) && pc.isColorSupported
}
