/**
 * `clause(id, hash, options?)`: the link from a Playwright test to its SPEC clause, as test details.
 * Id and hash travel as annotations (they survive the blob reporter and merge-reports); the tags let
 * `--grep @id:KEYS-010` pick a clause.
 */
export interface ClauseOptions {
  /** 1-based Examples row of a Scenario Outline */
  row?: number
  /** the body is still a generated skeleton: the test is skipped as fixme and never passes */
  skeleton?: boolean
  /** the clause's inherited tags, as the generator writes them (`@e2e`, `@owner:core`) */
  tags?: string[]
}

export interface ClauseDetails {
  tag: string[]
  annotation: { type: string; description: string }[]
}

export const SKELETON_NOTE = 'specgate skeleton: not implemented'

export function clause(id: string, hash: string, options: ClauseOptions = {}): ClauseDetails {
  if (typeof id !== 'string' || !id.trim()) throw new TypeError(`specgate: clause(id, hash) needs the clause id as a string, got ${typeof id}`)
  if (typeof hash !== 'string') throw new TypeError(`specgate: clause('${id}', hash) needs the clause hash as a string, got ${typeof hash}`)
  if (options.row !== undefined && !(Number.isInteger(options.row) && options.row > 0)) {
    throw new TypeError(`specgate: clause('${id}', hash, { row }) needs row as a whole number >= 1, got ${String(options.row)}`)
  }
  const annotation = [
    { type: 'specgate:clause', description: id },
    { type: 'specgate:hash', description: hash },
  ]
  if (options.row !== undefined) annotation.push({ type: 'specgate:row', description: String(options.row) })
  // Playwright 1.65 skips a test whose details carry a `fixme` annotation: a skeleton never passes.
  if (options.skeleton) annotation.push({ type: 'fixme', description: `${SKELETON_NOTE}: ${id}` })
  const tags = (options.tags ?? []).map((t) => (t.startsWith('@') ? t : `@${t}`)).filter((t) => !/\s/.test(t))
  return { tag: [...new Set([...tags, `@id:${id}`])], annotation }
}
