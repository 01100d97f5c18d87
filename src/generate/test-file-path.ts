/**
 * Where a feature's skeletons go: the configured folder, mirroring the feature's path. Every
 * segment is made safe, so no feature path can lead outside the folder or name an odd file.
 */
import { createHash } from 'node:crypto'
import path from 'node:path'

export type SkeletonRunner = 'vitest' | 'playwright'

export const TEST_SUFFIX: Record<SkeletonRunner, string> = { vitest: '.test.ts', playwright: '.spec.ts' }

/**
 * Longest segment kept as is, in UTF-8 bytes (what file systems count: 255 per name); longer ones
 * are cut (and the path marked with a hash). Room is left for the hash, the test suffix and a
 * temporary file's `.<name>.<pid>-<n>.tmp`.
 */
const MAX_SEGMENT = 80

/**
 * `features/auth/login.feature` -> `test/spec/auth/login.test.ts` (root-relative POSIX; `dir` is
 * a checked root-relative folder, see folderInside).
 * `featureGlobs` give the part of the path not to mirror (the static start of the glob that
 * matches); the configured globs are used, not the command line's, so the mapping is stable.
 */
export function testFilePath(featureFile: string, featureGlobs: readonly string[], dir: string, runner: SkeletonRunner): string {
  let known = STEMS.get(featureGlobs)
  if (!known) STEMS.set(featureGlobs, (known = { bases: featureGlobs.map(staticBase), stems: new Map() }))
  let stem = known.stems.get(featureFile)
  if (stem === undefined) known.stems.set(featureFile, (stem = uniqueStem(featureFile, known.bases)))
  // `dir` is normalised and not empty (folderInside), and every segment of a stem is a plain name: the join needs no normalising
  return `${dir}/${stem}${TEST_SUFFIX[runner]}`
}

/** A feature's stem is asked for once per runner and again when planned: worked out once per globs list, as are the globs' static bases. */
const STEMS = new WeakMap<readonly string[], { bases: string[]; stems: Map<string, string> }>()

function uniqueStem(featureFile: string, bases: readonly string[]): string {
  const { stem, changed } = safeStem(stripBase(featureFile, bases))
  // a name that had to be changed could meet another one's; the hash of the original keeps them apart
  return changed ? `${stem}-${shortHash(featureFile)}` : stem
}

/** A configured folder as a root-relative POSIX path; undefined when it points outside the root. */
export function folderInside(root: string, dir: string): string | undefined {
  const abs = path.resolve(root, dir)
  const rel = path.relative(root, abs).split(path.sep).join('/')
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel
}

function stripBase(file: string, bases: readonly string[]): string {
  for (const base of bases) {
    if (base && file.startsWith(`${base}/`)) return file.slice(base.length + 1)
  }
  return file
}

/** `features/**\/*.feature` -> `features`; `./specs/a.feature` -> `specs` */
export function staticBase(glob: string): string {
  const parts = glob.split('/').filter((p) => p && p !== '.')
  const base: string[] = []
  for (const p of parts.slice(0, -1)) {
    if (/[*?{}[\]()!]/.test(p)) break
    base.push(p)
  }
  return base.join('/')
}

/** The path without its `.feature` / `.feature.md` ending, every segment made safe. */
function safeStem(rel: string): { stem: string; changed: boolean } {
  const md = rel.endsWith('.feature.md')
  const bare = rel.replace(/\.feature(\.md)?$/, '') + (md ? '.md' : '')
  const parts = bare.split('/').map(safeSegment)
  return { stem: parts.map((p) => p.text).join('/'), changed: parts.some((p) => p.changed) }
}

/** Most segments: ASCII letters, digits, `.`, `_` and `-`, not starting with `.` or `-`, short: already safe as they are. */
const PLAIN_SEGMENT = new RegExp(`^[A-Za-z0-9_][A-Za-z0-9._-]{0,${MAX_SEGMENT - 1}}$`)

/** Letters, digits, `.`, `_` and `-` only; never `.`/`..`/hidden; at most MAX_SEGMENT bytes. */
export function safeSegment(segment: string): { text: string; changed: boolean } {
  if (PLAIN_SEGMENT.test(segment)) return { text: segment, changed: false }
  let text = segment.normalize('NFC').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[.-]+/, '')
  if (!text) text = '_'
  // cut, not hashed here: a changed path gets the hash of the whole original path (testFilePath)
  text = cutToBytes(text, MAX_SEGMENT)
  return { text, changed: text !== segment }
}

/** The longest start of `text` of at most `max` UTF-8 bytes, never splitting a character. */
function cutToBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text
  let bytes = 0
  let end = 0
  for (const ch of text) {
    bytes += Buffer.byteLength(ch)
    if (bytes > max) break
    end += ch.length
  }
  return text.slice(0, end)
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 6)
}
