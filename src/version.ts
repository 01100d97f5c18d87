/** specgate's own version, from its package.json (for --version and the messages' meta). */
import { createRequire } from 'node:module'

export function specgateVersion(): string {
  try {
    return (createRequire(import.meta.url)('specgate/package.json') as { version: string }).version
  } catch {
    return 'unknown (no package.json beside dist/)' // a copy of dist/ outside its package still runs
  }
}
