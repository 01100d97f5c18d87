/**
 * The runner-agnostic runtime: step recording and the evidence API, shared by the Vitest and
 * Playwright adapters. A small, stable surface: adapters decide where the current TestRecord lives.
 */
export { newTestRecord, settleSteps, firstFailedStep } from './test-record.js'
export type { TestRecord, ObservedData } from './test-record.js'
export { parseStepArgs, STEP_KEYWORDS } from './step-args.js'
export type { StepArgument, StepBody, StepArgs, StepKeyword } from './step-args.js'
export { runStep } from './run-step.js'
export type { StepCall, StepWrapper } from './run-step.js'
export { recordData } from './record-data.js'
