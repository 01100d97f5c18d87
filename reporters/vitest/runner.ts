/**
 * specgate's Vitest runner: Vitest's own `TestRunner`, plus the attempt record. The plugin sets it
 * as `test.runner` unless the project has its own. Runner methods cost nothing per test beyond the
 * record itself, where a `beforeEach`/`afterEach` pair adds four task events per test (measured on
 * 5,000 tests: about 0.5 s of an 11 s run).
 */
import { TestRunner } from 'vitest'
import { beginAttempt, endAttempt, useProvidedTags, type AssertionSource } from './attempt.js'
import type { ProvidedSpecgate } from './provided.js'

type BeforeTry = Parameters<TestRunner['onBeforeTryTask']>
/** Vitest 5 declares it; 4.1 calls it when present */
type AfterRetry = (...args: BeforeTry) => unknown

interface RunnerTest {
  meta: object
  context?: AssertionSource
}

export default class SpecgateRunner extends TestRunner {
  constructor(config: ConstructorParameters<typeof TestRunner>[0]) {
    super(config)
    useProvidedTags(this.injectValue('specgate') as ProvidedSpecgate | undefined)
  }

  override onBeforeTryTask(...args: BeforeTry): void {
    super.onBeforeTryTask(...args)
    beginAttempt((args[0] as RunnerTest).meta)
  }

  /** After the attempt, its afterEach hooks and onTestFinished callbacks, whether it passed or threw. */
  async onAfterRetryTask(...args: BeforeTry): Promise<void> {
    const test = args[0] as RunnerTest
    endAttempt(test.meta, test.context ?? {})
    await (TestRunner.prototype as { onAfterRetryTask?: AfterRetry }).onAfterRetryTask?.apply(this, args)
  }
}
