/**
 * Appending to a file someone else wrote: reuse the helper names it already imports, and import
 * the missing ones under names that cannot clash with its own (import declarations are hoisted,
 * so the lines may follow the existing code without touching it). The imports are read by the
 * scanner's own reader (imported-names.ts), and a helper imported under a new name is an
 * `import { clause as clause_sg } from 'specgate/...'` that reader finds: status sees every call
 * generate writes.
 */
import { escapeName, importedNames, SPECGATE_MODULES } from '../status/imported-names.js'
import { DEFAULT_NAMES, type HelperNames } from './render-skeleton.js'
import type { StepHelper } from './step-calls.js'
import type { SkeletonRunner } from './test-file-path.js'

export interface AppendNames {
  names: HelperNames
  /** import declarations to add before the new block */
  imports: string[]
}

/** Where each helper may come from: its own module, or (for describe/test) the runner's. */
function sources(runner: SkeletonRunner): Record<string, string[]> {
  const own = SPECGATE_MODULES[runner]
  const base = runner === 'vitest' ? 'vitest' : own
  return {
    describe: runner === 'vitest' ? [base, own] : [own],
    test: runner === 'vitest' ? [base, own] : [own],
    clause: [own], Given: [own], When: [own], Then: [own], And: [own], But: [own],
  }
}

export function namesForAppend(text: string, runner: SkeletonRunner, helpers: readonly StepHelper[]): AppendNames {
  const imported = importedNames(text)
  const wanted = ['describe', 'test', 'clause', ...helpers]
  const local = new Map<string, string>()
  const missing = new Map<string, string[]>()
  for (const name of wanted) {
    const from = sources(runner)[name]!
    const found = from.map((m) => imported.get(`${m}#${name}`)?.[0]).find(Boolean)
    if (found) local.set(name, found)
    else {
      const alias = freeName(text, name)
      local.set(name, alias)
      const module = from[0]!
      missing.set(module, [...(missing.get(module) ?? []), alias === name ? name : `${name} as ${alias}`])
    }
  }
  return { names: namesFrom(runner, local), imports: [...missing].map(([m, list]) => `import { ${list.join(', ')} } from '${m}'`) }
}

function namesFrom(runner: SkeletonRunner, local: Map<string, string>): HelperNames {
  const get = (n: string): string => local.get(n) ?? n
  const steps = Object.fromEntries(Object.keys(DEFAULT_NAMES[runner].steps).map((h) => [h, get(h)])) as Record<StepHelper, string>
  const test = get('test')
  return { describe: runner === 'playwright' ? `${test}.describe` : get('describe'), test, clause: get('clause'), steps }
}

/** `name` if the file never says it, else `name_sg`, `name_sg2`, ... */
function freeName(text: string, name: string): string {
  const used = (n: string): boolean => new RegExp(`(?<![\\w$])${escapeName(n)}(?![\\w$])`).test(text)
  if (!used(name)) return name
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? `${name}_sg` : `${name}_sg${i}`
    if (!used(candidate)) return candidate
  }
}
