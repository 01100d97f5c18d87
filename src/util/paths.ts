import path from 'node:path'

/** Root-relative POSIX path, the only form specgate writes into ledgers and reports. */
export function relPosix(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/')
}
