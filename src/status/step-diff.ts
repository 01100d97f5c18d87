/**
 * What changed in a clause's steps since its test was written, as far as the test's step calls
 * say: texts only it calls, texts only the clause has, and the steps whose DocString or DataTable
 * the test carries as a literal that no longer matches the clause's. Pure.
 */
import { stepCalls, type StepCall } from '../generate/step-calls.js'
import type { Clause } from '../spec/model.js'
import type { Claim, ClaimStep } from './scan-source.js'

export type StepData = 'DocString' | 'DataTable'

/** Texts only: a test records its hash, not the clause it was written from. */
export interface StepDiff {
  /** the clause's steps now, `Given ...` (the Outline row filled in for a row test) */
  current: string[]
  /** step texts the test calls that the clause no longer has */
  removed: string[]
  /** step texts of the clause the test does not call */
  added: string[]
  /** steps the test calls with a DocString or DataTable literal the clause no longer has */
  data: Array<{ step: string; changed: StepData[] }>
}

export function stepDiff(clause: Clause, claim: Claim): StepDiff {
  const values = clause.cases.find((k) => k.row === claim.row)?.values
  const calls = stepCalls(clause, claim.row === undefined ? undefined : values)
  const texts = calls.map((s) => s.text)
  const called = claim.steps.map((s) => s.text)
  return {
    current: calls.map((s) => `${s.helper} ${s.text}`),
    removed: called.filter((t) => !texts.includes(t)),
    added: texts.filter((t) => !called.includes(t)),
    data: dataChanges(calls, claim.steps),
  }
}

/** Each clause step is paired with the next unpaired call of the same text (a text may come twice). */
function dataChanges(calls: readonly StepCall[], steps: readonly ClaimStep[]): StepDiff['data'] {
  const used = new Set<number>()
  const out: StepDiff['data'] = []
  for (const call of calls) {
    const i = steps.findIndex((s, n) => !used.has(n) && s.text === call.text)
    if (i < 0) continue
    used.add(i)
    const changed = dataChanged(call, steps[i]!)
    if (changed.length > 0) out.push({ step: `${call.helper} ${call.text}`, changed })
  }
  return out
}

/** Only what the test carries can be compared: a step call without a literal says nothing. */
function dataChanged(call: StepCall, step: ClaimStep): StepData[] {
  const changed: StepData[] = []
  if ('docString' in step && step.docString !== call.docString) changed.push('DocString')
  if ('dataTable' in step && JSON.stringify(step.dataTable) !== JSON.stringify(call.dataTable)) changed.push('DataTable')
  return changed
}
