/**
 * One rule for every command and reporter: NO_COLOR turns colour off, FORCE_COLOR turns it on
 * (FORCE_COLOR=0 off, as Node and chalk read it), else colour only on a terminal. A reporter
 * writing to a stream of its own (a Cucumber formatter's file) passes that stream.
 */
import pc from 'picocolors'

export function colorFor(stream: 'stdout' | 'stderr' | NodeJS.WritableStream): boolean {
  if (process.env.NO_COLOR) return false
  const force = process.env.FORCE_COLOR
  if (force) return force !== '0' && force !== 'false'
  const out = typeof stream === 'string' ? process[stream] : stream
  return 'isTTY' in out && out.isTTY === true && pc.isColorSupported
}
