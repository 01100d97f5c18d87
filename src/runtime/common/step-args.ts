/**
 * The step helpers' overloads: `(text, fn?)` and `(text, { docString?, dataTable? }, fn?)`.
 * A malformed call is a user error, thrown at once with what was expected.
 */
export interface StepArgument {
  docString?: string
  dataTable?: string[][]
}

export type StepBody = (arg: StepArgument) => unknown

export type StepArgs = [fn?: StepBody] | [arg: StepArgument, fn?: StepBody]

export const STEP_KEYWORDS = ['Given', 'When', 'Then', 'And', 'But'] as const
export type StepKeyword = (typeof STEP_KEYWORDS)[number]

export function parseStepArgs(keyword: string, text: unknown, args: readonly unknown[]): { text: string; arg: StepArgument; fn?: StepBody } {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new TypeError(`specgate: ${keyword}(text, ...) needs the step text as a non-empty string, got ${describe(text)}`)
  }
  const [first, second] = args
  if (typeof first === 'function' || first === undefined) {
    return { text, arg: {}, fn: first as StepBody | undefined }
  }
  if (!isStepArgument(first)) {
    throw new TypeError(`specgate: ${keyword}('${text}', ...) takes a function or { docString?, dataTable? }, got ${describe(first)}`)
  }
  if (second !== undefined && typeof second !== 'function') {
    throw new TypeError(`specgate: ${keyword}('${text}', arg, fn): fn must be a function, got ${describe(second)}`)
  }
  return { text, arg: first, fn: second as StepBody | undefined }
}

function isStepArgument(v: unknown): v is StepArgument {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false
  const o = v as Record<string, unknown>
  const knownKeys = Object.keys(o).every((k) => k === 'docString' || k === 'dataTable')
  const doc = o.docString === undefined || typeof o.docString === 'string'
  const table = o.dataTable === undefined || (Array.isArray(o.dataTable) && o.dataTable.every(Array.isArray))
  return knownKeys && doc && table
}

function describe(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'an array'
  if (typeof v === 'object') return `an object with keys ${Object.keys(v as object).join(', ') || '(none)'}`
  return typeof v === 'string' ? `'${v}'` : typeof v
}
