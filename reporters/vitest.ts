/**
 * `specgate/vitest`: the Vitest plugin (default export) and the runtime helpers tests use to link
 * themselves to SPEC clauses. Light at import time: the plugin's node-side work loads lazily.
 */
import { specgate } from './vitest/plugin.js'

export { specgate }
export default specgate
export type { SpecgatePluginOptions, GateMode } from './vitest/plugin.js'
export { clause } from './vitest/clause.js'
export type { ClauseOptions, ClauseTestOptions } from './vitest/clause.js'
export { step, Given, When, Then, And, But, evidence } from './vitest/steps.js'
export type { StepArgument, StepBody } from './vitest/steps.js'
export type { ClauseLink } from './vitest/meta.js'
