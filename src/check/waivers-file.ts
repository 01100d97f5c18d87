/**
 * The waivers file (`specgate.waivers.yaml`): reviewed exceptions, each with the line it is on.
 *
 *   waivers:
 *     - clause: AUTH-012
 *       reason: the SSO provider's sandbox is down until March
 *       owner: alice
 *       expires: 2026-03-31
 *       link: https://tracker/ISSUE-1
 *       acceptor: bob        # required for @risk: clauses
 *
 * A problem that makes the file unusable (not YAML, a missing reason, an unknown clause id) is an
 * InputError naming the line; an expired waiver is valid but stops counting (see apply-waivers).
 */
import fs from 'node:fs'
import path from 'node:path'
import { InputError } from '../diagnostics.js'
import type { Spec } from '../spec/model.js'

export interface Waiver {
  clause: string
  reason: string
  owner: string
  /** YYYY-MM-DD; the waiver counts through that day */
  expires: string
  link?: string
  acceptor?: string
  file: string
  line: number
}

/**
 * Reads the waivers file if it exists; `required` when the user named it. The YAML parser is
 * loaded only for a project that has waivers (about 25 ms of every check's start-up otherwise).
 */
export async function readWaivers(root: string, file: string, spec: Spec, required = false): Promise<Waiver[]> {
  const abs = path.resolve(root, file)
  if (!fs.existsSync(abs)) {
    if (required) throw new InputError('waivers file not found', { file })
    return []
  }
  const { parseWaivers } = await import('./parse-waivers.js')
  return parseWaivers(fs.readFileSync(abs, 'utf8'), file, spec)
}
