/**
 * The sorted feature files cut into runs that share no test file, so each run can be parsed,
 * planned, rendered and written on its own, then dropped. Pure.
 */

/** A half-open range [start, end) of the feature list. */
export type Chunk = readonly [start: number, end: number]

/**
 * Runs of about `size` files, given each file's first target path (`keys`, in file order). A cut
 * only falls where no target path is shared across it: two features that write to one test file
 * (`a/x.feature`, `b/x.feature` under globs `a/**`, `b/**`) always land in one run, with every
 * file between them.
 */
export function chunkFeatures(keys: readonly string[], size: number): Chunk[] {
  const last = new Map<string, number>()
  keys.forEach((k, i) => last.set(k, i))
  const chunks: Chunk[] = []
  let start = 0
  let reach = -1
  for (let i = 0; i < keys.length; i++) {
    reach = Math.max(reach, last.get(keys[i]!)!)
    if (reach === i && i + 1 - start >= size) {
      chunks.push([start, i + 1])
      start = i + 1
    }
  }
  if (start < keys.length) chunks.push([start, keys.length])
  return chunks
}
