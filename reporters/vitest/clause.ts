/** `clause(id, hash, options?)`: the Vitest test options that link a test to a SPEC clause. */
import { registry, type ClauseLink } from './meta.js'

export interface ClauseOptions {
  /** the Examples row (1-based) an Outline test runs */
  row?: number
  /** still a generated skeleton: the test is `todo` and never passes */
  skeleton?: boolean
  /** the clause's inherited tags, as the generator writes them */
  tags?: string[]
}

export interface ClauseTestOptions {
  meta: { specgate: ClauseLink }
  tags: string[]
  todo?: boolean
}

export function clause(id: string, hash: string, options: ClauseOptions = {}): ClauseTestOptions {
  checkArgs(id, hash, options)
  const link: ClauseLink = { clause: id, hash }
  if (options.row !== undefined) link.row = options.row
  if (options.skeleton) link.skeleton = true
  const result: ClauseTestOptions = { meta: { specgate: link }, tags: declaredOnly(options.tags ?? []) }
  if (options.skeleton) result.todo = true
  return result
}

/**
 * Without the plugin no tag is declared, and Vitest rejects undeclared tags; a tag the SPEC no
 * longer has (a stale or orphan test) must not break collection either: such tags are dropped.
 */
function declaredOnly(tags: readonly string[]): string[] {
  const declared = registry().tags
  return declared ? tags.filter((t) => declared.has(t)) : []
}

function checkArgs(id: unknown, hash: unknown, options: ClauseOptions): void {
  if (typeof id !== 'string' || id.trim() === '') throw new TypeError(`specgate: clause(id, hash) needs the clause id as a string, got ${typeof id}`)
  if (typeof hash !== 'string') throw new TypeError(`specgate: clause('${id}', hash) needs the clause hash as a string, got ${typeof hash}`)
  if (options.row !== undefined && !(Number.isInteger(options.row) && options.row > 0)) {
    throw new TypeError(`specgate: clause('${id}', hash, { row }) needs row as a whole number >= 1, got ${String(options.row)}`)
  }
}
