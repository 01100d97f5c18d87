/**
 * One rule for every command: NO_COLOR turns colour off, FORCE_COLOR turns it on (FORCE_COLOR=0
 * off, as Node and chalk read it), else colour only on a terminal.
 */
import pc from 'picocolors'

export function colorFor(stream: 'stdout' | 'stderr'): boolean {
  if (process.env.NO_COLOR) return false
  const force = process.env.FORCE_COLOR
  if (force) return force !== '0' && force !== 'false'
  return Boolean(process[stream].isTTY) && pc.isColorSupported
}
