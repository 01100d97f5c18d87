/**
 * Given/When/Then/And/But and `evidence` for Vitest tests. They record into the running test's
 * run record (current-record.ts), which the plugin's runner or setup file opens; without the
 * plugin they only run the body.
 */
import { parseStepArgs, recordData, runStep, type StepArgs } from '../../src/runtime/common/index.js'
import { currentRecord } from './current-record.js'

export type { StepArgument, StepBody } from '../../src/runtime/common/index.js'

export function step(keyword: string, text: string, ...args: StepArgs): Promise<void> {
  const call = parseStepArgs(keyword, text, args)
  return runStep(currentRecord(), { keyword, ...call })
}

type StepHelper = (text: string, ...args: StepArgs) => Promise<void>

const helper = (keyword: string): StepHelper => (text, ...args) => step(keyword, text, ...args)

export const Given = helper('Given')
export const When = helper('When')
export const Then = helper('Then')
export const And = helper('And')
export const But = helper('But')

export const evidence = {
  /** the test saw `count` real `entity` records (`rows in orders: 12`) */
  data(entity: string, count: number, source?: string): void {
    recordData(currentRecord(), entity, count, source)
  },
}
