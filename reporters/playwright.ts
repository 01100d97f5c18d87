/**
 * `specgate/playwright`: the reporter (default export, for `reporter: [['specgate/playwright']]`)
 * and what tests import: Playwright's `test` extended with specgate's automatic fixture, `expect`,
 * `clause`, the Given/When/Then step helpers and `evidence`.
 */
import { SpecgateReporter } from './playwright/reporter.js'

export default SpecgateReporter
export { SpecgateReporter }
export type { SpecgateReporterOptions } from './playwright/reporter.js'
export { test, expect } from './playwright/fixture.js'
export type { SpecgateTestFixtures, SpecgateWorkerFixtures } from './playwright/fixture.js'
export type { ProbeCounts } from './playwright/probe.js'
export { clause } from './playwright/clause.js'
export type { ClauseOptions, ClauseDetails } from './playwright/clause.js'
export { step, Given, When, Then, And, But } from './playwright/steps.js'
export { evidence } from './playwright/evidence-api.js'
