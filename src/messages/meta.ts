/** The messages' meta for this machine (the one impure piece; the CLI passes it to renderMessages). */
import os from 'node:os'
import { createRequire } from 'node:module'
import type { MessagesMeta } from './render-messages.js'

export function machineMeta(): MessagesMeta {
  const pkg = createRequire(import.meta.url)('specgate/package.json') as { version: string }
  return {
    implementation: { name: 'specgate', version: pkg.version },
    runtime: { name: 'node.js', version: process.versions.node },
    os: { name: os.platform(), version: os.release() },
    cpu: { name: os.arch() },
  }
}
