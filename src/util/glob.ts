/** A path glob (`features/auth/**`, `*.feature`, `{a,b}`) as a RegExp over root-relative POSIX paths. */
export function globToRegExp(glob: string): RegExp {
  let out = ''
  let braces = 0
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!
    if (ch === '*' && glob[i + 1] === '*') {
      // `**/` matches any number of folders, a trailing `**` anything at all
      const slash = glob[i + 2] === '/'
      out += slash ? '(?:.*/)?' : '.*'
      i += slash ? 2 : 1
    } else if (ch === '*') out += '[^/]*'
    else if (ch === '?') out += '[^/]'
    else if (ch === '{') [out, braces] = [`${out}(?:`, braces + 1]
    else if (ch === '}' && braces) [out, braces] = [`${out})`, braces - 1]
    else if (ch === ',' && braces) out += '|'
    else out += ch.replace(/[.+^$(){}|,[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${out}$`)
}

/** A folder glob also matches what is inside it: `features/auth` covers `features/auth/a.feature`. */
export function matchesGlob(file: string, glob: string): boolean {
  const g = glob.replace(/\/+$/, '')
  return globToRegExp(g).test(file) || globToRegExp(`${g}/**`).test(file)
}
