/**
 * The local names a file gives what it imports, read from its text (no parse): the scanner uses
 * them to find specgate's helpers under any name, and generate to reuse them when it appends. One
 * reader for both, so generate cannot write a call the scanner does not see. Pure.
 */

/** `module#exported` -> the local names the file binds it to, in order. */
export type ImportedNames = Map<string, string[]>

/** The modules specgate's helpers (`clause`, the steps) come from: the ones the scanner reads, and generate writes imports of. */
export const SPECGATE_MODULES: Readonly<Record<'vitest' | 'playwright', string>> = { vitest: 'specgate/vitest', playwright: 'specgate/playwright' }

/** `import { a, b as c } from 'm'` and `import d, { a } from 'm'`; not `import type { ... }`. */
const ES_IMPORT = /\bimport\s+(?:[\w$]+\s*,\s*)?\{([^}]*)\}\s*from\s*(['"])([^'"\n]+)\2/g
/** `const { a, b: c } = require('m')` and `= await import('m')`. */
const DESTRUCTURED = /\b(?:const|let|var)\s*\{([^}]*)\}\s*=\s*(?:require|await\s+import)\s*\(\s*(['"])([^'"\n]+)\2\s*\)/g
const COMMENT = /\/\/[^\n]*|\/\*[\s\S]*?\*\//g

export function importedNames(text: string): ImportedNames {
  const out: ImportedNames = new Map()
  for (const m of text.matchAll(ES_IMPORT)) addNames(out, m[3]!, m[1]!, /\s+as\s+/)
  for (const m of text.matchAll(DESTRUCTURED)) addNames(out, m[3]!, m[1]!, /\s*:\s*/)
  return out
}

function addNames(out: ImportedNames, module: string, list: string, alias: RegExp): void {
  for (const raw of list.replace(COMMENT, '').split(',')) {
    const part = raw.replace(/=[\s\S]*$/, '').trim()
    if (!part || part.startsWith('type ') || part.startsWith('...')) continue
    const [exported, local = exported] = part.split(alias).map((s) => s.trim())
    if (!exported || !local || !/^[\w$]+$/.test(local)) continue
    const key = `${module}#${exported}`
    out.set(key, [...(out.get(key) ?? []), local])
  }
}

/** The local names of a specgate helper this file imports from any specgate module. */
export function specgateLocals(imported: ImportedNames, helper: string): string[] {
  return Object.values(SPECGATE_MODULES).flatMap((m) => imported.get(`${m}#${helper}`) ?? [])
}

export function escapeName(name: string): string {
  return name.replace(/\$/g, '\\$')
}
