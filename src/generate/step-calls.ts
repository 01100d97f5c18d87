/** A clause's steps -> the step calls of its skeleton: helper name, text, DocString and DataTable. */
import type { Clause, ClauseStep } from '../spec/model.js'

export type StepHelper = 'Given' | 'When' | 'Then' | 'And' | 'But'

export interface StepCall {
  helper: StepHelper
  text: string
  docString?: string
  dataTable?: string[][]
}

const FIRST_OF_KIND: Record<ClauseStep['kind'], StepHelper> = {
  context: 'Given', action: 'When', outcome: 'Then', unknown: 'Given',
}

/** Background steps first (the model keeps them first); an Outline row's values filled in. */
export function stepCalls(clause: Clause, values?: Record<string, string>): StepCall[] {
  const fill = (s: string): string => (values ? substitute(s, values) : s)
  return clause.steps.map((step, i) => {
    const call: StepCall = { helper: helperFor(step, clause.steps[i - 1]), text: fill(step.text) }
    if (step.docString) call.docString = fill(step.docString.content)
    if (step.dataTable) call.dataTable = step.dataTable.map((r) => r.map(fill))
    return call
  })
}

/** Adds the helper of each step, as stepCalls names them, to `used`, without filling in any text. */
export function addStepHelpers(clause: Clause, used: Set<StepHelper>): void {
  const steps = clause.steps
  for (let i = 0; i < steps.length; i++) used.add(helperFor(steps[i]!, steps[i - 1]))
}

/** The kind decides; a step continuing the kind before it is an And (or But, when written so). */
function helperFor(step: ClauseStep, previous: ClauseStep | undefined): StepHelper {
  if (!previous || previous.kind !== step.kind || step.kind === 'unknown') return FIRST_OF_KIND[step.kind]
  return step.keyword === 'But' ? 'But' : 'And'
}

/** `<name>` placeholders, as the Gherkin compiler fills them for a pickle. */
export function substitute(text: string, values: Record<string, string>): string {
  return text.replace(/<([^<>]*)>/g, (whole, name: string) => (Object.hasOwn(values, name) ? values[name]! : whole))
}
