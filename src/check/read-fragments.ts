/**
 * Reads ledger fragments one by one. A broken fragment (truncated, not JSON, a newer schema) does
 * not stop the others: it becomes a one-line problem naming the file, and its evidence is missing.
 */
import { InputError } from '../diagnostics.js'
import { readLedger } from '../ledger/read-ledger.js'
import type { Ledger } from '../ledger/schema.js'
import { relPosix } from '../util/paths.js'

export interface Fragment {
  /** root-relative POSIX path */
  file: string
  ledger: Ledger
}

export interface ReadFragments {
  fragments: Fragment[]
  /** `file:line:col: message`, one per fragment that could not be read */
  broken: string[]
}

export function readFragments(root: string, files: readonly string[]): ReadFragments {
  const fragments: Fragment[] = []
  const broken: string[] = []
  for (const abs of files) {
    const file = relPosix(root, abs)
    try {
      fragments.push({ file, ledger: readLedger(abs, file) })
    } catch (err) {
      if (!(err instanceof InputError)) throw err
      broken.push(err.oneLine())
    }
  }
  return { fragments, broken }
}
