/** The messages' meta for this machine (the one impure piece; the CLI passes it to renderMessages). */
import os from 'node:os'
import { specgateVersion } from '../version.js'
import type { MessagesMeta } from './render-messages.js'

export function machineMeta(): MessagesMeta {
  return {
    implementation: { name: 'specgate', version: specgateVersion() },
    runtime: { name: 'node.js', version: process.versions.node },
    os: { name: os.platform(), version: os.release() },
    cpu: { name: os.arch() },
  }
}
