/** `@covers:` globs (`src/auth/**`, `src/**\/*.ts`, `src/{a,b}.ts`, a folder) against changed files. */
import { matchesGlob } from '../util/glob.js'

export function matchesAny(file: string, globs: readonly string[]): string | undefined {
  return globs.find((g) => matchesGlob(file, g.replace(/^\.\//, '')))
}
