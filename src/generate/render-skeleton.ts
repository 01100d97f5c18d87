/**
 * Skeleton source, as pure functions of the clause model: a whole test file for a feature, or the
 * block appended to an existing one. The shape is the runtime contract's (clause(), step helpers).
 */
import type { Case, Clause } from '../spec/model.js'
import { SPECGATE_MODULES } from '../status/imported-names.js'
import { objectKey, quote } from './js-literal.js'
import { addStepHelpers, stepCalls, type StepCall, type StepHelper, substitute } from './step-calls.js'
import type { SkeletonRunner } from './test-file-path.js'

/** One test to write: a clause, or one Examples row of an Outline. */
export interface SkeletonCase {
  clause: Clause
  case: Case
}

/** The local names the file uses for the helpers (an existing file may import them under others). */
export interface HelperNames {
  describe: string
  test: string
  clause: string
  steps: Record<StepHelper, string>
}

export const DEFAULT_NAMES: Record<SkeletonRunner, HelperNames> = {
  vitest: { describe: 'describe', test: 'test', clause: 'clause', steps: { Given: 'Given', When: 'When', Then: 'Then', And: 'And', But: 'But' } },
  playwright: { describe: 'test.describe', test: 'test', clause: 'clause', steps: { Given: 'Given', When: 'When', Then: 'Then', And: 'And', But: 'But' } },
}

export const SKELETON_COMMENT = '// specgate skeleton: fill in the steps, then delete `skeleton: true`'

/** A new test file: the imports, then one describe block for the feature. */
export function renderFile(runner: SkeletonRunner, cases: readonly SkeletonCase[]): string {
  const helpers = usedHelpers(cases)
  const head = runner === 'vitest'
    ? [`import { describe, test } from 'vitest'`, `import { ${['clause', ...helpers].join(', ')} } from '${SPECGATE_MODULES.vitest}'`]
    : [`import { ${['test', 'clause', ...helpers].join(', ')} } from '${SPECGATE_MODULES.playwright}'`]
  return `${head.join('\n')}\n\n${renderFeatureBlock(cases, DEFAULT_NAMES[runner])}`
}

/** The step helpers the cases call, in a fixed order (they depend on the steps' kinds, not on row values). */
export function usedHelpers(cases: readonly SkeletonCase[]): StepHelper[] {
  const used = new Set<StepHelper>()
  let last: Clause | undefined
  for (const { clause } of cases) {
    // an Outline's rows are consecutive cases of one clause, and the steps' helpers do not change with the row
    if (clause === last) continue
    last = clause
    addStepHelpers(clause, used)
  }
  return HELPER_ORDER.filter((h) => used.has(h))
}

const HELPER_ORDER: readonly StepHelper[] = ['Given', 'When', 'Then', 'And', 'But']

/**
 * `describe(feature) { tests; describe(rule) { tests } }`, in the feature's order. Built as one
 * list of lines, each indented once as it is made (no text is split and indented again).
 */
export function renderFeatureBlock(cases: readonly SkeletonCase[], names: HelperNames): string {
  const first = cases[0]
  if (!first) return ''
  const out: string[] = [describeLine(names, first.clause.feature.name)]
  for (const group of groupByRule(cases)) {
    const inRule = group.rule !== undefined
    if (inRule) out.push(`  ${describeLine(names, group.rule!)}`)
    for (const c of group.cases) renderTest(out, inRule ? '    ' : '  ', c, names)
    if (inRule) out.push('  })')
  }
  out.push('})')
  return `${out.join('\n')}\n`
}

function describeLine(names: HelperNames, title: string): string {
  return `${names.describe}(${quote(title)}, () => {`
}

/** Consecutive cases of the same Rule (Gherkin puts all free scenarios before the first Rule). */
function groupByRule(cases: readonly SkeletonCase[]): { rule?: string; cases: SkeletonCase[] }[] {
  const groups: { rule?: string; line?: number; cases: SkeletonCase[] }[] = []
  for (const c of cases) {
    const last = groups[groups.length - 1]
    if (last && last.line === c.clause.rule?.line) last.cases.push(c)
    else groups.push({ rule: c.clause.rule?.name, line: c.clause.rule?.line, cases: [c] })
  }
  return groups
}

/**
 * One test's lines, each with the given indent, onto `out`. Every line is single (quote() escapes
 * line breaks). Nothing is declared that the skeleton does not use (no `expect`, `{ page }`,
 * `({ dataTable })` until a step needs them): it compiles under noUnusedLocals and noUnusedParameters.
 */
function renderTest(out: string[], pad: string, sc: SkeletonCase, names: HelperNames): void {
  const { clause: cl, case: kase } = sc
  const inner = `${pad}  `
  out.push(
    pad + SKELETON_COMMENT,
    `${pad}${names.test}(${quote(testTitle(sc))}, ${names.clause}(${quote(cl.id ?? cl.key)}, ${quote(cl.hash)}, ${clauseOptions(sc)}), async () => {`,
  )
  if (kase.values) out.push(`${inner}const row = ${rowObject(kase.values)}`, `${inner}void row // the Examples row by column name, for the steps as you fill them in`)
  const calls = stepCalls(cl, kase.values)
  for (const s of calls) out.push(inner + renderStep(s, names))
  if (calls.length === 0) out.push(`${inner}// the clause has no steps in the SPEC`)
  out.push(`${pad}})`)
}

/** `KEYS-001 name`, or `KEYS-004[2] name (project: zeta)` for an Outline row: stable and unique. */
export function testTitle({ clause: cl, case: kase }: SkeletonCase): string {
  if (kase.row === undefined) return `${kase.key} ${cl.name}`
  const values = Object.entries(kase.values ?? {}).map(([k, v]) => `${k}: ${v}`).join(', ')
  return `${kase.key} ${substitute(cl.name, kase.values ?? {})}${values ? ` (${values})` : ''}`
}

function clauseOptions({ case: kase }: SkeletonCase): string {
  const row = kase.row !== undefined ? `row: ${kase.row}, ` : ''
  return `{ ${row}skeleton: true${tagsOption(kase.tags)} }`
}

/** `, tags: [...]` for a case's tags; '' when it has none but its id. */
function tagsOption(tags: readonly string[]): string {
  let list = ''
  for (const t of tags) {
    // the id travels as clause()'s first argument; the runtime adds its own `@id:` tag where it wants one
    if (!t.startsWith('@id:')) list += list ? `, ${quote(t)}` : quote(t)
  }
  return list ? `, tags: [${list}]` : ''
}

function rowObject(values: Record<string, string>): string {
  const entries = Object.entries(values).map(([k, v]) => `${objectKey(k)}: ${quote(v)}`)
  return entries.length ? `{ ${entries.join(', ')} }` : '{}'
}

function renderStep(s: StepCall, names: HelperNames): string {
  const fn = names.steps[s.helper]
  const data: string[] = []
  if (s.docString !== undefined) data.push(`docString: ${quote(s.docString)}`)
  if (s.dataTable) data.push(`dataTable: [${s.dataTable.map((r) => `[${r.map(quote).join(', ')}]`).join(', ')}]`)
  if (data.length === 0) return `await ${fn}(${quote(s.text)}, async () => {})`
  return `await ${fn}(${quote(s.text)}, { ${data.join(', ')} }, async () => {})`
}
