import path from 'node:path'

/** Root-relative POSIX path, the only form specgate writes into ledgers and reports. */
export function relPosix(root: string, abs: string): string {
  return toPosix(underRoot(root, abs) ?? path.relative(root, abs))
}

function toPosix(rel: string): string {
  return path.sep === '/' ? rel : rel.split(path.sep).join('/')
}

/**
 * The common case without path.relative's resolving (called once per feature and test file): a
 * normalised absolute root and a path below it with no `.`, `..` or empty segment.
 */
function underRoot(root: string, abs: string): string | undefined {
  if (!abs.startsWith(root) || abs[root.length] !== path.sep || !isResolved(root)) return undefined
  const rel = abs.slice(root.length + 1)
  const sep = path.sep
  return rel === '' || rel.startsWith('.') || rel.startsWith(sep) || rel.endsWith(sep) || rel.includes(`${sep}.`) || rel.includes(`${sep}${sep}`) ? undefined : rel
}

let lastRoot: string | undefined
let lastResolved = false

function isResolved(root: string): boolean {
  if (root !== lastRoot) {
    lastRoot = root
    lastResolved = path.resolve(root) === root
  }
  return lastResolved
}
