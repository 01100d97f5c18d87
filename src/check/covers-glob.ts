/** `@covers:` globs (`src/auth/**`, `src/**\/*.ts`, `src/{a,b}.ts`) as regular expressions over POSIX paths. */
export function globToRegExp(glob: string): RegExp {
  let out = ''
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!
    if (ch === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/'
      out += slash ? '(?:.*/)?' : '.*'
      i += slash ? 2 : 1
    } else if (ch === '*') out += '[^/]*'
    else if (ch === '?') out += '[^/]'
    else if (ch === '{') out += '(?:'
    else if (ch === '}') out += ')'
    else if (ch === ',' && open(glob, i)) out += '|'
    else out += ch.replace(/[.+^$()|[\]\\]/g, '\\$&')
  }
  // a folder covers everything under it
  return new RegExp(`^${out}(?:/.*)?$`)
}

function open(glob: string, at: number): boolean {
  const before = glob.slice(0, at)
  return before.lastIndexOf('{') > before.lastIndexOf('}')
}

export function matchesAny(file: string, globs: readonly string[]): string | undefined {
  return globs.find((g) => globToRegExp(g.replace(/^\.\//, '')).test(file))
}
